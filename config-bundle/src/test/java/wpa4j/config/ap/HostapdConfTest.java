package wpa4j.config.ap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import wpa4j.config.ConfigException;
import wpa4j.config.Passphrase;
import wpa4j.config.Problem;
import wpa4j.config.RawPsk;
import wpa4j.config.station.KeyMgmt;
import wpa4j.driver.types.HwModeType;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.Ssid;

class HostapdConfTest {
    static final String HEX64 = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    /** A typical WPA2-PSK access point with the files it may name. */
    static final String REALISTIC = """
            # WPA2-Personal on channel 6
            interface=wlan0
            driver=nl80211
            ctrl_interface=/var/run/hostapd
            ctrl_interface_group=0
            logger_syslog=-1
            logger_syslog_level=2
            ssid=Gateway Net
            country_code=DE
            hw_mode=g
            channel=6
            ieee80211n=1
            wmm_enabled=1
            beacon_int=100
            dtim_period=2
            max_num_sta=32
            auth_algs=1
            ignore_broadcast_ssid=0
            macaddr_acl=1
            accept_mac_file=hostapd.accept
            deny_mac_file=hostapd.deny
            wpa=2
            wpa_passphrase=TopSecretPass123
            wpa_psk_file=hostapd.wpa_psk
            wpa_key_mgmt=WPA-PSK WPA-PSK-SHA256
            wpa_pairwise=TKIP
            rsn_pairwise=CCMP
            wpa_group_rekey=3600
            ieee80211w=1
            """;

    static List<String> lines(String text) {
        return Arrays.asList(text.split("\n", -1));
    }

    static Path files(Path dir) throws Exception {
        Files.writeString(dir.resolve("hostapd.accept"), """
                # stations allowed
                00:11:22:33:44:55
                00:66:77:88:99:AA 0
                00:00:22:33:44:55\t# the printer
                -00:11:22:33:44:55
                aa:bb:cc:dd:ee:ff\r
                """);
        Files.writeString(dir.resolve("hostapd.deny"), "00:20:30:40:50:60\n00:20:30:40:50:61 7\n");
        Files.writeString(dir.resolve("hostapd.wpa_psk"), """
                # per-station PSKs
                00:00:00:00:00:00 secret passphrase
                00:11:22:33:44:55 %s
                keyid=laptop 00:11:22:33:44:77 passphrase with keyid
                wps=1 00:00:00:00:00:00 passphrase for WPS
                """.formatted(HEX64));
        return dir;
    }

    @Test
    void realisticFile(@TempDir Path dir) throws Exception {
        files(dir);
        ApFile f = HostapdConf.parse("hostapd.conf", lines(REALISTIC), dir);
        ApProfile p = f.profile();
        assertEquals("wlan0", p.interfaceName());
        assertEquals(Optional.of("nl80211"), p.driver());
        assertEquals(Ssid.ofUtf8("Gateway Net"), p.ssid());
        assertEquals(HwModeType.IEEE80211G, p.hwMode());
        assertEquals(6, p.channel());
        assertEquals(Optional.of("DE"), p.countryCode());
        assertEquals(2, p.wpa());
        assertEquals(Optional.of(Passphrase.of("TopSecretPass123".getBytes())), p.wpaPsk());
        assertEquals(Set.of(KeyMgmt.WPA_PSK, KeyMgmt.WPA_PSK_SHA256), p.wpaKeyMgmt());
        assertEquals(Set.of("CCMP"), p.rsnPairwise());
        assertEquals(3600, p.wpaGroupRekey());
        assertEquals(32, p.maxNumSta());
        assertEquals(1, p.ieee80211w());
        assertEquals(MacAcl.DENY_UNLESS_ACCEPTED, p.macaddrAcl());
        assertEquals(Set.of(MacAddress.parse("00:66:77:88:99:aa"), MacAddress.parse("00:00:22:33:44:55"), MacAddress.parse("aa:bb:cc:dd:ee:ff")),
                p.acceptMacs());
        assertEquals(Set.of(MacAddress.parse("00:20:30:40:50:60"), MacAddress.parse("00:20:30:40:50:61")), p.denyMacs());
        assertEquals(Optional.of(dir.resolve("hostapd.wpa_psk")), p.wpaPskFile());
        List<PskFileEntry> e = p.pskFileEntries();
        assertEquals(4, e.size());
        assertTrue(e.get(0).anyStation());
        assertEquals(Passphrase.of("secret passphrase".getBytes()), e.get(0).psk());
        assertEquals(RawPsk.class, e.get(1).psk().getClass());
        assertEquals(Optional.of("laptop"), e.get(2).keyId());
        assertEquals(MacAddress.parse("00:11:22:33:44:77"), e.get(2).station());
        assertEquals(List.of(
                "hostapd.conf:12: ieee80211n: not implemented by wpa4j; ignored",
                "hostapd.conf:13: wmm_enabled: not implemented by wpa4j; ignored",
                dir.resolve("hostapd.wpa_psk") + ":5: wps '1' is not supported by wpa4j (no WPS); the PSK is used as any other"),
                f.warnings().stream().map(Problem::toString).toList());
    }

    @Test
    void parsesFromPathWithRelativeFiles(@TempDir Path dir) throws Exception {
        files(dir);
        Path conf = dir.resolve("hostapd.conf");
        Files.writeString(conf, REALISTIC);
        ApFile f = HostapdConf.parse(conf);
        assertEquals(3, f.profile().acceptMacs().size());
    }

    @Test
    void debianExample() {
        Path example = Path.of("/usr/share/doc/hostapd/examples/hostapd.conf");
        assumeTrue(Files.isReadable(example), "Debian's hostapd examples not installed");
        ApFile f = HostapdConf.parse(example);
        assertEquals(Ssid.ofUtf8("test"), f.profile().ssid());
        assertEquals(1, f.profile().channel());
        assertEquals(0, f.profile().wpa());
        assertEquals(255, f.profile().maxNumSta());
        assertEquals(List.of("wmm_enabled: not implemented by wpa4j; ignored"),
                f.warnings().stream().map(w -> w.toString().substring(w.toString().indexOf(": ") + 2)).toList());
    }

    @Test
    void pskFileErrorsNameTheFileAndLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("psk"), """
                00:00:00:00:00:00 short
                TopSecretPass123 00:11:22:33:44:55
                vlanid=3 00:00:00:00:00:00 passphrase with vlanid
                foo=1 00:00:00:00:00:00 passphrase
                00:11:22:33:44:55
                keyid=%s 00:00:00:00:00:00 long keyid
                00:00:00:00:00:00 TopSecretPass123\r
                """.formatted("k".repeat(32)));
        ConfigException e = assertThrows(ConfigException.class, () -> HostapdConf.parse("hostapd.conf",
                List.of("interface=wlan0", "ssid=t", "channel=1", "wpa=2", "rsn_pairwise=CCMP", "wpa_psk_file=psk"), dir));
        String f = dir.resolve("psk").toString();
        assertEquals(List.of(
                f + ":1: psk: must be 64 hex digits or a passphrase of 8..63 printable ASCII characters",
                f + ":2: mac: no MAC address where one is expected; allowed: aa:bb:cc:dd:ee:ff (00:00:00:00:00:00 = any station)",
                f + ":3: vlanid '3' is not supported by wpa4j (VLANs); allowed: 0",
                f + ":4: a field before the MAC address that hostapd does not know; allowed: keyid=, vlanid=, wps=",
                f + ":5: psk: missing after the MAC address",
                f + ":6: keyid: longer than 31 characters",
                f + ":7: line ends with a carriage return (a DOS line ending), which hostapd would take as part of the PSK"),
                e.problems().stream().map(Problem::toString).toList());
        ConfigException missing = assertThrows(ConfigException.class, () -> HostapdConf.parse("hostapd.conf",
                List.of("interface=wlan0", "ssid=t", "channel=1", "wpa_psk_file=nowhere"), dir));
        assertEquals("hostapd.conf:4: wpa_psk_file 'nowhere' cannot be read: NoSuchFileException (" + dir.resolve("nowhere") + ")", missing.getMessage());
    }

    @Test
    void macListErrors(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("accept"), "00:11:22:33:44:55 3\nnot-a-mac\n00:11:22:33:44:5\n");
        ConfigException e = assertThrows(ConfigException.class, () -> HostapdConf.parse("hostapd.conf",
                List.of("interface=wlan0", "ssid=t", "channel=1", "accept_mac_file=accept"), dir));
        String f = dir.resolve("accept").toString();
        assertEquals(List.of(
                f + ":1: vlan '3' is not supported by wpa4j (VLANs); allowed: no VLAN id, or 0",
                f + ":2: mac 'not-a-mac' is not a MAC address; allowed: aa:bb:cc:dd:ee:ff, or -aa:bb:cc:dd:ee:ff to remove one",
                f + ":3: mac '00:11:22:33:44:5' is not a MAC address; allowed: aa:bb:cc:dd:ee:ff, or -aa:bb:cc:dd:ee:ff to remove one"),
                e.problems().stream().map(Problem::toString).toList());
    }

    @Test
    void lineRules() {
        ConfigException e = assertThrows(ConfigException.class, () -> HostapdConf.parse("hostapd.conf", List.of(
                "interface=wlan0",
                "  # indented comments are not comments in hostapd",
                "ssid=t\r",
                "\tchannel=1",
                "x".repeat(1 << 20),
                "ssid=a\0b",
                "ssid=" + "y".repeat(40)), Path.of(".")));
        assertEquals(List.of(
                "hostapd.conf:5: line is 1048576 octets long; hostapd reads at most 4094",
                "hostapd.conf:6: line contains a NUL octet",
                "hostapd.conf:2: line is not key=value",
                "hostapd.conf:3: line ends with a carriage return (a DOS line ending), which hostapd would keep in the value",
                "hostapd.conf:4: channel: white space around '=' is not allowed (the daemon would read the key as '\\x09channel')",
                "hostapd.conf:7: ssid '" + "y".repeat(40) + "' is 40 octets long; allowed: 1..32 octets"),
                e.problems().stream().map(Problem::toString).toList());
        ApFile f = HostapdConf.parse("hostapd.conf", List.of("interface=wlan0", "ssid=a", "ssid2=\"b\"", "channel=1", "#x=1", ""), Path.of("."));
        assertEquals(Ssid.ofUtf8("b"), f.profile().ssid());
        assertEquals(List.of("hostapd.conf:3: ssid2: set again; this replaces the value of line 2"), f.warnings().stream().map(Problem::toString).toList());
    }

    @Test
    void missingKeysAreNamed() {
        ConfigException e = assertThrows(ConfigException.class, () -> HostapdConf.parse("hostapd.conf", List.of("hw_mode=a"), Path.of(".")));
        assertEquals(List.of("hostapd.conf: interface: missing; allowed: a network interface name",
                "hostapd.conf: ssid: missing; set ssid= or ssid2=",
                "hostapd.conf: channel: missing; automatic channel selection is not supported by wpa4j; allowed: none (set country_code)"),
                e.problems().stream().map(Problem::toString).toList());
    }

    @Test
    void hostileInputOnlyEverGivesConfigException() {
        java.util.Random rnd = new java.util.Random(7);
        for (int i = 0; i < 2000; i++) {
            byte[] b = new byte[rnd.nextInt(200)];
            rnd.nextBytes(b);
            String text = "interface=wlan0\nchannel=1\n" + new String(b, StandardCharsets.ISO_8859_1);
            try {
                HostapdConf.parse("fuzz", List.of(text.split("\n", -1)), Path.of("/nonexistent"));
            } catch (ConfigException expected) {
                assertFalse(expected.problems().isEmpty());
            }
        }
    }
}
