package wpa4j.sim;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import wpa4j.driver.Capabilities;
import wpa4j.driver.DriverException;
import wpa4j.driver.DriverInterface;
import wpa4j.driver.DriverOps;
import wpa4j.driver.WifiDriver;
import wpa4j.driver.event.DriverEvent;
import wpa4j.driver.event.DriverEventSink;
import wpa4j.driver.types.ApInitParams;
import wpa4j.driver.types.AuthAlg;
import wpa4j.driver.types.Cipher;
import wpa4j.driver.types.DriverFlag;
import wpa4j.driver.types.InterfaceInfo;
import wpa4j.driver.types.KeyMgmtCapability;
import wpa4j.sim.medium.Medium;
import wpa4j.sim.medium.Radio;

/** The WifiDriver of one sim radio. */
public final class SimDriver implements WifiDriver {
    public static final String NAME = "sim";
    /** The lowest rank: sim drives anything it has, but any real backend is better. */
    public static final int RANKING = 1;
    /**
     * SAE and PMF as mac80211 offers them: SAE frames from user space (SME), CCMP for data and robust frames, BIP with an
     * IGTK; and beacon protection both ways (a BIGTK at 6/7: MME on our Beacons as an AP, checked on our BSS's as a station).
     */
    static final Capabilities CAPABILITIES = new Capabilities(Set.of(KeyMgmtCapability.WPA2_PSK), Set.of(Cipher.CCMP, Cipher.BIP),
            Set.of(AuthAlg.OPEN, AuthAlg.SAE), EnumSet.of(DriverFlag.SME, DriverFlag.AP, DriverFlag.AP_MLME, DriverFlag.SANE_ERROR_CODES, DriverFlag.SAE,
                    DriverFlag.BEACON_PROTECTION, DriverFlag.BEACON_PROTECTION_CLIENT, DriverFlag.EAPOL_TX_STATUS,
                    DriverFlag.PROBE_RESP_OFFLOAD),
            16, 0, false, 0, 0, 2007, Set.of(), supportedOps());

    private final Medium medium;
    private final Radio radio;

    public SimDriver(Medium medium, Radio radio) {
        this.medium = medium;
        this.radio = radio;
    }

    private static Set<String> supportedOps() {
        Set<String> ops = new java.util.HashSet<>(DriverOps.implementedBy(SimInterface.class));
        ops.addAll(List.of("init", "init2", "hapd_init", "global_init", "global_deinit", "get_interfaces"));
        return ops;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "virtual 802.11 radio of the in-JVM sim medium";
    }

    @Override
    public String ifname() {
        return radio.ifname();
    }

    @Override
    public Capabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public DriverInterface open(String ifname, DriverEventSink sink) throws DriverException {
        if (!ifname.equals(radio.ifname())) {
            throw new DriverException("init", "this service drives " + radio.ifname() + ", not " + ifname);
        }
        Consumer<DriverEvent> events = sink::onEvent;
        radio.attach(events);
        return new SimInterface(medium, radio, CAPABILITIES, events);
    }

    @Override
    public DriverInterface openAp(ApInitParams params, DriverEventSink sink) throws DriverException {
        return open(params.ifname(), sink);
    }

    @Override
    public List<InterfaceInfo> getInterfaces() {
        return List.of(new InterfaceInfo(radio.ifname(), description(), NAME));
    }
}
