package wpa4j.nl80211;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import wpa4j.driver.Capabilities;
import wpa4j.driver.DriverOps;
import wpa4j.driver.types.AuthAlg;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.ChannelData;
import wpa4j.driver.types.ChannelFlag;
import wpa4j.driver.types.Cipher;
import wpa4j.driver.types.DriverFlag;
import wpa4j.driver.types.HwFeatures;
import wpa4j.driver.types.HwMode;
import wpa4j.driver.types.HwModeType;
import wpa4j.driver.types.KeyMgmtCapability;
import wpa4j.driver.types.FreqParams;
import wpa4j.nl80211.cmd.WiphyInfo;
import wpa4j.nl80211.uapi.Uapi;

/** What a wiphy can do, read from GET_WIPHY as driver_nl80211's get_capa and get_hw_feature_data read it. */
final class Nl80211Capabilities {
    private Nl80211Capabilities() {
    }

    /** driver_nl80211's get_capa from GET_WIPHY: ciphers, interface types, commands, limits. */
    static Capabilities of(WiphyInfo w) {
        Set<Cipher> enc = EnumSet.noneOf(Cipher.class);
        for (long s : w.cipherSuites()) {
            Suites.fromSuite(s).ifPresent(enc::add);
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
        // as hostap 2.10's driver_nl80211_capa: the ext features map one to one onto the driver flags
        if (w.extFeature(Uapi.NL80211_EXT_FEATURE_BEACON_PROTECTION)) {
            flags.add(DriverFlag.BEACON_PROTECTION);
        }
        if (w.extFeature(Uapi.NL80211_EXT_FEATURE_BEACON_PROTECTION_CLIENT)) {
            flags.add(DriverFlag.BEACON_PROTECTION_CLIENT);
        }
        Set<AuthAlg> auth = EnumSet.of(AuthAlg.OPEN, AuthAlg.SHARED, AuthAlg.LEAP);
        if (saeCapable(w)) {
            // SAE runs in the core (commit/confirm through authenticate); the wiphy only has to carry it
            flags.add(DriverFlag.SAE);
            auth.add(AuthAlg.SAE);
        }
        return new Capabilities(keyMgmt, enc, auth, flags, Math.min(w.maxScanSsids(), 255),
                Math.min(w.maxSchedScanSsids(), 255), w.maxSchedScanSsids() > 0, Math.min(w.maxMatchSets(), 255), (int) w.maxRemainOnChannel(), 0,
                Set.of(), supportedOps(w));
    }

    /** NL80211_FEATURE_SAE: the wiphy takes SAE authentication data in NL80211_CMD_AUTHENTICATE. */
    static boolean saeCapable(WiphyInfo w) {
        return (w.featureFlags() & Uapi.NL80211_FEATURE_SAE) != 0;
    }

    /** The ops this class implements whose nl80211 command the wiphy has, plus the lifecycle ops. */
    static Set<String> supportedOps(WiphyInfo w) {
        Set<String> ops = new HashSet<>(DriverOps.implementedBy(Nl80211Interface.class));
        ops.removeIf(op -> !LinkOps.available(op, w));
        ops.addAll(List.of("init", "init2", "global_init", "global_deinit", "get_interfaces"));
        if (w.iftypes().contains(Uapi.NL80211_IFTYPE_AP)) {
            ops.add("hapd_init");
        }
        return ops;
    }

    /** The bands of the wiphy as hostapd_hw_modes: 2.4 GHz as 802.11g (and b), 5 GHz as 802.11a. */
    static HwFeatures hwFeatures(WiphyInfo wiphy) {
        List<HwMode> modes = new ArrayList<>();
        for (WiphyInfo.Band b : wiphy.bands()) {
            List<ChannelData> channels = new ArrayList<>();
            boolean g = false;
            for (WiphyInfo.Channel c : b.channels()) {
                int f = c.freq();
                // 60 GHz stays out: the table below has no 802.11ad mode, it would pass as 5 GHz
                int chan = f <= 5950 ? FreqParams.frequencyToChannel(f) : 0;
                if (chan == 0) {
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
}
