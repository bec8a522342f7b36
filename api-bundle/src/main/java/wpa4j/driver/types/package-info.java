/**
 * Value types of the driver interface: the parameters and results of the hostap 2.0 driver ops
 * ({@code struct wpa_driver_associate_params}, {@code struct wpa_scan_res}, ...) as immutable records
 * that validate at construction, and the enums behind the C bit sets and constants.
 *
 * <p>Raw octets (SSIDs, IEs, frames, keys) are {@link wpa4j.driver.types.Bytes}, never {@code String}.
 * Records that carry secrets (keys, passphrases, PSKs) leave them out of {@code toString()}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.3.0")
package wpa4j.driver.types;
