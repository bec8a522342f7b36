package wpa4j.common.sae;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

import javax.security.auth.Destroyable;

import wpa4j.common.crypto.SecretKeyBytes;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.Ssid;

/**
 * An SAE password with what binds it: the SSID (hash-to-element only) and an optional password identifier
 * (sent in clear in the Password Identifier element; hash-to-element only). Keeps the PT of each group once
 * derived. Destroying it zeroes the password and every PT.
 */
public final class SaePassword implements Destroyable {
    private final SecretKeyBytes password;
    private final Bytes identifier;
    private final Ssid ssid;
    private final Map<SaeGroup, SaePt> pts = new EnumMap<>(SaeGroup.class);

    private SaePassword(SecretKeyBytes password, Bytes identifier, Ssid ssid) {
        this.password = password;
        this.identifier = identifier;
        this.ssid = ssid;
    }

    /** {@code password} (copied; the caller zeroes its own array) for the network {@code ssid}, no identifier. */
    public static SaePassword of(byte[] password, Ssid ssid) {
        return of(password, Bytes.EMPTY, ssid);
    }

    /** With a password identifier (empty: none). */
    public static SaePassword of(byte[] password, Bytes identifier, Ssid ssid) {
        Objects.requireNonNull(ssid, "ssid");
        Objects.requireNonNull(identifier, "identifier");
        if (password.length == 0) {
            throw new IllegalArgumentException("password: empty");
        }
        if (identifier.length() > 253) {
            throw new IllegalArgumentException("identifier: " + identifier.length() + " octets, at most 253");
        }
        return new SaePassword(SecretKeyBytes.copyOf(password), identifier, ssid);
    }

    /** The password identifier, empty for none. */
    public Bytes identifier() {
        return identifier;
    }

    public Ssid ssid() {
        return ssid;
    }

    /** The PT of {@code group}, derived on first use and kept. */
    public synchronized SaePt pt(SaeGroup group) {
        SaePt pt = pts.get(group);
        if (pt == null) {
            byte[] pw = password.copy();
            try {
                pt = SaePt.derive(group, ssid, pw, identifier);
            } finally {
                Arrays.fill(pw, (byte) 0);
            }
            pts.put(group, pt);
        }
        return pt;
    }

    /** The password octets, copied: the caller zeroes them. */
    byte[] copy() {
        return password.copy();
    }

    @Override
    public synchronized void destroy() {
        password.destroy();
        pts.values().forEach(SaePt::destroy);
        pts.clear();
    }

    @Override
    public boolean isDestroyed() {
        return password.isDestroyed();
    }

    @Override
    public String toString() {
        return "SaePassword[ssid " + ssid + (identifier.isEmpty() ? "" : ", with identifier") + "]";
    }
}
