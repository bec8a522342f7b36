/**
 * IEEE 802.11 management frames (header, Beacon, Probe Request/Response, Authentication,
 * (Re)Association Request/Response, Deauthentication, Disassociation, Action) as records, encoded and
 * decoded octet-exact, frames as drivers hand them up ({@link wpa4j.common.frame.MgmtFrame#decodeReceived}),
 * Authentication frames with SAE fields ({@link wpa4j.common.frame.AuthenticationBody}), SA Query, plus reason
 * and status codes.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package wpa4j.common.frame;
