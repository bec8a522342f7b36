package wpa4j.config;

/**
 * The pre-shared key of a WPA-PSK network: a passphrase (the PSK is PBKDF2 of it and the SSID) or the raw
 * 256-bit PSK. Both print masked.
 */
public sealed interface PskSetting permits Passphrase, RawPsk {
}
