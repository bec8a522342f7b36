package wpa4j.hostapd.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import wpa4j.common.codec.FrameWriter;
import wpa4j.common.frame.MgmtFrame;
import wpa4j.common.frame.MgmtHeader;
import wpa4j.common.frame.MgmtSubtype;
import wpa4j.common.ie.DsParameterSet;
import wpa4j.common.ie.ExtendedCapabilities;
import wpa4j.common.ie.IeList;
import wpa4j.common.ie.InformationElement;
import wpa4j.common.ie.Rates;
import wpa4j.driver.types.ApParams;
import wpa4j.driver.types.AuthAlg;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.Cipher;
import wpa4j.driver.types.KeyMgmt;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.Proto;
import wpa4j.driver.types.Ssid;

/** Builds what hostapd hands the driver: the Beacon head and tail, and the Probe Response. */
final class BeaconTemplate {
    /** The 802.11g rates, 1 to 11 Mbps basic. */
    static final Rates RATES = Rates.of(List.of(2, 4, 11, 22, 12, 18, 24, 36, 48, 72, 96, 108), List.of(2, 4, 11, 22));
    /** The RSN element of a WPA2-PSK CCMP BSS without PMF. */
    static final InformationElement RSN = ApRsnElements.rsne(ApSecurity.WPA2_PSK);

    private final ApConfig config;
    private final MacAddress bssid;
    private final boolean beaconProtection;

    /** @param beaconProtection whether the BSS protects its Beacons (a BIGTK is installed): announced with bit 84 */
    BeaconTemplate(ApConfig config, MacAddress bssid, boolean beaconProtection) {
        this.config = config;
        this.bssid = bssid;
        this.beaconProtection = beaconProtection;
    }

    /**
     * The rates the BSS lists (Beacon, Probe and Association Responses): with {@code sae_pwe=1} and SAE offered, the
     * SAE H2E only membership selector after them, as hostapd_eid_supp_rates adds it, so that a station that cannot do
     * hash-to-element does not try.
     */
    Rates rates() {
        ApSecurity s = config.security();
        return s.offersSae() && s.sae().h2eOnly() ? RATES.withSelector(Rates.SELECTOR_SAE_H2E_ONLY) : RATES;
    }

    /** ESS, Privacy with WPA2, short slot time. */
    int capability() {
        return 0x0001 | 0x0400 | (config.isRsn() ? 0x0010 : 0);
    }

    private Ssid beaconSsid() {
        return switch (config.hidden()) {
            case NO_SSID_HIDING -> config.ssid();
            case ZERO_LEN -> Ssid.WILDCARD;
            case ZERO_CONTENTS -> Ssid.of(new byte[config.ssid().length()]);
        };
    }

    /** Header, fixed fields, SSID, Supported Rates, DS Parameter Set: everything before the TIM. */
    Bytes head() {
        FrameWriter w = new FrameWriter(128);
        MgmtHeader h = MgmtHeader.of(MgmtSubtype.BEACON, MacAddress.BROADCAST, bssid, bssid);
        List<InformationElement> ies = new ArrayList<>();
        ies.add(new InformationElement(0, beaconSsid().octets()));
        ies.add(rates().toElements().get(0));
        ies.add(new DsParameterSet(config.channel()).toElement());
        w.bytes(new MgmtFrame.Beacon(h, 0, config.beaconInt(), capability(), new IeList(ies)).encode());
        return w.toBytes();
    }

    /**
     * Everything after the TIM: Extended Supported Rates, RSN, Extended Capabilities, RSN Extension (the order of IEEE
     * 802.11-2020 Table 9-32 and of hostapd's ieee802_11_build_ap_params).
     */
    Bytes tail() {
        return new IeList(tailElements()).encode();
    }

    private List<InformationElement> tailElements() {
        List<InformationElement> ies = new ArrayList<>();
        List<InformationElement> rates = rates().toElements();
        if (rates.size() > 1) {
            ies.add(rates.get(1));
        }
        if (config.isRsn()) {
            ies.add(ApRsnElements.rsne(config.security()));
        }
        extendedCapabilities().ifPresent(ies::add);
        if (config.isRsn()) {
            ApRsnElements.rsnxe(config.security()).ifPresent(ies::add);
        }
        return ies;
    }

    /**
     * The Extended Capabilities element of the Beacon, Probe and Association Responses. Beacon Protection Enabled
     * (bit 84) is the only capability wpa4j's AP announces there, so the element is present only with beacon protection:
     * hostapd_eid_ext_capab likewise leaves out an element whose bits are all zero.
     */
    Optional<InformationElement> extendedCapabilities() {
        return beaconProtection ? Optional.of(ExtendedCapabilities.of(ExtendedCapabilities.BEACON_PROTECTION)) : Optional.empty();
    }

    /**
     * The set_ap parameters; with {@code probeResponseOffload} (a driver that answers Probe Requests itself) they carry
     * the Probe Response template, its destination left to the driver, as hostapd_probe_resp_offloads does.
     */
    ApParams apParams(boolean probeResponseOffload) {
        ApSecurity s = config.security();
        boolean rsn = s.isRsn();
        Set<KeyMgmt> akms = rsn ? s.akms().stream().map(Akm::driverKeyMgmt).collect(Collectors.toSet()) : Set.of(KeyMgmt.NONE);
        // SAE stations authenticate with algorithm 3 (through send_mlme), the others with Open System
        Set<AuthAlg> auth = s.offersSae() ? Set.of(AuthAlg.OPEN, AuthAlg.SAE) : Set.of(AuthAlg.OPEN);
        return ApParams.builder().head(head()).tail(tail()).dtimPeriod(config.dtimPeriod()).beaconInt(config.beaconInt())
                .basicRates(rates().basicRates100k()).ssid(config.ssid()).hideSsid(config.hidden())
                .pairwiseCiphers(rsn ? Set.of(Cipher.CCMP) : Set.of()).groupCipher(rsn ? Cipher.CCMP : Cipher.NONE)
                .keyMgmtSuites(akms).authAlgs(auth).wpaVersion(rsn ? Set.of(Proto.RSN) : Set.of()).privacy(rsn)
                .proberesp(probeResponseOffload ? probeResponse(MacAddress.BROADCAST) : Bytes.EMPTY).build();
    }

    /** A Probe Response to {@code sta}, always with the real SSID. */
    Bytes probeResponse(MacAddress sta) {
        List<InformationElement> ies = new ArrayList<>();
        ies.add(new InformationElement(0, config.ssid().octets()));
        ies.add(rates().toElements().get(0));
        ies.add(new DsParameterSet(config.channel()).toElement());
        ies.addAll(tailElements());
        MgmtHeader h = MgmtHeader.of(MgmtSubtype.PROBE_RESP, sta, bssid, bssid);
        return new MgmtFrame.ProbeResponse(h, 0, config.beaconInt(), capability(), new IeList(ies)).encode();
    }

    /** Whether a Probe Request for {@code requested} gets an answer. */
    boolean answersProbeFor(Ssid requested) {
        return config.hidden().answersProbe(requested, config.ssid());
    }
}
