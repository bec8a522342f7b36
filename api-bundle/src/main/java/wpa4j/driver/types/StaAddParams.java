package wpa4j.driver.types;

import java.util.List;
import java.util.Set;

/**
 * The arguments of {@code sta_add} ({@code struct hostapd_sta_add_params}).
 *
 * @param addr station address
 * @param aid association ID, 1..2007
 * @param capability capability information field from its (Re)Association Request
 * @param suppRates supported rates in units of 500 kbps, basic-rate bit cleared
 * @param listenInterval listen interval in beacon intervals
 * @param htCapabilities HT Capabilities element body (26 octets), empty without HT
 * @param flags initial station flags
 * @param set whether this updates an existing entry rather than adding one
 * @param qosinfo QoS info octet for U-APSD
 */
public record StaAddParams(MacAddress addr, int aid, int capability, List<Integer> suppRates, int listenInterval,
        Bytes htCapabilities, Set<StaFlag> flags, boolean set, int qosinfo) {
    /** The highest AID 802.11 allows. */
    public static final int MAX_AID = 2007;

    public StaAddParams {
        Validate.nonNull("addr", addr);
        Validate.range("aid", aid, 1, MAX_AID);
        Validate.u16("capability", capability);
        suppRates = Validate.list("suppRates", suppRates, 32);
        suppRates.forEach(r -> Validate.range("suppRates", r, 1, 127));
        Validate.u16("listenInterval", listenInterval);
        if (!htCapabilities.isEmpty()) {
            Validate.exactLength("htCapabilities", htCapabilities, 26);
        }
        flags = Validate.set("flags", flags);
        Validate.u8("qosinfo", qosinfo);
    }
}
