package wpa4j.config.ap;

import java.util.Objects;
import java.util.Optional;

import wpa4j.config.SecretText;
import wpa4j.driver.types.MacAddress;

/**
 * One {@code sae_password=<password>[|mac=<peer>]} line.
 *
 * @param password the password octets
 * @param peer     the only station that may use it, or empty for any
 */
public record SaePassword(SecretText password, Optional<MacAddress> peer) {
    public SaePassword {
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(peer, "peer");
    }

    @Override
    public String toString() {
        return "SaePassword[*" + peer.map(p -> ", peer=" + p).orElse("") + "]";
    }
}
