package wpa4j.nl80211;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import wpa4j.driver.Capabilities;
import wpa4j.driver.DriverException;
import wpa4j.driver.DriverInterface;
import wpa4j.driver.DriverOps;
import wpa4j.driver.types.AuthAlg;
import wpa4j.driver.types.ChannelData;
import wpa4j.driver.types.ChannelFlag;
import wpa4j.driver.types.Cipher;
import wpa4j.driver.types.CountryCode;
import wpa4j.driver.types.DriverFlag;
import wpa4j.driver.types.HwFeatures;
import wpa4j.driver.types.HwMode;
import wpa4j.driver.types.HwModeType;
import wpa4j.driver.types.IfAddParams;
import wpa4j.driver.types.IfAddResult;
import wpa4j.driver.types.IfType;
import wpa4j.driver.types.KeyMgmtCapability;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.ScanParams;
import wpa4j.driver.types.ScanResults;
import wpa4j.driver.types.Bytes;
import wpa4j.nl80211.cmd.InterfaceRecord;
import wpa4j.nl80211.cmd.Nl80211;
import wpa4j.nl80211.cmd.WiphyInfo;
import wpa4j.nl80211.netlink.NetlinkException;
import wpa4j.nl80211.uapi.Uapi;

/**
 * One interface driven through nl80211, as hostap's driver_nl80211 maps the ops. This version carries the
 * capability, scan, regulatory and virtual-interface ops; the others throw the named
 * OperationNotSupportedException and are left out of {@link Capabilities#supportedOps()}.
 */
final class Nl80211Interface implements DriverInterface {
    private final Nl80211 nl;
    private final InterfaceRecord iface;
    private final WiphyInfo wiphy;
    private final Capabilities capabilities;
    private final Runnable onClose;

    Nl80211Interface(Nl80211 nl, InterfaceRecord iface, WiphyInfo wiphy, Runnable onClose) {
        this.nl = nl;
        this.iface = iface;
        this.wiphy = wiphy;
        this.capabilities = capabilities(wiphy);
        this.onClose = onClose;
    }

    private static DriverException failed(String op, NetlinkException e) {
        return new DriverException(op, e.getMessage(), e.errno(), e);
    }

    /** driver_nl80211's get_capa from GET_WIPHY: ciphers, interface types, commands, limits. */
    static Capabilities capabilities(WiphyInfo w) {
        Set<Cipher> enc = EnumSet.noneOf(Cipher.class);
        for (long s : w.cipherSuites()) {
            switch ((int) s) {
                case 0x000fac01 -> enc.add(Cipher.WEP40);
                case 0x000fac05 -> enc.add(Cipher.WEP104);
                case 0x000fac02 -> enc.add(Cipher.TKIP);
                case 0x000fac04 -> enc.add(Cipher.CCMP);
                case 0x000fac06 -> enc.add(Cipher.BIP);
                case 0x000fac08 -> enc.add(Cipher.GCMP);
                default -> { }
            }
        }
        Set<KeyMgmtCapability> keyMgmt = EnumSet.noneOf(KeyMgmtCapability.class);
        if (enc.contains(Cipher.CCMP) || enc.contains(Cipher.TKIP)) {
            keyMgmt.addAll(EnumSet.of(KeyMgmtCapability.WPA, KeyMgmtCapability.WPA2, KeyMgmtCapability.WPA_PSK, KeyMgmtCapability.WPA2_PSK));
        }
        Set<DriverFlag> flags = EnumSet.of(DriverFlag.SANE_ERROR_CODES);
        if (w.commands().contains(Uapi.NL80211_CMD_AUTHENTICATE)) {
            flags.add(DriverFlag.SME);
        }
        if (w.iftypes().contains(Uapi.NL80211_IFTYPE_AP) && w.commands().contains(Uapi.NL80211_CMD_START_AP)) {
            flags.add(DriverFlag.AP);
            if (!w.apSme()) {
                flags.add(DriverFlag.AP_MLME);
            }
        }
        if (w.iftypes().contains(Uapi.NL80211_IFTYPE_P2P_CLIENT) && w.iftypes().contains(Uapi.NL80211_IFTYPE_P2P_GO)) {
            flags.add(DriverFlag.P2P_CAPABLE);
        }
        if ((w.featureFlags() & Uapi.NL80211_FEATURE_INACTIVITY_TIMER) != 0) {
            flags.add(DriverFlag.INACTIVITY_TIMER);
        }
        if ((w.featureFlags() & Uapi.NL80211_FEATURE_SAE) != 0) {
            flags.add(DriverFlag.SAE);
        }
        return new Capabilities(keyMgmt, enc, EnumSet.of(AuthAlg.OPEN, AuthAlg.SHARED, AuthAlg.LEAP), flags, Math.min(w.maxScanSsids(), 255),
                Math.min(w.maxSchedScanSsids(), 255), w.maxSchedScanSsids() > 0, Math.min(w.maxMatchSets(), 255), (int) w.maxRemainOnChannel(), 0,
                Set.of(), supportedOps());
    }

    static Set<String> supportedOps() {
        Set<String> ops = new HashSet<>(DriverOps.implementedBy(Nl80211Interface.class));
        ops.addAll(List.of("init", "init2", "global_init", "global_deinit", "get_interfaces"));
        return ops;
    }

    @Override
    public String driverName() {
        return Nl80211Driver.NAME;
    }

    @Override
    public String getIfname() {
        return iface.ifname();
    }

    @Override
    public MacAddress getMacAddr() {
        return iface.mac();
    }

    @Override
    public Capabilities getCapa() {
        return capabilities;
    }

    @Override
    public void close() {
        onClose.run();
    }

    /** NL80211_CMD_TRIGGER_SCAN; NL80211_CMD_NEW_SCAN_RESULTS (or SCAN_ABORTED) comes as EVENT_SCAN_RESULTS. */
    @Override
    public void scan2(ScanParams params) throws DriverException {
        try {
            nl.triggerScan(iface.ifindex(), params.ssids(), params.freqs(), params.extraIes());
        } catch (NetlinkException e) {
            throw failed("scan2", e);
        }
    }

    @Override
    public ScanResults getScanResults2() throws DriverException {
        try {
            return new ScanResults(nl.scanResults(iface.ifindex()));
        } catch (NetlinkException e) {
            throw failed("get_scan_results2", e);
        }
    }

    @Override
    public void setCountry(CountryCode alpha2) throws DriverException {
        try {
            nl.setRegulatory(alpha2.alpha2());
        } catch (NetlinkException e) {
            throw failed("set_country", e);
        }
    }

    /** NL80211_CMD_NEW_INTERFACE on this interface's wiphy. */
    @Override
    public IfAddResult ifAdd(IfAddParams params) throws DriverException {
        int type = switch (params.type()) {
            case STATION -> Uapi.NL80211_IFTYPE_STATION;
            case AP_BSS -> Uapi.NL80211_IFTYPE_AP;
            case AP_VLAN -> Uapi.NL80211_IFTYPE_AP_VLAN;
            case P2P_GO -> Uapi.NL80211_IFTYPE_P2P_GO;
            case P2P_CLIENT, P2P_GROUP -> Uapi.NL80211_IFTYPE_P2P_CLIENT;
        };
        try {
            InterfaceRecord created = nl.newInterface(iface.ifindex(), params.ifname(), type);
            return new IfAddResult(created.ifname(), created.mac());
        } catch (NetlinkException e) {
            throw failed("if_add", e);
        }
    }

    /** NL80211_CMD_DEL_INTERFACE for the interface of that name on this wiphy. */
    @Override
    public void ifRemove(IfType type, String ifname) throws DriverException {
        try {
            for (InterfaceRecord r : nl.interfaces()) {
                if (r.ifname().equals(ifname)) {
                    nl.deleteInterface(r.ifindex());
                    return;
                }
            }
        } catch (NetlinkException e) {
            throw failed("if_remove", e);
        }
        throw new DriverException("if_remove", "no interface " + ifname, 19, null);
    }

    /** The bands of the wiphy as hostapd_hw_modes: 2.4 GHz as 802.11g (and b), 5 GHz as 802.11a. */
    @Override
    public HwFeatures getHwFeatureData() {
        List<HwMode> modes = new ArrayList<>();
        for (WiphyInfo.Band b : wiphy.bands()) {
            List<ChannelData> channels = new ArrayList<>();
            boolean g = false;
            for (WiphyInfo.Channel c : b.channels()) {
                int f = c.freq();
                int chan = f == 2484 ? 14 : f < 2500 ? (f - 2407) / 5 : f >= 4900 && f <= 5950 ? (f - 5000) / 5 : -1;
                if (chan < 1 || chan > 255) {
                    continue;
                }
                g |= f < 2500;
                channels.add(new ChannelData(chan, f, c.disabled() ? EnumSet.of(ChannelFlag.DISABLED) : EnumSet.noneOf(ChannelFlag.class),
                        Math.max(-128, Math.min(127, c.maxTxPowerMbm() / 100))));
            }
            if (channels.isEmpty()) {
                continue;
            }
            modes.add(new HwMode(g ? HwModeType.IEEE80211G : HwModeType.IEEE80211A, channels,
                    b.rates().stream().filter(r -> r >= 10 && r <= 6000).limit(64).toList(), 0, Bytes.EMPTY, 0, 0, Bytes.EMPTY, 0));
        }
        return new HwFeatures(modes, 0);
    }

    int ifindex() {
        return iface.ifindex();
    }
}
