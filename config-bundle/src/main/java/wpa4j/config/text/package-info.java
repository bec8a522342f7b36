/**
 * The octet-string forms of the configuration files (not exported): quoted text, hex and printf escapes as
 * wpa_supplicant writes them. Apart from the parsers, so the exported codec and the internals share it
 * without depending on each other.
 */
package wpa4j.config.text;
