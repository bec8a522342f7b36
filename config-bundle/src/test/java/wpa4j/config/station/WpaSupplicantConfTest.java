package wpa4j.config.station;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.Ssid;

class WpaSupplicantConfTest {
    static final String HEX64 = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    /** Debian / Raspberry Pi OS style, with the corner cases operators meet. */
    static final String REALISTIC = """
            ctrl_interface=DIR=/var/run/wpa_supplicant GROUP=netdev
            update_config=1
            country=DE
            # fast_reauth is EAP only: accepted without a word
            fast_reauth=1
            p2p_disabled=1
            bgscan="simple:30:-45:300"

            network={
            \tssid="HomeNet"   # the house
            \tpsk="TopSecretPass123"
            \tkey_mgmt=WPA-PSK
            \tpriority=10
            \tid_str="home"
            }

            network={
            \tssid=610062
            \tscan_ssid=1
            \tpsk=%s
            \tpriority=5
            \tbssid=00:11:22:33:44:55
            \tproto=RSN
            \tpairwise=CCMP
            }

            network={
            \tssid=P"caf\\xc3\\xa9\\xff"
            \tkey_mgmt=NONE
            \tdisabled=1
            \tpriority=1
            \tscan_freq=2412 2437 2462
            \tfoo=bar
            }
            """.formatted(HEX64);

    static List<String> lines(String text) {
        return Arrays.asList(text.split("\n", -1));
    }

    static StationFile parse(String text) {
        return WpaSupplicantConf.parse("wpa_supplicant.conf", lines(text));
    }

    static List<String> errors(String text) {
        ConfigException e = assertThrows(ConfigException.class, () -> parse(text));
        return e.problems().stream().map(Problem::toString).toList();
    }

    @Test
    void realisticFile() {
        StationFile f = parse(REALISTIC);
        assertEquals(Optional.of(new CtrlInterface(Path.of("/var/run/wpa_supplicant"), Optional.of("netdev"))), f.ctrlInterface());
        assertTrue(f.updateConfig());
        assertEquals(Optional.of("DE"), f.country());
        assertEquals(1, f.apScan());
        assertEquals(List.of("wpa_supplicant.conf:7: bgscan: not implemented by wpa4j; ignored",
                "wpa_supplicant.conf:33: unknown key 'foo' ignored"), f.warnings().stream().map(Problem::toString).toList());

        List<NetworkProfile> p = f.profiles();
        assertEquals(List.of(0, 1, 2), p.stream().map(NetworkProfile::id).toList());
        assertEquals(Ssid.ofUtf8("HomeNet"), p.get(0).ssid());
        assertEquals(Passphrase.of("TopSecretPass123".getBytes()), p.get(0).psk().orElseThrow());
        assertEquals("home", p.get(0).idStr());
        assertEquals(10, p.get(0).priority());

        assertEquals(Ssid.of((byte) 'a', (byte) 0, (byte) 'b'), p.get(1).ssid(), "NUL inside a hex SSID");
        assertEquals(RawPsk.class, p.get(1).psk().orElseThrow().getClass());
        assertTrue(p.get(1).scanSsid());
        assertEquals(Optional.of(MacAddress.parse("00:11:22:33:44:55")), p.get(1).bssid());
        assertEquals(Set.of("RSN"), p.get(1).proto());

        assertEquals(Ssid.of((byte) 'c', (byte) 'a', (byte) 'f', (byte) 0xc3, (byte) 0xa9, (byte) 0xff), p.get(2).ssid(), "not UTF-8");
        assertEquals("caf\\xc3\\xa9\\xff", p.get(2).ssid().toPrintable());
        assertTrue(p.get(2).disabled());
        assertTrue(f.networks().get(2).isDisabled());
        assertEquals(List.of(2412, 2437, 2462), p.get(2).scanFreq());
        assertEquals(3, f.nextNetworkId());
    }

    @Test
    void formatIsWhatSaveConfigWrites() {
        assertEquals("""
                ctrl_interface=DIR=/var/run/wpa_supplicant GROUP=netdev
                update_config=1
                country=DE

                network={
                \tssid="HomeNet"
                \tpsk="TopSecretPass123"
                \tkey_mgmt=WPA-PSK
                \tpriority=10
                \tid_str="home"
                }

                network={
                \tssid=610062
                \tscan_ssid=1
                \tbssid=00:11:22:33:44:55
                \tpsk=%s
                \tproto=RSN
                \tpairwise=CCMP
                \tpriority=5
                }

                network={
                \tssid=636166c3a9ff
                \tkey_mgmt=NONE
                \tscan_freq=2412 2437 2462
                \tpriority=1
                \tdisabled=1
                }
                """.formatted(HEX64), WpaSupplicantConf.format(parse(REALISTIC)));
    }

    @Test
    void roundTripGivesEqualProfiles() {
        String extra = REALISTIC + """
                pmf=1

                network={
                \tssid=61222362
                \tkey_mgmt=SAE WPA-PSK-SHA256
                \tsae_password=P"x\\ty"
                \tpsk="with \\"q\\" and # hash"
                \tieee80211w=2
                \tfreq_list=5180 5200
                \tgroup=CCMP
                \tid_str=P"\\x01"
                \tbeacon_prot=1
                }
                """;
        StationFile first = parse(extra);
        String text = WpaSupplicantConf.format(first);
        StationFile second = parse(text);
        assertEquals(first.profiles(), second.profiles());
        assertEquals(text, WpaSupplicantConf.format(second), "format is a fixed point");
        assertEquals(1, second.pmf());
        assertTrue(second.profiles().get(3).beaconProt());
        assertTrue(text.contains("\tbeacon_prot=1\n}\n"), "beacon_prot is written when set, after id_str: " + text);
        assertEquals(1, text.split("beacon_prot=", -1).length - 1, "written only for the network that sets it: " + text);
        assertTrue(text.contains("\tssid=61222362\n"), "a quote, then '#': written as hex so it reads back");
        assertEquals(Ssid.of((byte) 'a', (byte) '"', (byte) '#', (byte) 'b'), second.profiles().get(3).ssid());
    }

    @Test
    void formattedSecretsOnlyInPskAndSaePasswordLines() {
        String text = WpaSupplicantConf.format(parse(REALISTIC));
        for (String line : text.split("\n")) {
            if (!line.startsWith("\tpsk=") && !line.startsWith("\tsae_password=")) {
                assertFalse(line.contains("TopSecretPass123") || line.contains(HEX64), line);
            }
        }
    }

    @Test
    void incompleteNetworksAreNotWritten() {
        NetworkBlock added = new NetworkBlock(3); // ADD_NETWORK, nothing set yet
        StationFile f = parse(REALISTIC);
        List<NetworkBlock> nets = new java.util.ArrayList<>(f.networks());
        nets.add(added);
        String text = WpaSupplicantConf.format(f.withNetworks(nets));
        assertEquals(3, parse(text).networks().size());
        added.set("ssid", "\"New\"", wpa4j.config.Source.of("wpa_cli"));
        added.set("key_mgmt", "NONE", wpa4j.config.Source.of("wpa_cli"));
        assertEquals(4, parse(WpaSupplicantConf.format(f.withNetworks(nets))).networks().size());
    }

    @Test
    void plainCtrlInterfaceWithDeprecatedGroup() {
        StationFile f = parse("ctrl_interface=/run/wpa_supplicant\nctrl_interface_group=wheel\n");
        assertEquals(Optional.of(new CtrlInterface(Path.of("/run/wpa_supplicant"), Optional.of("wheel"))), f.ctrlInterface());
        assertEquals(Optional.of(new CtrlInterface(Path.of("/run/w"), Optional.empty())), parse("ctrl_interface=DIR=/run/w\nctrl_interface_group=x\n").ctrlInterface(),
                "the DIR= form takes its group from GROUP= only");
        assertEquals("ctrl_interface=/run/wpa_supplicant\n", WpaSupplicantConf.format(parse("ctrl_interface=/run/wpa_supplicant")));
    }

    @Test
    void ctrlInterfaceDirectoriesThatLookLikeTheOtherFormSurviveSaveConfig() {
        // found by fuzzing (ConfigAndControlFuzzTest.wpaSupplicantConf): 'DIR=DIR=' is the directory 'DIR=', which the
        // plain form would have written back as an empty DIR= form
        for (String conf : List.of("ctrl_interface=DIR=DIR=", "ctrl_interface=DIR=DIR=x GROUP=g", "ctrl_interface=/a GROUP=b\nctrl_interface_group=g",
                "ctrl_interface=/a GROUP=b")) {
            StationFile f = parse(conf);
            assertEquals(f.ctrlInterface(), parse(WpaSupplicantConf.format(f)).ctrlInterface(), conf);
        }
        assertEquals("ctrl_interface=DIR=DIR=\n", WpaSupplicantConf.format(parse("ctrl_interface=DIR=DIR=")));
        assertEquals("ctrl_interface=/a GROUP=b\nctrl_interface_group=g\n", WpaSupplicantConf.format(parse("ctrl_interface=/a GROUP=b\nctrl_interface_group=g")));
    }

    @Test
    void globalErrors() {
        assertEquals(List.of(
                "wpa_supplicant.conf:1: ap_scan '2' (the driver selects the AP) is not supported by wpa4j; allowed: 1",
                "wpa_supplicant.conf:2: ap_scan '0' (no scanning: wired or driver-managed) is not supported by wpa4j; allowed: 1",
                "wpa_supplicant.conf:3: country 'de' is not a country code; allowed: two upper-case letters (ISO 3166-1 alpha-2) or 00",
                "wpa_supplicant.conf:4: country 'DEU' is not a country code; allowed: two upper-case letters (ISO 3166-1 alpha-2) or 00",
                "wpa_supplicant.conf:5: update_config '2' is out of range; allowed: 0, 1",
                "wpa_supplicant.conf:6: pmf '3' is out of range; allowed: 0 (disabled), 1 (optional), 2 (required)",
                "wpa_supplicant.conf:7: ctrl_interface 'DIR= GROUP=netdev' has no directory; allowed: a directory, or DIR=<directory> GROUP=<group>",
                "wpa_supplicant.conf:8: line is not key=value",
                "wpa_supplicant.conf:9: country: white space around '=' is not allowed (the daemon would read the key as 'country ')"),
                errors("ap_scan=2\nap_scan=0\ncountry=de\ncountry=DEU\nupdate_config=2\npmf=3\nctrl_interface=DIR= GROUP=netdev\njunk\ncountry =DE"));
        assertEquals(Optional.of("00"), parse("country=00").country());
        assertEquals(List.of("wpa_supplicant.conf:2: country: set again; this replaces the value of line 1"),
                parse("country=DE\ncountry=FR").warnings().stream().map(Problem::toString).toList());
    }

    @Test
    void allErrorsOfTheFileAtOnce() {
        ConfigException e = assertThrows(ConfigException.class, () -> parse("""
                country=XX1
                network={
                \tssid="ok"
                \tkey_mgmt=WPA-EAP
                \tpriority=high
                }
                network={
                \tssid="nopsk"
                }
                foo=1
                """));
        assertEquals(List.of(
                "wpa_supplicant.conf:1: country 'XX1' is not a country code; allowed: two upper-case letters (ISO 3166-1 alpha-2) or 00",
                "wpa_supplicant.conf:4: key_mgmt 'WPA-EAP' is not supported by wpa4j; allowed: WPA-PSK, WPA-PSK-SHA256, SAE, NONE",
                "wpa_supplicant.conf:5: priority 'high' is not a number; allowed: -2147483648..2147483647",
                "wpa_supplicant.conf:7: psk: missing; key_mgmt WPA-PSK needs a passphrase or a raw PSK"),
                e.problems().stream().map(Problem::toString).toList());
        assertEquals(e.problems().get(0) + " (and 3 more)", e.getMessage());
        assertEquals(List.of("wpa_supplicant.conf:10: unknown key 'foo' ignored"), e.warnings().stream().map(Problem::toString).toList());
    }

    @Test
    void blockStructure() {
        assertEquals(List.of("wpa_supplicant.conf:1: network block is not closed: no '}' before the end of the file"),
                errors("network={\n\tssid=\"a\"\n\tkey_mgmt=NONE\n"));
        assertEquals(List.of("wpa_supplicant.conf:1: network block is not closed: no '}' before the network={ at line 3"),
                errors("network={\n\tssid=\"a\"\nnetwork={\n\tssid=\"b\"\n\tkey_mgmt=NONE\n}\n"));
        assertEquals(List.of("wpa_supplicant.conf:1: '}' without a block to close"), errors("}\n"));
        assertEquals(List.of("wpa_supplicant.conf:2: line is not key=value"), errors("network={\n\tpsk \"TopSecretPass123\"\n\tssid=\"a\"\n}"));
        StationFile f = parse("cred={\n\trealm=\"example.com\"\n}\nblob-base64-cert={\nQUJD\n}\nnetwork={\nssid=\"a\"\nkey_mgmt=NONE\n}");
        assertEquals(List.of("wpa_supplicant.conf:1: cred: cred blocks (Hotspot 2.0 credentials) are not supported by wpa4j; block ignored",
                "wpa_supplicant.conf:4: blob-base64-cert: blobs (certificates for EAP) are not supported by wpa4j; block ignored"),
                f.warnings().stream().map(Problem::toString).toList());
        assertEquals(1, f.networks().size());
        assertEquals(List.of("wpa_supplicant.conf:1: block is not closed: no '}' before the end of the file"), errors("cred={\n"));
        assertEquals(List.of("wpa_supplicant.conf:4: ssid: set again; this replaces the value of line 2"),
                parse("network={\nssid=\"a\"\nkey_mgmt=NONE\nssid=\"b\"\n}").warnings().stream().map(Problem::toString).toList());
    }

    @Test
    void hostileInput() throws Exception {
        assertEquals(List.of("wpa_supplicant.conf:1: line is 1048576 octets long; wpa_supplicant reads at most 1998"),
                errors("x".repeat(1 << 20)));
        assertEquals(List.of("wpa_supplicant.conf:1: line is 600 octets long; wpa_supplicant reads at most 510 outside a network block"),
                errors("driver_param=" + "x".repeat(587)));
        assertEquals(List.of("wpa_supplicant.conf:2: line contains a NUL octet"), errors("network={\nssid=\"a\0b\"\nkey_mgmt=NONE\n}"));
        assertEquals(List.of("wpa_supplicant.conf:2: ssid '\"unbalanced' has no closing quote; allowed: \"text\", P\"escaped text\" or an even number of hex digits"),
                errors("network={\nssid=\"unbalanced\nkey_mgmt=NONE\n}"));
        assertEquals(List.of("wpa_supplicant.conf:2: ssid '6162636' has an odd number of hex digits; allowed: \"text\", P\"escaped text\" or an even number of hex digits"),
                errors("network={\nssid=6162636\nkey_mgmt=NONE\n}"));
        assertEquals(List.of("wpa_supplicant.conf:2: ssid '\"abcdefghijabcdefghijabcdefghijabc\"' is 33 octets long; allowed: 0..32 octets"),
                errors("network={\nssid=\"abcdefghijabcdefghijabcdefghijabc\"\nkey_mgmt=NONE\n}"));
        assertEquals(List.of("wpa_supplicant.conf:2: priority '99999999999' is out of range; allowed: -2147483648..2147483647"),
                errors("network={\npriority=99999999999\nssid=\"a\"\nkey_mgmt=NONE\n}"));
        // random octets: only ConfigException, never anything else
        java.util.Random rnd = new java.util.Random(42);
        for (int i = 0; i < 2000; i++) {
            byte[] b = new byte[rnd.nextInt(300)];
            rnd.nextBytes(b);
            String text = (i % 2 == 0 ? "network={\n" : "") + new String(b, StandardCharsets.ISO_8859_1);
            try {
                WpaSupplicantConf.parse("fuzz", List.of(text.split("\n", -1)));
            } catch (ConfigException expected) {
                assertFalse(expected.problems().isEmpty());
            }
        }
    }

    @Test
    void nonUtf8FileOctetsSurvive(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("wpa.conf");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write("network={\r\n\tssid=\"caf".getBytes(StandardCharsets.US_ASCII));
        out.write(new byte[] {(byte) 0xe9});
        out.write("\"\r\n\tkey_mgmt=NONE\r\n}\r\n".getBytes(StandardCharsets.US_ASCII));
        Files.write(file, out.toByteArray());
        StationFile f = WpaSupplicantConf.parse(file);
        assertEquals(Ssid.of((byte) 'c', (byte) 'a', (byte) 'f', (byte) 0xe9), f.profiles().get(0).ssid(), "Latin-1 octet, CRLF endings");
        ConfigException missing = assertThrows(ConfigException.class, () -> WpaSupplicantConf.parse(dir.resolve("none.conf")));
        assertEquals(dir.resolve("none.conf") + ": cannot be read: NoSuchFileException", missing.getMessage());
    }

    @Test
    void saveIsAtomicAndPrivate(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("wpa_supplicant.conf");
        Files.writeString(file, "old");
        WpaSupplicantConf.save(file, parse(REALISTIC));
        assertEquals(WpaSupplicantConf.format(parse(REALISTIC)), Files.readString(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(List.of(file), Files.list(dir).toList());
        assertEquals(parse(REALISTIC).profiles(), WpaSupplicantConf.parse(file).profiles());
    }
}
