/**
 * The station core's control surface: one {@link wpa4j.supplicant.SupplicantControl} service per
 * configured interface, for the shell and other gateway bundles.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package wpa4j.supplicant;
