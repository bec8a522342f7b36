package wpa4j.driver.types;

import java.util.Set;

/**
 * The arguments of {@code associate} ({@code struct wpa_driver_associate_params}). Build with {@link #builder()}.
 *
 * @param bssid BSSID to associate with, or {@code null} to let the driver choose (when it selects BSSs)
 * @param ssid the SSID
 * @param freq frequency in MHz, 0 when not known
 * @param bgScanPeriod background scan period in seconds, 0 to disable, -1 for the driver default
 * @param wpaIe the WPA/RSN IE to use in the (Re)Association Request, empty for none
 * @param wpaProto security protocol (WPA or RSN), empty for none
 * @param pairwiseSuite pairwise cipher
 * @param groupSuite group cipher
 * @param keyMgmtSuite key management suite
 * @param authAlg authentication algorithms allowed
 * @param mode infrastructure, IBSS or AP
 * @param wepKeys static WEP keys
 * @param mgmtFrameProtection IEEE 802.11w setting
 * @param ftIes FT IEs for FT over-the-air, empty for none
 * @param ftMd the 2-octet mobility domain, empty for none
 * @param passphrase WPA passphrase for drivers that do the 4-way handshake; {@code null} otherwise; never printed
 * @param psk 32-octet PSK for such drivers, empty otherwise; never printed
 * @param dropUnencrypted whether to drop unencrypted data frames until the port is authorized
 * @param prevBssid previously associated BSSID for a reassociation, or {@code null}
 * @param wps WPS mode
 * @param p2p whether this is a P2P group association
 * @param uapsd U-APSD settings (-1 for the driver default)
 * @param fixedBssid whether the driver must not roam away from {@code bssid}
 * @param disableHt whether to disable HT
 * @param htCaps HT capabilities override, empty for none
 * @param htCapsMask mask of the {@code htCaps} bits to override
 */
public record AssociateParams(MacAddress bssid, Ssid ssid, int freq, int bgScanPeriod, Bytes wpaIe, Set<Proto> wpaProto,
        Cipher pairwiseSuite, Cipher groupSuite, KeyMgmt keyMgmtSuite, Set<AuthAlg> authAlg, BssMode mode, WepKeys wepKeys,
        Mfp mgmtFrameProtection, Bytes ftIes, Bytes ftMd, String passphrase, Bytes psk, boolean dropUnencrypted,
        MacAddress prevBssid, WpsMode wps, boolean p2p, int uapsd, boolean fixedBssid, boolean disableHt, Bytes htCaps,
        Bytes htCapsMask) {

    public AssociateParams {
        Validate.nonNull("ssid", ssid);
        Validate.frequencyOrZero("freq", freq);
        Validate.range("bgScanPeriod", bgScanPeriod, -1, 65535);
        Validate.length("wpaIe", wpaIe, 0, 257);
        wpaProto = Validate.set("wpaProto", wpaProto);
        Validate.nonNull("pairwiseSuite", pairwiseSuite);
        Validate.nonNull("groupSuite", groupSuite);
        Validate.nonNull("keyMgmtSuite", keyMgmtSuite);
        authAlg = Validate.set("authAlg", authAlg);
        if (authAlg.isEmpty()) {
            throw new IllegalArgumentException("authAlg: empty, at least one algorithm required");
        }
        Validate.nonNull("mode", mode);
        Validate.nonNull("wepKeys", wepKeys);
        Validate.nonNull("mgmtFrameProtection", mgmtFrameProtection);
        Validate.nonNull("ftIes", ftIes);
        if (!ftMd.isEmpty()) {
            Validate.exactLength("ftMd", ftMd, 2);
        }
        if (passphrase != null && (passphrase.length() < 8 || passphrase.length() > 63)) {
            throw new IllegalArgumentException("passphrase: length " + passphrase.length() + " out of range 8..63");
        }
        if (!Validate.nonNull("psk", psk).isEmpty()) {
            Validate.exactLength("psk", psk, 32);
        }
        Validate.nonNull("wps", wps);
        Validate.range("uapsd", uapsd, -1, 0xff);
        Validate.nonNull("htCaps", htCaps);
        Validate.nonNull("htCapsMask", htCapsMask);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String toString() {
        return "AssociateParams[bssid=" + bssid + ", ssid=" + ssid + ", freq=" + freq + ", wpaIe=" + wpaIe + ", wpaProto=" + wpaProto
                + ", pairwise=" + pairwiseSuite + ", group=" + groupSuite + ", keyMgmt=" + keyMgmtSuite + ", authAlg=" + authAlg
                + ", mode=" + mode + ", " + wepKeys + ", mfp=" + mgmtFrameProtection + ", passphrase=" + (passphrase == null ? "none" : "<set>")
                + ", psk=" + (psk.isEmpty() ? "none" : "<set>") + ", prevBssid=" + prevBssid + ", wps=" + wps + ", p2p=" + p2p + "]";
    }

    /** Builder with the defaults of an open infrastructure association. */
    public static final class Builder {
        private MacAddress bssid;
        private Ssid ssid = Ssid.WILDCARD;
        private int freq;
        private int bgScanPeriod = -1;
        private Bytes wpaIe = Bytes.EMPTY;
        private Set<Proto> wpaProto = Set.of();
        private Cipher pairwiseSuite = Cipher.NONE;
        private Cipher groupSuite = Cipher.NONE;
        private KeyMgmt keyMgmtSuite = KeyMgmt.NONE;
        private Set<AuthAlg> authAlg = Set.of(AuthAlg.OPEN);
        private BssMode mode = BssMode.INFRA;
        private WepKeys wepKeys = WepKeys.NONE;
        private Mfp mgmtFrameProtection = Mfp.NO;
        private Bytes ftIes = Bytes.EMPTY;
        private Bytes ftMd = Bytes.EMPTY;
        private String passphrase;
        private Bytes psk = Bytes.EMPTY;
        private boolean dropUnencrypted;
        private MacAddress prevBssid;
        private WpsMode wps = WpsMode.NONE;
        private boolean p2p;
        private int uapsd = -1;
        private boolean fixedBssid;
        private boolean disableHt;
        private Bytes htCaps = Bytes.EMPTY;
        private Bytes htCapsMask = Bytes.EMPTY;

        public Builder bssid(MacAddress v) { bssid = v; return this; }
        public Builder ssid(Ssid v) { ssid = v; return this; }
        public Builder freq(int v) { freq = v; return this; }
        public Builder bgScanPeriod(int v) { bgScanPeriod = v; return this; }
        public Builder wpaIe(Bytes v) { wpaIe = v; return this; }
        public Builder wpaProto(Set<Proto> v) { wpaProto = v; return this; }
        public Builder pairwiseSuite(Cipher v) { pairwiseSuite = v; return this; }
        public Builder groupSuite(Cipher v) { groupSuite = v; return this; }
        public Builder keyMgmtSuite(KeyMgmt v) { keyMgmtSuite = v; return this; }
        public Builder authAlg(Set<AuthAlg> v) { authAlg = v; return this; }
        public Builder mode(BssMode v) { mode = v; return this; }
        public Builder wepKeys(WepKeys v) { wepKeys = v; return this; }
        public Builder mgmtFrameProtection(Mfp v) { mgmtFrameProtection = v; return this; }
        public Builder ftIes(Bytes v) { ftIes = v; return this; }
        public Builder ftMd(Bytes v) { ftMd = v; return this; }
        public Builder passphrase(String v) { passphrase = v; return this; }
        public Builder psk(Bytes v) { psk = v; return this; }
        public Builder dropUnencrypted(boolean v) { dropUnencrypted = v; return this; }
        public Builder prevBssid(MacAddress v) { prevBssid = v; return this; }
        public Builder wps(WpsMode v) { wps = v; return this; }
        public Builder p2p(boolean v) { p2p = v; return this; }
        public Builder uapsd(int v) { uapsd = v; return this; }
        public Builder fixedBssid(boolean v) { fixedBssid = v; return this; }
        public Builder disableHt(boolean v) { disableHt = v; return this; }
        public Builder htCaps(Bytes v) { htCaps = v; return this; }
        public Builder htCapsMask(Bytes v) { htCapsMask = v; return this; }

        public AssociateParams build() {
            return new AssociateParams(bssid, ssid, freq, bgScanPeriod, wpaIe, wpaProto, pairwiseSuite, groupSuite, keyMgmtSuite,
                    authAlg, mode, wepKeys, mgmtFrameProtection, ftIes, ftMd, passphrase, psk, dropUnencrypted, prevBssid, wps, p2p,
                    uapsd, fixedBssid, disableHt, htCaps, htCapsMask);
        }
    }
}
