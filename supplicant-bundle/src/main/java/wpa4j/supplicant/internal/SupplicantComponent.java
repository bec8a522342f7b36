package wpa4j.supplicant.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

import wpa4j.common.binding.DriverBinder;
import wpa4j.common.binding.CoreDriverSlot;
import wpa4j.common.binding.DriverRequirement;
import wpa4j.common.console.Console;
import wpa4j.common.console.EventLog;
import wpa4j.common.crypto.Psk;
import wpa4j.common.crypto.SecretKeyBytes;
import wpa4j.common.eloop.EventLoop;
import wpa4j.driver.WifiDriver;
import wpa4j.driver.types.Ssid;
import wpa4j.supplicant.StationStatus;
import wpa4j.supplicant.SupplicantControl;
import wpa4j.supplicant.SupplicantState;
import wpa4j.supplicant.core.NetworkConfig;
import wpa4j.supplicant.core.Supplicant;
import wpa4j.supplicant.core.SupplicantListener;
import wpa4j.supplicant.core.SupplicantTiming;

/**
 * One station core per {@code wpa4j.supplicant} factory configuration. It sees every WifiDriver (dynamic,
 * greedy) and binds the best one for its interface; a better or newer one replaces it live.
 */
@Component(configurationPid = "wpa4j.supplicant", configurationPolicy = ConfigurationPolicy.REQUIRE, service = SupplicantControl.class)
@Designate(ocd = SupplicantConfig.class, factory = true)
public class SupplicantComponent implements SupplicantControl {
    private final DriverBinder binder = new DriverBinder();
    private final EventLog events = new EventLog(200);
    private String ifname;
    private EventLoop loop;
    private Supplicant core;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addDriver(WifiDriver driver, Map<String, Object> props) {
        binder.add(driver, props);
    }

    void removeDriver(WifiDriver driver, Map<String, Object> props) {
        binder.remove(props);
    }

    void updatedDriver(WifiDriver driver, Map<String, Object> props) {
        binder.remove(props);
        binder.add(driver, props);
    }

    @Activate
    void activate(SupplicantConfig config) {
        ifname = config.ifname();
        NetworkConfig network = network(config);
        loop = new EventLoop("wpa4j-sta-" + ifname);
        core = new Supplicant(loop, ifname, List.of(network), SupplicantTiming.DEFAULT, SupplicantListener.of(
                (from, to) -> {
                    // kept with the events too, so a control client can prove the state never left COMPLETED
                    String line = "State: " + from.wpaName() + " -> " + to.wpaName();
                    events.add(line);
                    Console.line(ifname + ": " + line);
                },
                line -> {
                    events.add(line);
                    Console.line(ifname + ": " + line);
                }));
        Console.line(ifname + ": station for " + network + " waiting for a driver");
        CoreDriverSlot slot = new CoreDriverSlot(ifname, loop, core, (candidate, sink) -> candidate.driver().open(ifname, sink));
        binder.start(new DriverRequirement(ifname, config.driver(), List.of(config.capabilities())), loop, slot);
    }

    /** The network block of this configuration; the passphrase is hashed into the PSK here and not kept. */
    static NetworkConfig network(SupplicantConfig c) {
        Ssid ssid = Ssid.ofUtf8(c.ssid());
        List<Integer> freqs = new ArrayList<>();
        Arrays.stream(c.scanFreq()).forEach(freqs::add);
        if ("NONE".equals(c.keyMgmt())) {
            return new NetworkConfig(0, ssid, null, c.scanSsid(), c.priority(), freqs);
        }
        if (!"WPA-PSK".equals(c.keyMgmt())) {
            throw new IllegalArgumentException("keyMgmt: '" + c.keyMgmt() + "' is neither WPA-PSK nor NONE");
        }
        SecretKeyBytes psk;
        if (!c._psk().isEmpty()) {
            if (!c._psk().matches("[0-9a-fA-F]{64}")) {
                throw new IllegalArgumentException(".psk: not 64 hex digits");
            }
            psk = SecretKeyBytes.adopt(HexFormat.of().parseHex(c._psk()));
        } else {
            psk = Psk.fromPassphraseText(c._passphrase(), ssid, ".passphrase");
        }
        return new NetworkConfig(0, ssid, psk, c.scanSsid(), c.priority(), freqs);
    }

    @Deactivate
    void deactivate() throws Exception {
        loop.call(() -> {
            core.disconnect();
            return null;
        });
        binder.stop();
        loop.close();
    }

    // ---- SupplicantControl -----------------------------------------------------------------------

    @Override
    public String ifname() {
        return ifname;
    }

    @Override
    public StationStatus status() {
        return loop.query(core::status);
    }

    @Override
    public void scan() {
        loop.execute(core::scan);
    }

    @Override
    public List<String> scanResults() {
        return loop.query(core::scanResults);
    }

    @Override
    public void disconnect() {
        loop.execute(core::disconnect);
    }

    @Override
    public void reconnect() {
        loop.execute(core::reconnect);
    }

    @Override
    public List<String> recentEvents() {
        return events.lines();
    }

    @Override
    public List<String> driverCandidates() {
        return binder.explain();
    }

}
