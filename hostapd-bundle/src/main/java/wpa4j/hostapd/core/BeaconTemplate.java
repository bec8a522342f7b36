package wpa4j.hostapd.core;

import java.util.ArrayList;
import java.util.List;

import wpa4j.common.codec.FrameWriter;
import wpa4j.common.frame.MgmtFrame;
import wpa4j.common.frame.MgmtHeader;
import wpa4j.common.frame.MgmtSubtype;
import wpa4j.common.ie.DsParameterSet;
import wpa4j.common.ie.IeList;
import wpa4j.common.ie.InformationElement;
import wpa4j.common.ie.Rates;
import wpa4j.common.ie.RsnElement;
import wpa4j.common.ie.Suite;
import wpa4j.driver.types.ApParams;
import wpa4j.driver.types.AuthAlg;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.Cipher;
import wpa4j.driver.types.HiddenSsid;
import wpa4j.driver.types.KeyMgmt;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.Proto;
import wpa4j.driver.types.Ssid;

/** Builds what hostapd hands the driver: the Beacon head and tail, and the Probe Response. */
final class BeaconTemplate {
    static final Rates RATES = Rates.of(List.of(2, 4, 11, 22, 12, 18, 24, 36, 48, 72, 96, 108), List.of(2, 4, 11, 22));
    /** The RSN element of a WPA2-PSK CCMP BSS. */
    static final InformationElement RSN = RsnElement.psk(Suite.RSN_CCMP, Suite.RSN_CCMP, 0).toElement();

    private final ApConfig config;
    private final MacAddress bssid;

    BeaconTemplate(ApConfig config, MacAddress bssid) {
        this.config = config;
        this.bssid = bssid;
    }

    /** ESS, Privacy with WPA2, short slot time. */
    int capability() {
        return 0x0001 | 0x0400 | (config.isPsk() ? 0x0010 : 0);
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
        ies.add(RATES.toElements().get(0));
        ies.add(new DsParameterSet(config.channel()).toElement());
        w.bytes(new MgmtFrame.Beacon(h, 0, config.beaconInt(), capability(), new IeList(ies)).encode());
        return w.toBytes();
    }

    /** Everything after the TIM: RSN, Extended Supported Rates. */
    Bytes tail() {
        return new IeList(tailElements()).encode();
    }

    private List<InformationElement> tailElements() {
        List<InformationElement> ies = new ArrayList<>();
        if (config.isPsk()) {
            ies.add(RSN);
        }
        List<InformationElement> rates = RATES.toElements();
        if (rates.size() > 1) {
            ies.add(rates.get(1));
        }
        return ies;
    }

    ApParams apParams() {
        return ApParams.builder().head(head()).tail(tail()).dtimPeriod(config.dtimPeriod()).beaconInt(config.beaconInt())
                .basicRates(RATES.basicRates100k()).ssid(config.ssid()).hideSsid(config.hidden())
                .pairwiseCiphers(config.isPsk() ? java.util.Set.of(Cipher.CCMP) : java.util.Set.of())
                .groupCipher(config.isPsk() ? Cipher.CCMP : Cipher.NONE)
                .keyMgmtSuites(java.util.Set.of(config.isPsk() ? KeyMgmt.PSK : KeyMgmt.NONE)).authAlgs(java.util.Set.of(AuthAlg.OPEN))
                .wpaVersion(config.isPsk() ? java.util.Set.of(Proto.RSN) : java.util.Set.of()).privacy(config.isPsk()).build();
    }

    /** A Probe Response to {@code sta}, always with the real SSID. */
    Bytes probeResponse(MacAddress sta) {
        List<InformationElement> ies = new ArrayList<>();
        ies.add(new InformationElement(0, config.ssid().octets()));
        ies.add(RATES.toElements().get(0));
        ies.add(new DsParameterSet(config.channel()).toElement());
        ies.addAll(tailElements());
        MgmtHeader h = MgmtHeader.of(MgmtSubtype.PROBE_RESP, sta, bssid, bssid);
        return new MgmtFrame.ProbeResponse(h, 0, config.beaconInt(), capability(), new IeList(ies)).encode();
    }

    /** Whether a Probe Request for {@code requested} gets an answer. */
    boolean answersProbeFor(Ssid requested) {
        if (requested.isEmpty()) {
            return config.hidden() == HiddenSsid.NO_SSID_HIDING;
        }
        return requested.equals(config.ssid());
    }
}
