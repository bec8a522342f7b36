package wpa4j.wext;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import wpa4j.driver.Capabilities;
import wpa4j.driver.types.AssociateParams;
import wpa4j.driver.types.AuthAlg;
import wpa4j.driver.types.AuthParams;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.Cipher;
import wpa4j.driver.types.DriverFlag;
import wpa4j.driver.types.KeyAlg;
import wpa4j.driver.types.KeyMgmt;
import wpa4j.driver.types.KeyParams;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.Mfp;
import wpa4j.driver.types.Proto;
import wpa4j.driver.types.Ssid;
import wpa4j.driver.types.WepKeys;
import wpa4j.wext.ioctl.IwRange;
import wpa4j.wext.uapi.Uapi;

/** Wireless Extensions cannot do SAE or PMF (issue 14): the capabilities say so, and the ops refuse with the reason. */
class WextLimitsTest {
    private static final MacAddress AP = MacAddress.parse("02:00:00:00:00:00");
    private static final Ssid SSID = Ssid.of("wpa3".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

    @Test
    void capabilitiesNameNeitherSaeNorBip() {
        // everything SIOCGIWRANGE can report
        Capabilities c = WextProbe.capabilities(new IwRange(22, 22, Uapi.IW_ENC_CAPA_WPA | Uapi.IW_ENC_CAPA_WPA2 | Uapi.IW_ENC_CAPA_CIPHER_TKIP
                | Uapi.IW_ENC_CAPA_CIPHER_CCMP, List.of(2412)));
        assertFalse(c.auth().contains(AuthAlg.SAE));
        assertFalse(c.flags().contains(DriverFlag.SAE));
        assertFalse(c.enc().contains(Cipher.BIP));
        assertFalse(c.has(DriverFlag.BEACON_PROTECTION) || c.has(DriverFlag.BEACON_PROTECTION_CLIENT), "no beacon protection either");
        assertFalse(c.supports("authenticate"), "no SME: authenticate only explains why not");
    }

    private static String refusal(Executable op) {
        return assertThrows(UnsupportedOperationException.class, op).getMessage();
    }

    static AssociateParams assoc(KeyMgmt k, Mfp mfp) {
        return AssociateParams.builder().bssid(AP).ssid(SSID).freq(2412).wpaIe(Bytes.fromHex("30140100000fac040100000fac040100000fac02c000"))
                .wpaProto(Set.of(Proto.RSN)).pairwiseSuite(Cipher.CCMP).groupSuite(Cipher.CCMP).keyMgmtSuite(k).mgmtFrameProtection(mfp).build();
    }

    @Test
    void saeAuthenticationIsRefusedWithTheReason() {
        AuthParams sae = new AuthParams(2412, AP, SSID, AuthAlg.SAE, Bytes.EMPTY, WepKeys.NONE, false, false, Bytes.fromHex("01000000"));
        assertEquals("authenticate: the wext backend cannot do SAE authentication (WPA3-Personal): Wireless Extensions have no SAE and no user-space SME;"
                + " use nl80211", refusal(() -> WextLimits.checkAuthenticate(sae)));
        assertDoesNotThrow(() -> WextLimits.checkAuthenticate(AuthParams.open(2412, AP, SSID)));
    }

    @Test
    void associationsThatNeedPmfOrItsAkmsAreRefusedWithTheReason() {
        String pmf = "associate: the wext backend cannot do management frame protection (IEEE 802.11w): cfg80211 ignores IW_AUTH_MFP; use nl80211";
        assertEquals(pmf, refusal(() -> WextLimits.checkAssociate(assoc(KeyMgmt.PSK, Mfp.REQUIRED))));
        assertEquals(pmf, refusal(() -> WextLimits.checkAssociate(assoc(KeyMgmt.PSK, Mfp.OPTIONAL))));
        assertEquals("associate: the wext backend cannot do key management SAE: IW_AUTH_KEY_MGMT has only 802.1X and PSK; use nl80211",
                refusal(() -> WextLimits.checkAssociate(assoc(KeyMgmt.SAE, Mfp.NO))));
        assertEquals("associate: the wext backend cannot do key management PSK_SHA256: IW_AUTH_KEY_MGMT has only 802.1X and PSK; use nl80211",
                refusal(() -> WextLimits.checkAssociate(assoc(KeyMgmt.PSK_SHA256, Mfp.NO))));
        assertDoesNotThrow(() -> WextLimits.checkAssociate(assoc(KeyMgmt.PSK, Mfp.NO)));
    }

    @Test
    void anIgtkIsRefusedWithTheReason() {
        KeyParams igtk = KeyParams.group(KeyAlg.IGTK, 4, false, Bytes.fromHex("010000000000"), Bytes.of(new byte[16]));
        assertEquals("set_key: the wext backend cannot do management frame protection (IEEE 802.11w), so no IGTK; use nl80211",
                refusal(() -> WextLimits.checkKey(igtk)));
        assertDoesNotThrow(() -> WextLimits.checkKey(KeyParams.group(KeyAlg.CCMP, 1, false, Bytes.EMPTY, Bytes.of(new byte[16]))));
    }

    @Test
    void aBigtkIsRefusedWithTheReason() {
        for (int idx : new int[] {6, 7}) {
            for (boolean setTx : new boolean[] {true, false}) {
                KeyParams bigtk = KeyParams.group(KeyAlg.IGTK, idx, setTx, Bytes.fromHex("010000000000"), Bytes.of(new byte[16]));
                assertEquals("set_key: the wext backend cannot do beacon protection (IEEE 802.11-2020 12.7.2): Wireless Extensions have no BIGTK (key index "
                        + idx + "); use nl80211", refusal(() -> WextLimits.checkKey(bigtk)));
            }
        }
    }
}
