package wpa4j.wext;

import java.util.EnumSet;
import java.util.Set;

import wpa4j.driver.Capabilities;
import wpa4j.driver.types.AuthAlg;
import wpa4j.driver.types.Cipher;
import wpa4j.driver.types.KeyMgmtCapability;
import wpa4j.driver.types.MacAddress;
import wpa4j.wext.ioctl.IwRange;
import wpa4j.wext.ioctl.WextException;
import wpa4j.wext.ioctl.WextSocket;
import wpa4j.wext.uapi.Uapi;

/**
 * Whether WEXT can drive an interface and how well: SIOCGIWNAME must answer, SIOCGIWRANGE gives the
 * encoding capabilities. The score stays below nl80211's (100 and up) so that, where both can drive an
 * interface, nl80211 binds.
 */
final class WextProbe {
    static final int BASE_RANKING = 50;

    private WextProbe() {}

    static WextLink probe(WextSocket s, String ifname) throws WextException {
        s.name(ifname);
        IwRange range = s.range(ifname);
        int ifindex = s.ifindex(ifname);
        MacAddress mac = MacAddress.of(s.hwaddr(ifname));
        Capabilities caps = capabilities(range);
        return new WextLink(ifname, ifindex, mac, caps, ranking(range));
    }

    /** 50, +5 when the driver does WPA2 with CCMP (what the station core needs). */
    static int ranking(IwRange r) {
        return BASE_RANKING + (r.has(Uapi.IW_ENC_CAPA_WPA2) && r.has(Uapi.IW_ENC_CAPA_CIPHER_CCMP) ? 5 : 0);
    }

    /** No SME split and no AP in WEXT; one SSID per directed scan. */
    static Capabilities capabilities(IwRange r) {
        Set<KeyMgmtCapability> keyMgmt = EnumSet.noneOf(KeyMgmtCapability.class);
        if (r.has(Uapi.IW_ENC_CAPA_WPA)) {
            keyMgmt.addAll(EnumSet.of(KeyMgmtCapability.WPA, KeyMgmtCapability.WPA_PSK));
        }
        if (r.has(Uapi.IW_ENC_CAPA_WPA2)) {
            keyMgmt.addAll(EnumSet.of(KeyMgmtCapability.WPA2, KeyMgmtCapability.WPA2_PSK));
        }
        Set<Cipher> enc = EnumSet.of(Cipher.WEP40, Cipher.WEP104);
        if (r.has(Uapi.IW_ENC_CAPA_CIPHER_TKIP)) {
            enc.add(Cipher.TKIP);
        }
        if (r.has(Uapi.IW_ENC_CAPA_CIPHER_CCMP)) {
            enc.add(Cipher.CCMP);
        }
        return new Capabilities(keyMgmt, enc, EnumSet.of(AuthAlg.OPEN, AuthAlg.SHARED, AuthAlg.LEAP), Set.of(), 1, 0, false, 0, 0, 0, Set.of(),
                WextInterface.supportedOps());
    }
}
