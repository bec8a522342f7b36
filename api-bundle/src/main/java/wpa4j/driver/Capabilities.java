package wpa4j.driver;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;

import wpa4j.driver.types.AuthAlg;
import wpa4j.driver.types.Cipher;
import wpa4j.driver.types.DriverFlag;
import wpa4j.driver.types.KeyMgmtCapability;
import wpa4j.driver.types.ProbeRespOffload;
import wpa4j.driver.types.Validate;

/**
 * What a driver can do on an interface ({@code struct wpa_driver_capa}), plus the set of ops it implements,
 * so a consumer knows before calling.
 *
 * @param keyMgmt key management suites
 * @param enc ciphers
 * @param auth authentication algorithms
 * @param flags {@code WPA_DRIVER_FLAGS_*}
 * @param maxScanSsids SSIDs one {@code scan2} can probe for
 * @param maxSchedScanSsids SSIDs one {@code sched_scan} can probe for
 * @param schedScanSupported whether scheduled scans are supported
 * @param maxMatchSets match sets of a scheduled scan
 * @param maxRemainOnChan longest remain-on-channel in ms
 * @param maxStations stations an AP interface can hold, 0 when unknown
 * @param probeRespOffloads protocols whose probe responses the driver answers
 * @param supportedOps C names of the ops this interface implements (see {@link DriverOps})
 */
public record Capabilities(Set<KeyMgmtCapability> keyMgmt, Set<Cipher> enc, Set<AuthAlg> auth, Set<DriverFlag> flags, int maxScanSsids,
        int maxSchedScanSsids, boolean schedScanSupported, int maxMatchSets, int maxRemainOnChan, int maxStations,
        Set<ProbeRespOffload> probeRespOffloads, Set<String> supportedOps) {

    public Capabilities {
        keyMgmt = Validate.set("keyMgmt", keyMgmt);
        enc = Validate.set("enc", enc);
        auth = Validate.set("auth", auth);
        flags = Validate.set("flags", flags);
        Validate.range("maxScanSsids", maxScanSsids, 0, 255);
        Validate.range("maxSchedScanSsids", maxSchedScanSsids, 0, 255);
        Validate.range("maxMatchSets", maxMatchSets, 0, 255);
        Validate.nonNegative("maxRemainOnChan", maxRemainOnChan);
        Validate.range("maxStations", maxStations, 0, 2007);
        probeRespOffloads = Validate.set("probeRespOffloads", probeRespOffloads);
        supportedOps = Validate.set("supportedOps", supportedOps);
        for (String op : supportedOps) {
            if (!DriverOps.isOp(op)) {
                throw new IllegalArgumentException("supportedOps: '" + op + "' is not a wpa_driver_ops op");
            }
        }
    }

    /** Whether the C op {@code op} is implemented. */
    public boolean supports(String op) {
        return supportedOps.contains(op);
    }

    public boolean has(DriverFlag flag) {
        return flags.contains(flag);
    }

    /**
     * Short capability tags for service properties and target filters ({@code wifi.capabilities}):
     * {@code station}, {@code ap}, {@code sme}, {@code ap-mlme}, {@code p2p}, {@code tdls}, {@code scan},
     * and the cipher names in lower case ({@code ccmp}, {@code tkip}, ...).
     */
    public Set<String> tags() {
        Set<String> tags = new LinkedHashSet<>();
        if (supports("associate") || supports("authenticate")) {
            tags.add("station");
        }
        if (has(DriverFlag.AP) && supports("set_ap")) {
            tags.add("ap");
        }
        if (has(DriverFlag.SME)) {
            tags.add("sme");
        }
        if (has(DriverFlag.AP_MLME)) {
            tags.add("ap-mlme");
        }
        if (has(DriverFlag.P2P_CAPABLE)) {
            tags.add("p2p");
        }
        if (has(DriverFlag.TDLS_SUPPORT)) {
            tags.add("tdls");
        }
        if (supports("scan2")) {
            tags.add("scan");
        }
        for (Cipher c : enc) {
            if (c != Cipher.NONE) {
                tags.add(c.name().toLowerCase(java.util.Locale.ROOT));
            }
        }
        return tags;
    }

    /** Capabilities of a backend that can do nothing yet: no ciphers, no flags, only the mandatory ops. */
    public static Capabilities none() {
        return new Capabilities(Set.of(), Set.of(), Set.of(), EnumSet.noneOf(DriverFlag.class), 0, 0, false, 0, 0, 0, Set.of(),
                Set.of("get_ifname", "get_mac_addr", "get_capa", "deinit", "hapd_deinit"));
    }
}
