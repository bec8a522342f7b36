package wpa4j.hostapd.internal;

import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;

import wpa4j.common.binding.CoreComponent;
import wpa4j.common.binding.CoreDriverSlot;
import wpa4j.common.binding.DriverRequirement;
import wpa4j.common.console.Console;
import wpa4j.common.crypto.Psk;
import wpa4j.common.crypto.SecretKeyBytes;
import wpa4j.common.eloop.EventLoop;
import wpa4j.common.frame.ReasonCode;
import wpa4j.driver.types.ApInitParams;
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

    @Activate
    void activate(HostapdConfig config) {
        ifname = config.ifname();
        ApConfig ap = apConfig(config);
        ssid = ap.ssid();
        loop = new EventLoop("wpa4j-ap-" + ifname);
        core = new Hostapd(loop, ifname, ap, ApTiming.DEFAULT, this::line);
        Console.line(ifname + ": access point " + ap + " waiting for a driver");
        CoreDriverSlot slot = new CoreDriverSlot(ifname, loop, core, (candidate, sink) -> candidate.driver().openAp(new ApInitParams(ifname, null, ssid, false, List.of()), sink));
        bindBest(new DriverRequirement(ifname, config.driver(), List.of(config.capabilities())), slot);
    }

    /** The BSS of this configuration; the passphrase is hashed into the PSK here and not kept. */
    static ApConfig apConfig(HostapdConfig c) {
        Ssid ssid = Ssid.ofUtf8(c.ssid());
        SecretKeyBytes psk = c._passphrase().isEmpty() ? null : Psk.fromPassphraseText(c._passphrase(), ssid, ".passphrase");
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
