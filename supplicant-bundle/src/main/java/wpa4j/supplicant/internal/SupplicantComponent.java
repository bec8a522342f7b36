package wpa4j.supplicant.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;

import org.osgi.framework.BundleContext;

import wpa4j.common.binding.CoreComponent;
import wpa4j.common.binding.PassphraseFile;
import wpa4j.common.binding.CoreDriverSlot;
import wpa4j.common.binding.DriverRequirement;
import wpa4j.common.console.Console;
import wpa4j.common.crypto.Psk;
import wpa4j.common.crypto.SecretKeyBytes;
import wpa4j.common.eloop.EventLoop;
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
public class SupplicantComponent extends CoreComponent implements SupplicantControl {
    private Supplicant core;

    @Activate
    void activate(SupplicantConfig config, BundleContext context) {
        ifname = config.ifname();
        NetworkConfig network = network(config, context.getProperty("wpa4j.home"));
        loop = new EventLoop("wpa4j-sta-" + ifname);
        // state changes are kept with the events too, so a control client can prove the state never left COMPLETED
        core = new Supplicant(loop, ifname, List.of(network), SupplicantTiming.DEFAULT,
                SupplicantListener.of((from, to) -> line("State: " + from.wpaName() + " -> " + to.wpaName()), this::line));
        Console.line(ifname + ": station for " + network + " waiting for a driver");
        CoreDriverSlot slot = new CoreDriverSlot(ifname, loop, core, (candidate, sink) -> candidate.driver().open(ifname, sink));
        bindBest(new DriverRequirement(ifname, config.driver(), List.of(config.capabilities())), slot);
    }

    /** The network block of this configuration; the passphrase is hashed into the PSK here and not kept. */
    static NetworkConfig network(SupplicantConfig c, String home) {
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
        String fromFile = c.passphraseFile().isEmpty() ? "" : PassphraseFile.read(c.passphraseFile(), home);
        if (!c._psk().isEmpty() || PassphraseFile.isHexPsk(fromFile)) {
            String hex = fromFile.isEmpty() ? c._psk() : fromFile;
            if (!PassphraseFile.isHexPsk(hex)) {
                throw new IllegalArgumentException(".psk: not 64 hex digits");
            }
            psk = SecretKeyBytes.adopt(HexFormat.of().parseHex(hex));
        } else {
            psk = Psk.fromPassphraseText(fromFile.isEmpty() ? c._passphrase() : fromFile, ssid, fromFile.isEmpty() ? ".passphrase" : "passphraseFile");
        }
        return new NetworkConfig(0, ssid, psk, c.scanSsid(), c.priority(), freqs);
    }

    @Deactivate
    void deactivate() throws Exception {
        stopCore(core::disconnect);
    }

    // ---- SupplicantControl -----------------------------------------------------------------------

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

}
