package wpa4j.hostapd.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.EventAdmin;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;

import wpa4j.common.binding.CoreComponent;
import wpa4j.common.binding.PassphraseFile;
import wpa4j.common.binding.CoreDriverSlot;
import wpa4j.common.binding.DriverRequirement;
import wpa4j.common.console.Console;
import wpa4j.common.crypto.Psk;
import wpa4j.common.crypto.SecretKeyBytes;
import wpa4j.common.eloop.EventLoop;
import wpa4j.common.events.ControlEvents;
import wpa4j.ctrl.CtrlEndpoint;
import wpa4j.ctrl.CtrlEvents;
import wpa4j.hostapd.ctrl.ApCommands;
import wpa4j.common.frame.ReasonCode;
import wpa4j.driver.types.ApInitParams;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.HiddenSsid;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.Ssid;
import wpa4j.hostapd.ApControl;
import wpa4j.hostapd.ApStatus;
import wpa4j.hostapd.StationInfo;
import wpa4j.hostapd.core.ApConfig;
import wpa4j.hostapd.core.ApTiming;
import wpa4j.hostapd.core.Hostapd;

/**
 * One AP core per {@code wpa4j.hostapd} factory configuration, bound to the best WifiDriver for its interface
 * that can be an AP; a better or newer one replaces it live.
 */
@Component(configurationPid = "wpa4j.hostapd", configurationPolicy = ConfigurationPolicy.REQUIRE, service = ApControl.class)
@Designate(ocd = HostapdConfig.class, factory = true)
public class HostapdComponent extends CoreComponent implements ApControl {
    private Ssid ssid;
    private Hostapd core;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile EventAdmin eventAdmin;

    private final List<CtrlEvents> monitors = new CopyOnWriteArrayList<>();
    private ServiceRegistration<CtrlEndpoint> endpoint;

    @Activate
    void activate(HostapdConfig config, BundleContext context) {
        ifname = config.ifname();
        ApConfig ap = apConfig(config, context.getProperty("wpa4j.home"));
        ssid = ap.ssid();
        loop = new EventLoop("wpa4j-ap-" + ifname);
        core = new Hostapd(loop, ifname, ap, ApTiming.DEFAULT, this::apLine);
        Console.line(ifname + ": access point " + ap + " waiting for a driver");
        CoreDriverSlot slot = new CoreDriverSlot(ifname, loop, core, (candidate, sink) -> candidate.driver().openAp(new ApInitParams(ifname, null, ssid, false, List.of()), sink));
        bindBest(new DriverRequirement(ifname, config.driver(), List.of(config.capabilities())), slot);
        endpoint = context.registerService(CtrlEndpoint.class, new Endpoint(new ApCommands(loop, core, () -> Optional.empty())),
                FrameworkUtil.asDictionary(Map.of(CtrlEndpoint.DIR, config.ctrlInterface(), CtrlEndpoint.NAME, ifname)));
    }

    /** hostapd_cli's socket: the commands, and the monitors that ATTACHed. */
    private final class Endpoint implements CtrlEndpoint {
        private final ApCommands commands;

        Endpoint(ApCommands commands) {
            this.commands = commands;
        }

        @Override
        public String handle(String request) {
            return commands.handle(request);
        }

        @Override
        public AutoCloseable subscribe(CtrlEvents sink) {
            monitors.add(sink);
            return () -> monitors.remove(sink);
        }
    }

    /** Every AP line: console and recent lines, hostapd_cli monitors, Event Admin. */
    private void apLine(String text) {
        line(text);
        monitors.forEach(m -> m.event(CtrlEvents.MSG_INFO, text));
        EventAdmin ea = eventAdmin;
        if (ea != null) {
            ControlEvents.ap(ifname, text).ifPresent(ea::postEvent);
        }
    }

    /** The BSS of this configuration; the passphrase is hashed into the PSK here and not kept. */
    static ApConfig apConfig(HostapdConfig c, String home) {
        Ssid ssid = c.ssidHex().isEmpty() ? Ssid.ofUtf8(c.ssid()) : new Ssid(Bytes.of(java.util.HexFormat.of().parseHex(c.ssidHex())));
        String secret = c.passphraseFile().isEmpty() ? c._passphrase() : PassphraseFile.read(c.passphraseFile(), home);
        SecretKeyBytes psk = secret.isEmpty() ? null
                : PassphraseFile.isHexPsk(secret) ? SecretKeyBytes.adopt(java.util.HexFormat.of().parseHex(secret))
                : Psk.fromPassphraseText(secret, ssid, c.passphraseFile().isEmpty() ? ".passphrase" : "passphraseFile");
        HiddenSsid hidden = switch (c.ignoreBroadcastSsid()) {
            case 0 -> HiddenSsid.NO_SSID_HIDING;
            case 1 -> HiddenSsid.ZERO_LEN;
            case 2 -> HiddenSsid.ZERO_CONTENTS;
            default -> throw new IllegalArgumentException("ignoreBroadcastSsid: " + c.ignoreBroadcastSsid() + " is not 0, 1 or 2");
        };
        return new ApConfig(ssid, c.channel(), psk, hidden, c.beaconInt(), c.dtimPeriod(), c.maxStations(), c.groupRekey() * 1000L,
                c.maxInactivity() * 1000L);
    }

    @Deactivate
    void deactivate() throws Exception {
        if (endpoint != null) {
            endpoint.unregister();
        }
        stopCore(core::stop);
    }

    @Override
    public ApStatus status() {
        return loop.query(core::status);
    }

    @Override
    public List<StationInfo> stations() {
        return loop.query(core::stationInfos);
    }

    @Override
    public void deauthenticate(String addr) {
        MacAddress mac = MacAddress.parse(addr);
        loop.execute(() -> core.deauthenticate(mac, ReasonCode.PREV_AUTH_NOT_VALID));
    }

    @Override
    public void rekeyGroup() {
        loop.execute(core::rekeyGroup);
    }

}
