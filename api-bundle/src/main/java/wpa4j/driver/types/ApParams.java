package wpa4j.driver.types;

import java.util.List;
import java.util.Set;

/**
 * The arguments of {@code set_ap} ({@code struct wpa_driver_ap_params}): the Beacon template and the BSS
 * settings. Build with {@link #builder()}.
 *
 * @param head Beacon frame up to and including the IEs before the TIM (header, fixed fields, SSID, rates, DS)
 * @param tail Beacon IEs after the TIM
 * @param dtimPeriod DTIM period
 * @param beaconInt beacon interval in TUs
 * @param basicRates basic rates in units of 100 kbps
 * @param proberesp Probe Response template for drivers that answer probes, empty otherwise
 * @param ssid the SSID (needed when {@code hideSsid} blanks it in {@code head})
 * @param hideSsid how the SSID is hidden in beacons
 * @param pairwiseCiphers pairwise ciphers of the BSS
 * @param groupCipher group cipher
 * @param keyMgmtSuites key management suites
 * @param authAlgs authentication algorithms allowed
 * @param wpaVersion WPA versions enabled
 * @param privacy whether privacy (the Privacy capability bit) is in use
 * @param beaconIes WPS/P2P IEs for Beacons, for drivers that build them
 * @param proberespIes such IEs for Probe Responses
 * @param assocrespIes such IEs for (Re)Association Responses
 * @param isolate whether to isolate stations from each other
 * @param ctsProtect whether CTS protection is used, -1 for unchanged
 * @param preamble whether short preamble is enabled, -1 for unchanged
 * @param shortSlotTime whether short slot time is used, -1 for unchanged
 * @param htOpmode HT operation mode, -1 for unchanged
 * @param interworking whether 802.11u interworking is enabled
 * @param hessid HESSID for interworking, or {@code null}
 * @param accessNetworkType access network type (0..15)
 * @param apMaxInactivity seconds of inactivity after which a station is polled, 0 for none
 * @param disableDgaf whether downstream group-addressed forwarding is disabled
 */
public record ApParams(Bytes head, Bytes tail, int dtimPeriod, int beaconInt, List<Integer> basicRates, Bytes proberesp, Ssid ssid,
        HiddenSsid hideSsid, Set<Cipher> pairwiseCiphers, Cipher groupCipher, Set<KeyMgmt> keyMgmtSuites, Set<AuthAlg> authAlgs,
        Set<Proto> wpaVersion, boolean privacy, Bytes beaconIes, Bytes proberespIes, Bytes assocrespIes, boolean isolate,
        int ctsProtect, int preamble, int shortSlotTime, int htOpmode, boolean interworking, MacAddress hessid,
        int accessNetworkType, int apMaxInactivity, boolean disableDgaf) {

    public ApParams {
        Validate.length("head", head, 24 + 12, 4096);
        Validate.length("tail", tail, 0, 4096);
        Validate.range("dtimPeriod", dtimPeriod, 1, 255);
        Validate.range("beaconInt", beaconInt, 15, 65535);
        basicRates = Validate.list("basicRates", basicRates, 16);
        basicRates.forEach(r -> Validate.range("basicRates", r, 10, 6000));
        Validate.nonNull("proberesp", proberesp);
        Validate.nonNull("ssid", ssid);
        Validate.nonNull("hideSsid", hideSsid);
        pairwiseCiphers = Validate.set("pairwiseCiphers", pairwiseCiphers);
        Validate.nonNull("groupCipher", groupCipher);
        keyMgmtSuites = Validate.set("keyMgmtSuites", keyMgmtSuites);
        authAlgs = Validate.set("authAlgs", authAlgs);
        wpaVersion = Validate.set("wpaVersion", wpaVersion);
        Validate.nonNull("beaconIes", beaconIes);
        Validate.nonNull("proberespIes", proberespIes);
        Validate.nonNull("assocrespIes", assocrespIes);
        Validate.range("ctsProtect", ctsProtect, -1, 1);
        Validate.range("preamble", preamble, -1, 1);
        Validate.range("shortSlotTime", shortSlotTime, -1, 1);
        Validate.range("htOpmode", htOpmode, -1, 0xffff);
        Validate.range("accessNetworkType", accessNetworkType, 0, 15);
        Validate.nonNegative("apMaxInactivity", apMaxInactivity);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder: an open BSS with DTIM 2 and beacon interval 100 TU until told otherwise. */
    public static final class Builder {
        private Bytes head;
        private Bytes tail = Bytes.EMPTY;
        private int dtimPeriod = 2;
        private int beaconInt = 100;
        private List<Integer> basicRates = List.of();
        private Bytes proberesp = Bytes.EMPTY;
        private Ssid ssid;
        private HiddenSsid hideSsid = HiddenSsid.NO_SSID_HIDING;
        private Set<Cipher> pairwiseCiphers = Set.of();
        private Cipher groupCipher = Cipher.NONE;
        private Set<KeyMgmt> keyMgmtSuites = Set.of(KeyMgmt.NONE);
        private Set<AuthAlg> authAlgs = Set.of(AuthAlg.OPEN);
        private Set<Proto> wpaVersion = Set.of();
        private boolean privacy;
        private Bytes beaconIes = Bytes.EMPTY;
        private Bytes proberespIes = Bytes.EMPTY;
        private Bytes assocrespIes = Bytes.EMPTY;
        private boolean isolate;
        private int ctsProtect = -1;
        private int preamble = -1;
        private int shortSlotTime = -1;
        private int htOpmode = -1;
        private boolean interworking;
        private MacAddress hessid;
        private int accessNetworkType;
        private int apMaxInactivity;
        private boolean disableDgaf;

        public Builder head(Bytes v) { head = v; return this; }
        public Builder tail(Bytes v) { tail = v; return this; }
        public Builder dtimPeriod(int v) { dtimPeriod = v; return this; }
        public Builder beaconInt(int v) { beaconInt = v; return this; }
        public Builder basicRates(List<Integer> v) { basicRates = v; return this; }
        public Builder proberesp(Bytes v) { proberesp = v; return this; }
        public Builder ssid(Ssid v) { ssid = v; return this; }
        public Builder hideSsid(HiddenSsid v) { hideSsid = v; return this; }
        public Builder pairwiseCiphers(Set<Cipher> v) { pairwiseCiphers = v; return this; }
        public Builder groupCipher(Cipher v) { groupCipher = v; return this; }
        public Builder keyMgmtSuites(Set<KeyMgmt> v) { keyMgmtSuites = v; return this; }
        public Builder authAlgs(Set<AuthAlg> v) { authAlgs = v; return this; }
        public Builder wpaVersion(Set<Proto> v) { wpaVersion = v; return this; }
        public Builder privacy(boolean v) { privacy = v; return this; }
        public Builder beaconIes(Bytes v) { beaconIes = v; return this; }
        public Builder proberespIes(Bytes v) { proberespIes = v; return this; }
        public Builder assocrespIes(Bytes v) { assocrespIes = v; return this; }
        public Builder isolate(boolean v) { isolate = v; return this; }
        public Builder ctsProtect(int v) { ctsProtect = v; return this; }
        public Builder preamble(int v) { preamble = v; return this; }
        public Builder shortSlotTime(int v) { shortSlotTime = v; return this; }
        public Builder htOpmode(int v) { htOpmode = v; return this; }
        public Builder interworking(boolean v) { interworking = v; return this; }
        public Builder hessid(MacAddress v) { hessid = v; return this; }
        public Builder accessNetworkType(int v) { accessNetworkType = v; return this; }
        public Builder apMaxInactivity(int v) { apMaxInactivity = v; return this; }
        public Builder disableDgaf(boolean v) { disableDgaf = v; return this; }

        public ApParams build() {
            return new ApParams(head, tail, dtimPeriod, beaconInt, basicRates, proberesp, ssid, hideSsid, pairwiseCiphers, groupCipher,
                    keyMgmtSuites, authAlgs, wpaVersion, privacy, beaconIes, proberespIes, assocrespIes, isolate, ctsProtect, preamble,
                    shortSlotTime, htOpmode, interworking, hessid, accessNetworkType, apMaxInactivity, disableDgaf);
        }
    }
}
