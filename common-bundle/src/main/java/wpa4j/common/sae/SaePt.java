package wpa4j.common.sae;

import java.util.Arrays;
import java.util.Objects;

import javax.security.auth.Destroyable;

import org.bouncycastle.math.ec.ECPoint;

import wpa4j.common.codec.MalformedFrameException;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.Ssid;

/**
 * The hash-to-element password token PT of one group (IEEE 802.11-2020 12.4.4.2.3): it depends only on the
 * password, the SSID and the password identifier, so it is derived once per configuration and kept; each peer's
 * PWE is then one multiplication. Immutable until {@link #destroy()}ed (the octets are zeroed); a PT allows an
 * offline dictionary attack on the password, so it is never printed nor handed out.
 */
public final class SaePt implements Destroyable {
    private final SaeGroup group;
    private final byte[] xy;
    private volatile boolean destroyed;

    private SaePt(SaeGroup group, byte[] xy) {
        this.group = group;
        this.xy = xy;
    }

    /**
     * Derives PT from {@code password} (octets, not kept), the SSID and a password identifier (empty: none).
     */
    public static SaePt derive(SaeGroup group, Ssid ssid, byte[] password, Bytes identifier) {
        Objects.requireNonNull(group, "group");
        byte[] id = identifier.toArray();
        return new SaePt(group, HashToElement.pt(group, ssid.octets().toArray(), password, id));
    }

    public SaeGroup group() {
        return group;
    }

    /** PT as a point of the group's curve. */
    ECPoint point() {
        if (destroyed) {
            throw new IllegalStateException("PT destroyed");
        }
        try {
            return group.decode(xy);
        } catch (MalformedFrameException e) {
            throw new IllegalStateException("PT is not a point", e);
        }
    }

    @Override
    public void destroy() {
        Arrays.fill(xy, (byte) 0);
        destroyed = true;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public String toString() {
        return "SaePt[" + group + (destroyed ? ", destroyed]" : "]");
    }
}
