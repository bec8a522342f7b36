/**
 * Shared machinery of the two parsers, private to the bundle: octet strings, the line reader with its two
 * dialects, the diagnostics collector, number/hex/MAC parsing, wpa_supplicant's string codec, and the names
 * hostap 2.10 knows.
 *
 * <p>Lines are held as <em>octet strings</em>: one {@code char} (0..255) per file octet (ISO-8859-1), so an
 * SSID that is not UTF-8 survives parsing unchanged. Text from an API caller is first encoded as UTF-8.
 */
package wpa4j.config.internal;
