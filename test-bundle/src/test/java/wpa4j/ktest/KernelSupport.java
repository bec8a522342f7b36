package wpa4j.ktest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Helpers for tests that run inside the hwsim VM: shell commands and real hostapd. */
final class KernelSupport {
    private KernelSupport() {}

    /** Runs a shell command; returns its output; fails on a non-zero exit. */
    static String sh(String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("command failed: " + command + "\n" + out);
        }
        return out;
    }

    /** Starts Debian's hostapd on {@code ifname}, channel 1, WPA2-PSK CCMP (log: /tmp/hostapd-IFNAME.log, started afresh), and waits until it is enabled. */
    static void startHostapd(String ifname, String ssid, String passphrase) throws Exception {
        startHostapd(null, ifname, ssid, passphrase, "");
    }

    /** As {@link #startHostapd(String, String, String)}, inside {@code ns} when not null, with extra hostapd.conf lines. */
    static void startHostapd(Netns ns, String ifname, String ssid, String passphrase, String extraConf) throws Exception {
        java.util.function.UnaryOperator<String> in = c -> ns == null ? c : ns.exec(c);
        Path conf = Path.of("/tmp/hostapd-" + ifname + ".conf");
        Files.writeString(conf, "interface=" + ifname + "\ndriver=nl80211\nctrl_interface=/var/run/hostapd\nssid=" + ssid
                + "\nhw_mode=g\nchannel=1\nwpa=2\nwpa_key_mgmt=WPA-PSK\nrsn_pairwise=CCMP\nwpa_passphrase=" + passphrase + "\n" + extraConf);
        sh("rm -f /tmp/hostapd-" + ifname + ".log; mkdir -p /var/run/hostapd && " + in.apply("hostapd -d -B -P " + pidFile("hostapd", ifname) + " -f /tmp/hostapd-" + ifname + ".log " + conf));
        await(() -> {
            try {
                return sh(in.apply("hostapd_cli -i " + ifname + " status") + " || true").contains("state=ENABLED");
            } catch (Exception e) {
                return false;
            }
        }, "hostapd on " + ifname + " enabled");
    }

    /**
     * Starts Debian's wpa_supplicant (nl80211) on {@code ifname}, inside {@code ns} when not null, for a WPA2-PSK
     * CCMP network on channel 1; it logs to /tmp/wpa_supplicant-IFNAME.log (started afresh).
     */
    static void startWpaSupplicant(Netns ns, String ifname, String ssid, String passphrase) throws Exception {
        startWpaSupplicantWith(ns, ifname, "", "ssid=\"" + ssid + "\"\npsk=\"" + passphrase + "\"\nkey_mgmt=WPA-PSK\nproto=RSN\npairwise=CCMP\ngroup=CCMP\nscan_freq=2412\n");
    }

    /**
     * Starts Debian's wpa_supplicant (nl80211) on {@code ifname}, inside {@code ns} when not null, with the global
     * wpa_supplicant.conf lines {@code globals} (e.g. {@code sae_pwe=1}, may be empty) and one network block whose
     * lines are {@code network} (one {@code key=value} a line, without {@code network={}}); it logs to
     * /tmp/wpa_supplicant-IFNAME.log (started afresh).
     */
    static void startWpaSupplicantWith(Netns ns, String ifname, String globals, String network) throws Exception {
        Path conf = Path.of("/tmp/wpa_supplicant-" + ifname + ".conf");
        StringBuilder block = new StringBuilder();
        network.lines().filter(l -> !l.isBlank()).forEach(l -> block.append(' ').append(l.strip()).append('\n'));
        Files.writeString(conf, "ctrl_interface=/var/run/wpa_supplicant\n" + (globals.isEmpty() || globals.endsWith("\n") ? globals : globals + "\n")
                + "network={\n" + block + "}\n");
        String start = "wpa_supplicant -B -D nl80211 -i " + ifname + " -c " + conf + " -f " + wpaSupplicantLogFile(ifname) + " -P " + pidFile("wpa_supplicant", ifname);
        sh("rm -f " + wpaSupplicantLogFile(ifname) + "; " + (ns == null ? start : ns.exec(start)));
    }

    static String wpaSupplicantLogFile(String ifname) {
        return "/tmp/wpa_supplicant-" + ifname + ".log";
    }

    /** The log of the wpa_supplicant of {@code ifname} (its -f file), empty when there is none. */
    static String wpaSupplicantLog(String ifname) {
        return shForDiagnosis("cat " + wpaSupplicantLogFile(ifname) + " 2>/dev/null || true");
    }

    /** The output of {@code command} for a failure message: never throws (a probe that failed says why instead). */
    static String shForDiagnosis(String command) {
        try {
            return sh(command);
        } catch (Exception | AssertionError e) {
            return e.toString();
        }
    }

    /** {@code wpa_cli -i IFNAME COMMAND} inside {@code ns} when not null; its output, or empty when wpa_cli failed. */
    static String wpaCli(Netns ns, String ifname, String command) {
        String cli = "wpa_cli -i " + ifname + " " + command;
        try {
            return sh(ns == null ? cli : ns.exec(cli));
        } catch (Exception | AssertionError e) {
            return "";
        }
    }

    /** Ends the wpa_supplicant of {@code ifname} (if it runs). */
    static void stopWpaSupplicant(Netns ns, String ifname) throws Exception {
        String terminate = "wpa_cli -i " + ifname + " terminate";
        sh((ns == null ? terminate : ns.exec(terminate)) + " >/dev/null 2>&1; true");
        endProcess(pidFile("wpa_supplicant", ifname));
    }

    private static String pidFile(String program, String ifname) {
        return "/tmp/" + program + "-" + ifname + ".pid";
    }

    /**
     * Waits (5 s at most) for the process of {@code pidFile} to end, then kills it: a peer that outlives its test
     * (a terminate its control socket never got) would hold sockets and drive the radio under the next test.
     */
    private static void endProcess(String pidFile) throws Exception {
        sh("p=$(cat " + pidFile + " 2>/dev/null); if [ -n \"$p\" ]; then kill $p 2>/dev/null; for i in $(seq 50); do kill -0 $p 2>/dev/null || break;"
                + " sleep 0.1; done; kill -9 $p 2>/dev/null; fi; rm -f " + pidFile + "; true");
    }

    /** Debian's hostapd on {@code ifname}, its radio in a namespace of its own (so ping crosses the air), with {@code cidr}. */
    static Netns hostapdInNetns(String ns, String ifname, String ssid, String passphrase, String extraConf, String cidr) throws Exception {
        Netns n = Netns.moveInto(ns, ifname);
        startHostapd(n, ifname, ssid, passphrase, extraConf);
        sh(n.exec("ip addr add " + cidr + " dev " + ifname));
        return n;
    }

    /**
     * One request to hostapd's control interface on {@code ifname} and its reply, for the commands hostapd_cli 2.10
     * has no word for (REKEY_GTK): a datagram on its socket, as hostapd_cli sends them.
     */
    static String hostapdRequest(String ifname, String request) throws Exception {
        return sh("python3 -c 'import os, socket, sys\n"
                + "s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM); p = \"/tmp/ktest-ctrl-%d\" % os.getpid(); s.bind(p)\n"
                + "try:\n s.settimeout(5); s.connect(\"/var/run/hostapd/" + ifname + "\"); s.send(sys.argv[1].encode()); print(s.recv(4096).decode())\n"
                + "finally:\n os.unlink(p)' " + request);
    }

    /** Undoes {@link #hostapdInNetns}: hostapd stopped, the radio back, the station's addresses flushed. */
    static void stopHostapdInNetns(Netns ns, String apIf, String staIf) throws Exception {
        stopHostapd(apIf);
        sh("ip addr flush dev " + staIf);
        ns.close();
    }

    /** PF_PACKET sockets on ETH_P_PAE in this namespace, from /proc/net/packet (protocol in hex). */
    static long eapolPacketSockets() throws Exception {
        return sh("cat /proc/net/packet").lines().filter(l -> l.contains(" 888e ")).count();
    }

    /**
     * The inodes of the PF_PACKET sockets for EAPOL (EtherType 888e) that process {@code pid} holds: another process's
     * (a peer of an earlier test still ending) must not count.
     */
    static java.util.Set<String> eapolPacketInodes(long pid) throws Exception {
        java.util.Set<String> held = new java.util.HashSet<>();
        try (var fds = Files.list(Path.of("/proc/" + pid + "/fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        held.add(target.substring("socket:[".length(), target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // an fd that went between the listing and the read
                }
            }
        }
        return sh("cat /proc/net/packet").lines().filter(l -> l.contains(" 888e ")).map(l -> l.trim().split("\\s+"))
                .map(f -> f[f.length - 1]).filter(held::contains).collect(java.util.stream.Collectors.toSet());
    }

    static void stopHostapd(String ifname) throws Exception {
        endProcess(pidFile("hostapd", ifname));
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        await(condition, () -> what);
    }

    /** As {@link #await(BooleanSupplier, String)}, the description made only on a timeout (e.g. with the logs of that moment). */
    static void await(BooleanSupplier condition, java.util.function.Supplier<String> what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        AssertionError last = null;
        while (true) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (AssertionError notYet) {
                // a probe command that failed this time (sh: exit status != 0), e.g. a ping before the link is up
                last = notYet;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting for " + what.get() + (last == null ? "" : "; last probe: " + last.getMessage()), last);
            }
            Thread.sleep(100);
        }
    }

    private static String in(Netns ns, String command) {
        return ns == null ? command : ns.exec(command);
    }

    /**
     * How many Beacons of its AP mac80211 accepted on the station {@code ifname} ("beacon rx" of the station dump),
     * -1 when not associated; a Beacon whose BIP MME does not verify under the installed BIGTK is not counted.
     */
    static long beaconRx(Netns ns, String ifname) {
        try {
            String v = sh(in(ns, "iw dev " + ifname + " station dump") + " | sed -n 's/.*beacon rx:[[:space:]]*//p' | head -1").strip();
            return v.isEmpty() ? -1 : Long.parseLong(v);
        } catch (Exception e) {
            return -1;
        }
    }

    /** Waits until mac80211 has accepted at least 5 more Beacons on the station {@code ifname} ({@link #beaconRx}). */
    static void awaitBeaconsAccepted(Netns ns, String ifname, java.util.function.Supplier<String> what) throws InterruptedException {
        long rx = beaconRx(ns, ifname);
        await(() -> beaconRx(ns, ifname) >= rx + 5, () -> what.get() + ": beacon rx " + rx + " -> " + beaconRx(ns, ifname));
    }

    /** {@code ifname} (inside {@code ns} when not null) as a monitor on channel 1, to inject frames with scapy. */
    static void monitorOnChannel1(Netns ns, String ifname) throws Exception {
        sh(in(ns, "ip link set " + ifname + " down") + "; " + in(ns, "iw dev " + ifname + " set type monitor") + "; "
                + in(ns, "ip link set " + ifname + " up") + "; " + in(ns, "iw dev " + ifname + " set channel 1"));
    }

    /** {@code ifname} back to a (down) station interface after {@link #monitorOnChannel1}. */
    static void managedAgain(Netns ns, String ifname) throws Exception {
        sh(in(ns, "ip link set " + ifname + " down") + "; " + in(ns, "iw dev " + ifname + " set type managed"));
    }

    /** Three unprotected Beacons claiming to be {@code bssid}'s (no MME), injected by Debian's scapy from the monitor {@code ifname}. */
    static void forgeBeacons(Netns ns, String ifname, String bssid, String ssid) throws Exception {
        sh(in(ns, "/usr/bin/python3 -c \"from scapy.all import RadioTap, Dot11, Dot11Beacon, Dot11Elt, sendp; "
                + "sendp(RadioTap()/Dot11(type=0, subtype=8, addr1='ff:ff:ff:ff:ff:ff', addr2='" + bssid + "', addr3='" + bssid + "')"
                + "/Dot11Beacon(cap=0x0411)/Dot11Elt(ID=0, info=b'" + ssid + "')/Dot11Elt(ID=1, info=b'\\\\x82\\\\x84\\\\x8b\\\\x96')"
                + "/Dot11Elt(ID=3, info=b'\\\\x01'), iface='" + ifname + "', count=3, inter=0.1, verbose=0)\""));
    }
}
