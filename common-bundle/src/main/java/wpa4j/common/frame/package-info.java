/**
 * IEEE 802.11 management frames (header, Beacon, Probe Request/Response, Authentication,
 * (Re)Association Request/Response, Deauthentication, Disassociation, Action) as records, encoded and
 * decoded octet-exact, plus reason and status codes.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package wpa4j.common.frame;
