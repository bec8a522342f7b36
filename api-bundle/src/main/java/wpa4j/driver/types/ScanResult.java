package wpa4j.driver.types;

import java.util.Optional;
import java.util.Set;

/**
 * One BSS from a scan ({@code struct wpa_scan_res}).
 *
 * @param flags validity and state flags
 * @param bssid the BSSID
 * @param freq frequency of the channel in MHz
 * @param beaconInt beacon interval in TUs
 * @param caps capability information field
 * @param qual signal quality
 * @param noise noise level
 * @param level signal level (dBm when {@link ScanResultFlag#LEVEL_DBM} is set)
 * @param tsf timestamp of the last beacon or probe response
 * @param ageMs milliseconds since the information was last received
 * @param ies IEs of the probe response (or of the beacon when no probe response was seen)
 * @param beaconIes IEs of the last beacon, when the driver reports them separately
 */
public record ScanResult(Set<ScanResultFlag> flags, MacAddress bssid, int freq, int beaconInt, int caps, int qual, int noise,
        int level, long tsf, int ageMs, Bytes ies, Bytes beaconIes) {
    public ScanResult {
        flags = Validate.set("flags", flags);
        Validate.nonNull("bssid", bssid);
        Validate.frequency("freq", freq);
        Validate.u16("beaconInt", beaconInt);
        Validate.u16("caps", caps);
        Validate.nonNegative("ageMs", ageMs);
        Validate.nonNull("ies", ies);
        Validate.nonNull("beaconIes", beaconIes);
    }

    /**
     * The body of the first IE with element id {@code eid} in {@link #ies()}, if the IE list holds one.
     * Walks the IEs leniently (a truncated tail ends the walk): full parsing belongs to the cores.
     */
    public Optional<Bytes> ie(int eid) {
        int pos = 0;
        while (pos + 2 <= ies.length()) {
            int id = ies.u8(pos);
            int len = ies.u8(pos + 1);
            if (pos + 2 + len > ies.length()) {
                break;
            }
            if (id == eid) {
                return Optional.of(ies.slice(pos + 2, len));
            }
            pos += 2 + len;
        }
        return Optional.empty();
    }

    /** The SSID from the SSID IE, if present and valid. */
    public Optional<Ssid> ssid() {
        return ie(0).filter(b -> b.length() <= Ssid.MAX_LENGTH).map(Ssid::new);
    }
}
