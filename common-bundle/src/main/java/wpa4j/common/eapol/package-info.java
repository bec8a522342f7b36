/**
 * IEEE 802.1X EAPOL frames and EAPOL-Key frames (IEEE 802.11-2012 11.6.2): key information bits, replay
 * counter, nonce, IV, RSC, MIC, key data and its KDEs (GTK, PMKID), with the checks each role (supplicant,
 * authenticator) applies to what it receives, and the AKMs whose handshakes wpa4j runs ({@link wpa4j.common.eapol.Akm}).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package wpa4j.common.eapol;
