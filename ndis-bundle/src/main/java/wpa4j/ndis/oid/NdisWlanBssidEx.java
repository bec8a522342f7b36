package wpa4j.ndis.oid;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import wpa4j.common.codec.FrameReader;
import wpa4j.common.codec.FrameWriter;
import wpa4j.common.codec.MalformedFrameException;
import wpa4j.common.ie.IeList;
import wpa4j.common.ie.InformationElement;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.ScanResult;
import wpa4j.driver.types.ScanResultFlag;
import wpa4j.driver.types.Ssid;
import wpa4j.driver.types.Validate;

/**
 * NDIS_WLAN_BSSID_EX, one entry of NDIS_802_11_BSSID_LIST_EX:
 * Length@0, MacAddress@4, Reserved@10, Ssid@12 (36), Privacy@48, Rssi@52, NetworkTypeInUse@56,
 * Configuration@60 (Length, BeaconPeriod, ATIMWindow, DSConfig in kHz, FHConfig of 4 ULONGs: 32 octets),
 * InfrastructureMode@92, SupportedRates@96 (16), IELength@112, IEs@116 (12 fixed octets — timestamp,
 * beacon interval, capabilities — then the information elements).
 *
 * @param bssid MacAddress
 * @param ssid Ssid
 * @param privacy Privacy
 * @param rssi Rssi in dBm
 * @param networkType NetworkTypeInUse
 * @param beaconPeriod Configuration.BeaconPeriod in TUs
 * @param atimWindow Configuration.ATIMWindow
 * @param dsConfigKhz Configuration.DSConfig (frequency in kHz)
 * @param infrastructureMode InfrastructureMode
 * @param supportedRates the 16 octets of SupportedRates
 * @param ies the IEs field, fixed part included
 */
public record NdisWlanBssidEx(MacAddress bssid, Ssid ssid, long privacy, int rssi, long networkType, long beaconPeriod, long atimWindow,
        long dsConfigKhz, long infrastructureMode, Bytes supportedRates, Bytes ies) {
    public static final int OFFSET_IES = 116;
    public static final int FIXED_IES = 12;

    public NdisWlanBssidEx {
        Validate.nonNull("bssid", bssid);
        Validate.nonNull("ssid", ssid);
        Validate.exactLength("supportedRates", supportedRates, 16);
        Validate.length("ies", ies, FIXED_IES, 0xffff);
    }

    /** Decodes one entry at the reader's position; returns it and leaves the reader after its Length. */
    static NdisWlanBssidEx read(FrameReader list) throws MalformedFrameException {
        int start = list.position();
        long length = list.u32le("NDIS_WLAN_BSSID_EX.Length");
        if (length < OFFSET_IES) {
            throw new MalformedFrameException(start, "NDIS_WLAN_BSSID_EX.Length " + length + " shorter than its fixed part (116)");
        }
        FrameReader r = list.sub((int) Math.min(length - 4, Integer.MAX_VALUE), "NDIS_WLAN_BSSID_EX of Length " + length);
        MacAddress bssid = r.mac("MacAddress");
        r.skip(2, "Reserved");
        Ssid ssid = NdisSsid.read(r);
        long privacy = r.u32le("Privacy");
        int rssi = (int) r.u32le("Rssi");
        long networkType = r.u32le("NetworkTypeInUse");
        r.skip(4, "Configuration.Length");
        long beaconPeriod = r.u32le("BeaconPeriod");
        long atim = r.u32le("ATIMWindow");
        long ds = r.u32le("DSConfig");
        r.skip(16, "FHConfig");
        long infra = r.u32le("InfrastructureMode");
        Bytes rates = r.bytes(16, "SupportedRates");
        long ieLength = r.u32le("IELength");
        if (ieLength < FIXED_IES) {
            throw new MalformedFrameException(start + 112, "IELength " + ieLength + " shorter than the 12 fixed octets");
        }
        if (ieLength > r.remaining()) {
            throw new MalformedFrameException(start + 112, "IELength " + ieLength + " runs past the entry's Length " + length);
        }
        Bytes ies = r.bytes((int) ieLength, "IEs");
        return new NdisWlanBssidEx(bssid, ssid, privacy, rssi, networkType, beaconPeriod, atim, ds, infra, rates, ies);
    }

    /** Encodes the entry with its Length rounded up to a multiple of 4 (as drivers do). */
    void write(FrameWriter w) {
        int start = w.length();
        int length = (OFFSET_IES + ies.length() + 3) / 4 * 4;
        w.u32le(length).mac(bssid).u16le(0).bytes(NdisSsid.encode(ssid)).u32le(privacy).u32le(rssi & 0xffffffffL).u32le(networkType)
                .u32le(32).u32le(beaconPeriod).u32le(atimWindow).u32le(dsConfigKhz).u32le(16).u32le(0).u32le(0).u32le(0)
                .u32le(infrastructureMode).bytes(supportedRates).u32le(ies.length()).bytes(ies);
        while (w.length() - start < length) {
            w.u8(0);
        }
    }

    /** As driver_ndis turns it into a scan result: kHz to MHz, fixed fields split off, SSID IE added if missing. */
    public ScanResult toScanResult() throws MalformedFrameException {
        FrameReader fixed = FrameReader.of(ies.slice(0, FIXED_IES));
        long tsf = fixed.u64le("Timestamp");
        int beaconInt = fixed.u16le("BeaconInterval");
        int caps = fixed.u16le("Capabilities");
        Bytes elements = ies.slice(FIXED_IES, ies.length() - FIXED_IES);
        IeList list = IeList.decode(elements);
        if (list.find(0).isEmpty() && !ssid.isEmpty()) {
            elements = list.with(new InformationElement(0, ssid.octets())).encode();
        }
        int freq = (int) (dsConfigKhz / 1000);
        if (freq < 2400 || (freq > 2500 && freq < 4900) || freq > 5950) {
            throw new MalformedFrameException(72, "DSConfig " + dsConfigKhz + " kHz is not an 802.11 channel");
        }
        return new ScanResult(EnumSet.of(ScanResultFlag.LEVEL_DBM, ScanResultFlag.QUAL_INVALID, ScanResultFlag.NOISE_INVALID), bssid, freq,
                beaconInt, caps, 0, 0, rssi, tsf, 0, elements, Bytes.EMPTY);
    }

    /** NDIS_802_11_BSSID_LIST_EX: ULONG NumberOfItems, then the entries, each found by the previous one's Length. */
    public static List<NdisWlanBssidEx> decodeList(byte[] buf) throws MalformedFrameException {
        FrameReader r = new FrameReader(buf);
        long count = r.u32le("NumberOfItems");
        // each entry is at least 116 octets: a count the buffer cannot hold is rejected before anything is allocated
        if (count > r.remaining() / OFFSET_IES) {
            throw new MalformedFrameException(0, "NumberOfItems " + count + " cannot fit in " + buf.length + " octets");
        }
        List<NdisWlanBssidEx> list = new ArrayList<>((int) count);
        for (int i = 0; i < count; i++) {
            list.add(read(r));
        }
        return list;
    }

    public static byte[] encodeList(List<NdisWlanBssidEx> entries) {
        FrameWriter w = new FrameWriter(4 + entries.size() * 160);
        w.u32le(entries.size());
        entries.forEach(e -> e.write(w));
        return w.toArray();
    }
}
