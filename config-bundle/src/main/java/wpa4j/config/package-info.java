/**
 * The operator configuration model shared by both configuration files: where a setting came from
 * ({@link wpa4j.config.Source}), what is wrong with it ({@link wpa4j.config.Problem},
 * {@link wpa4j.config.ConfigException}), secrets that never print ({@link wpa4j.config.SecretText},
 * {@link wpa4j.config.PskSetting}), wpa_supplicant's three string forms ({@link wpa4j.config.StringCodec}) and
 * crash-safe saving ({@link wpa4j.config.AtomicFile}).
 *
 * <p>Every edge that sets a value (a file, Config Admin, the control interface, the shell) validates it
 * through the same per-key rules in {@code wpa4j.config.station} and {@code wpa4j.config.ap}, so one key
 * gives one diagnostic wherever it is set.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package wpa4j.config;
