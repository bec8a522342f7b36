package wpa4j.config.ap;

import java.util.Objects;
import java.util.Optional;

import wpa4j.config.PskSetting;
import wpa4j.driver.types.MacAddress;

/**
 * One line of a {@code wpa_psk_file}: {@code [keyid=<id>] <mac> <passphrase or 64 hex digits>}.
 *
 * @param keyId   the key identifier hostapd reports on connection, when set
 * @param station the station that may use the PSK; {@link MacAddress#ZERO} for any station
 * @param psk     the passphrase or raw PSK
 */
public record PskFileEntry(Optional<String> keyId, MacAddress station, PskSetting psk) {
    public PskFileEntry {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(station, "station");
        Objects.requireNonNull(psk, "psk");
    }

    /** Whether any station may use it ({@code 00:00:00:00:00:00}). */
    public boolean anyStation() {
        return station.isZero();
    }
}
