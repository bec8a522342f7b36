package wpa4j.common.sae;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import javax.security.auth.Destroyable;

import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.MacAddress;

/**
 * The anti-clogging tokens of one BSS (IEEE 802.11-2020 12.4.6): token = HMAC-SHA256(key, station || BSSID), checked
 * without keeping anything per station. The key is random and renewed by the owner's timer every
 * {@link #KEY_LIFETIME} (hostapd renews its comeback key after 60 s); a token made with the previous key still passes,
 * so a station that got one just before a renewal is not sent back for another.
 *
 * <p>Shared by the {@link SaeAccessPoint} instances of a BSS (one per password), so that the threshold counts the
 * open exchanges of all of them, as hostapd's use_anti_clogging counts every station of the BSS.
 */
public final class AntiCloggingTokens implements Destroyable {
    /** How long a key makes tokens; one more period it is still accepted. */
    public static final Duration KEY_LIFETIME = Duration.ofSeconds(60);

    private final SecureRandom random;
    private final byte[] current = new byte[32];
    /** The key before the last renewal; null until the first renewal. */
    private byte[] previous;
    private final List<SaeAccessPoint> members = new ArrayList<>();
    private boolean destroyed;

    public AntiCloggingTokens(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
        random.nextBytes(current);
    }

    /** A new key: tokens of the key before the current one are refused from now on. */
    public void renew() {
        if (previous == null) {
            previous = new byte[current.length];
        }
        System.arraycopy(current, 0, previous, 0, current.length);
        random.nextBytes(current);
    }

    /** Exchanges started and not yet accepted, over every instance sharing these tokens. */
    public int open() {
        return members.stream().mapToInt(SaeAccessPoint::pending).sum();
    }

    Bytes token(MacAddress sta, MacAddress bssid) {
        return Bytes.of(mac(current, sta, bssid));
    }

    /** Whether {@code token} was made for this station and BSSID with the current or the previous key (constant time). */
    boolean valid(MacAddress sta, MacAddress bssid, Bytes token) {
        byte[] t = token.toArray();
        boolean byCurrent = MessageDigest.isEqual(mac(current, sta, bssid), t);
        // both keys are tried whatever the first gives: the time taken does not tell which key made the token
        boolean byPrevious = previous != null && MessageDigest.isEqual(mac(previous, sta, bssid), t);
        return byCurrent | byPrevious;
    }

    private static byte[] mac(byte[] key, MacAddress sta, MacAddress bssid) {
        return SaeKdf.hmac("HmacSHA256", key, sta.octets(), bssid.octets());
    }

    void join(SaeAccessPoint ap) {
        members.add(ap);
    }

    void leave(SaeAccessPoint ap) {
        members.remove(ap);
    }

    /** Zeroes both keys. */
    @Override
    public void destroy() {
        Arrays.fill(current, (byte) 0);
        if (previous != null) {
            Arrays.fill(previous, (byte) 0);
        }
        members.clear();
        destroyed = true;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public String toString() {
        return "AntiCloggingTokens[" + members.size() + " instances]";
    }
}
