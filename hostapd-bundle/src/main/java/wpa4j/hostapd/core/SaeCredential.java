package wpa4j.hostapd.core;

import java.util.Objects;
import java.util.Optional;

import wpa4j.common.crypto.SecretKeyBytes;
import wpa4j.driver.types.MacAddress;

/**
 * One SAE password of the BSS ({@code sae_password=<password>[|mac=<peer>]}, or {@code wpa_passphrase} as hostapd's
 * fallback). Never printed.
 *
 * @param password the password octets
 * @param peer the only station that may use it, or empty for any
 */
public record SaeCredential(SecretKeyBytes password, Optional<MacAddress> peer) {
    public SaeCredential {
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(peer, "peer");
        if (password.length() == 0) {
            throw new IllegalArgumentException("password: empty");
        }
    }

    boolean appliesTo(MacAddress sta) {
        return peer.map(p -> p.equals(sta)).orElse(true);
    }

    @Override
    public String toString() {
        return "SaeCredential[*" + peer.map(p -> ", peer=" + p).orElse("") + "]";
    }
}
