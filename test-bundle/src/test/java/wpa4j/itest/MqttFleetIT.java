package wpa4j.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import wpa4j.mqtt.testing.Mosquitto;
import wpa4j.mqtt.testing.Subscriber;

/**
 * Gateways as a fleet sees them: the shipped gateway jar, run as processes, on Debian's real Mosquitto. Events and
 * the retained status on their topics, control commands over MQTT that make the sim station join another network,
 * the last will of a killed gateway, wrong credentials, and twenty gateways listed by {@code fleet:list}. Time limits
 * only guard against hangs.
 */
class MqttFleetIT {
    @TempDir
    Path work;

    private Mosquitto broker;
    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeEach
    void broker() throws Exception {
        assumeTrue(Mosquitto.installed(), "Debian's mosquitto is installed (.ci/run installs it)");
        assertTrue(FleetGateway.hasJar(), "the gateway jar is built by distribution/");
        broker = Mosquitto.open(work.resolve("broker"));
    }

    @AfterEach
    void stop() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        broker.close();
    }

    private <T extends AutoCloseable> T keep(T t) {
        open.add(t);
        return t;
    }

    private List<String> mqtt(String id, String... more) {
        List<String> l = new ArrayList<>(List.of("broker=" + broker.url(), "gatewayId=" + id));
        l.addAll(List.of(more));
        return l;
    }

    private static JsonObject json(Subscriber.Received r) {
        return JsonParser.parseString(r.payload()).getAsJsonObject();
    }

    /** The interface {@code ifname} of a status, or null. */
    private static JsonObject iface(JsonObject status, String ifname) {
        if (!(status.get("interfaces") instanceof JsonArray a)) {
            return null;
        }
        for (JsonElement e : a) {
            if (e.getAsJsonObject().get("ifname").getAsString().equals(ifname)) {
                return e.getAsJsonObject();
            }
        }
        return null;
    }

    private Subscriber.Received command(Subscriber console, String gw, String ifname, String id, String request) throws Exception {
        console.publish("wpa4j/" + gw + "/" + ifname + "/cmd/" + id, request);
        return console.await(r -> r.topic().equals("wpa4j/" + gw + "/" + ifname + "/reply/" + id), "the reply to " + id);
    }

    @Test
    void eventsAndStatusReachTheBrokerCommandsMoveTheStationAndAKilledGatewayIsMarkedOffline() throws Exception {
        Subscriber console = keep(new Subscriber(broker.url(), "console", "wpa4j/#", false));
        FleetGateway gw = keep(FleetGateway.start(work.resolve("gw-a"), "gw-a", mqtt("gw-a"),
                List.of(List.of("wpa4j.sim.medium.cfg", "radios=sim0,sim1,sim2"),
                        List.of("wpa4j.hostapd-other.cfg", "ifname=sim2", "ssid=wpa4j-other", "channel=1", "passphraseFile=secrets/other.passphrase",
                                "ctrlInterface=" + work.resolve("gw-a/run/hostapd"))),
                Map.of("other.passphrase", "another passphrase")));
        Subscriber.Received connected = console.await(r -> r.topic().equals("wpa4j/gw-a/sim1/event/CTRL-EVENT-CONNECTED"), "the station's connection");
        assertEquals("02:00:00:00:00:00", json(connected).getAsJsonObject("fields").get("bssid").getAsString());
        console.await(r -> r.topic().equals("wpa4j/gw-a/sim0/event/AP-STA-CONNECTED"), "the AP's station");
        console.await(r -> r.topic().equals("wpa4j/gw-a/status") && "COMPLETED".equals(state(json(r), "sim1")), "a status with the station COMPLETED");

        // the fleet operator moves the station to the other network, with the wpa_cli commands over MQTT
        assertEquals("PONG\n", json(command(console, "gw-a", "sim1", "p1", "PING")).get("reply").getAsString());
        String id = json(command(console, "gw-a", "sim1", "add-1", "ADD_NETWORK")).get("reply").getAsString().strip();
        assertEquals("OK\n", json(command(console, "gw-a", "sim1", "set-1", "SET_NETWORK " + id + " ssid \"wpa4j-other\"")).get("reply").getAsString());
        JsonObject psk = json(command(console, "gw-a", "sim1", "set-2", "SET_NETWORK " + id + " psk \"another passphrase\""));
        assertEquals("OK\n", psk.get("reply").getAsString());
        assertFalse(psk.toString().contains("another passphrase"), "the reply never echoes a passphrase");
        assertEquals("OK\n", json(command(console, "gw-a", "sim1", "sel-1", "SELECT_NETWORK " + id)).get("reply").getAsString());
        console.await(r -> r.topic().equals("wpa4j/gw-a/sim1/event/CTRL-EVENT-CONNECTED") && r.payload().contains("02:00:00:00:02:00"),
                "the station connected to the other AP (sim2)");
        console.await(r -> r.topic().equals("wpa4j/gw-a/sim2/event/AP-STA-CONNECTED"), "the other AP's station");
        String status = json(command(console, "gw-a", "sim1", "st-1", "STATUS")).get("reply").getAsString();
        assertTrue(status.contains("ssid=wpa4j-other\n") && status.contains("wpa_state=COMPLETED"), status);
        String networks = json(command(console, "gw-a", "sim1", "ls-1", "LIST_NETWORKS")).get("reply").getAsString();
        assertTrue(networks.contains(id + "\twpa4j-other\tany\t[CURRENT]"), networks);
        assertEquals("OK\n", json(command(console, "gw-a", "sim1", "scan-1", "SCAN")).get("reply").getAsString());
        console.await(r -> r.topic().equals("wpa4j/gw-a/sim1/event/CTRL-EVENT-SCAN-RESULTS"), "the scan's results event");
        String results = json(command(console, "gw-a", "sim1", "sr-1", "SCAN_RESULTS")).get("reply").getAsString();
        assertTrue(results.contains("wpa4j-demo") && results.contains("wpa4j-other"), results);
        // the AP side: its station table, and a deauthentication the station recovers from
        String table = json(command(console, "gw-a", "sim2", "sta-1", "ALL_STA")).get("reply").getAsString();
        assertTrue(table.startsWith("02:00:00:00:01:00\n") && table.contains("[AUTHORIZED]"), table);
        int before = console.received().size();
        assertEquals("OK\n", json(command(console, "gw-a", "sim2", "deauth-1", "DEAUTHENTICATE 02:00:00:00:01:00")).get("reply").getAsString());
        console.await(r -> console.received().indexOf(r) >= before && r.topic().equals("wpa4j/gw-a/sim2/event/AP-STA-DISCONNECTED"),
                "the AP's station deauthenticated");
        console.await(r -> console.received().indexOf(r) >= before && r.topic().equals("wpa4j/gw-a/sim1/event/CTRL-EVENT-CONNECTED"),
                "the station connected again");
        // a malformed command: an error reply, the gateway goes on
        JsonObject bad = json(command(console, "gw-a", "sim1", "bad-1", "STATUS\nSCAN"));
        assertFalse(bad.get("ok").getAsBoolean());
        assertTrue(bad.get("error").getAsString().contains("line break"), bad.toString());
        JsonObject nobody = json(command(console, "gw-a", "wlan7", "bad-2", "STATUS"));
        assertEquals("no station or AP on wlan7", nobody.get("error").getAsString());

        // the Gogo command reads the fleet from the broker
        gw.command("fleet:list");
        gw.awaitLog("1 gateways, 1 online");
        gw.awaitLog("  sim1 station COMPLETED ssid=wpa4j-other");

        assertFalse(Files.readString(gw.log).contains("another passphrase"), "no passphrase in the gateway's output");
        gw.kill();
        console.await(r -> r.topic().equals("wpa4j/gw-a/status") && r.payload().equals("{\"gateway\":\"gw-a\",\"online\":false}"),
                "the last will: gw-a offline");
    }

    /** VmRSS of a process, from /proc (0 where there is none). */
    private static long residentKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (java.io.IOException | NumberFormatException e) {
            // not Linux, or the process is gone
        }
        return 0;
    }

    private static String state(JsonObject status, String ifname) {
        JsonObject i = iface(status, ifname);
        return i == null ? null : i.get("state").getAsString();
    }

    @Test
    void eventsWhileTheBrokerIsDownArriveOnceItIsBack() throws Exception {
        // a console whose session the broker keeps across its restart (Mosquitto saves it on SIGTERM)
        Subscriber console = keep(new Subscriber(broker.url(), "console-persistent", "wpa4j/gw-r/+/event/#", true));
        FleetGateway gw = keep(FleetGateway.start(work.resolve("gw-r"), "gw-r", mqtt("gw-r"), List.of()));
        console.await(r -> r.topic().equals("wpa4j/gw-r/sim1/event/CTRL-EVENT-CONNECTED"), "the station's connection");
        broker.stop();
        gw.awaitLog("mqtt: connection to " + broker.url() + " lost");
        int before = console.received().size();
        // events while the broker is away: the station leaves and joins again (Gogo commands at the gateway's console)
        gw.command("wifi:disconnect sim1");
        gw.awaitLog("sim1: CTRL-EVENT-DISCONNECTED");
        gw.command("wifi:connect sim1");
        awaitTwice(gw, "sim0: AP-STA-CONNECTED 02:00:00:00:01:00");
        broker.start();
        gw.awaitLog("mqtt: connected to " + broker.url() + " as gw-r");
        console.await(r -> console.received().indexOf(r) >= before && r.topic().equals("wpa4j/gw-r/sim1/event/CTRL-EVENT-DISCONNECTED"),
                "the disconnection that happened while the broker was down");
        console.await(r -> console.received().indexOf(r) >= before && r.topic().equals("wpa4j/gw-r/sim1/event/CTRL-EVENT-CONNECTED"),
                "the connection that happened while the broker was down");
        console.await(r -> console.received().indexOf(r) >= before && r.topic().equals("wpa4j/gw-r/sim0/event/AP-STA-CONNECTED"),
                "the AP's side of it");
        assertFalse(gw.output().contains("dropped"), "nothing dropped:\n" + gw.output());
    }

    /** Until {@code text} is in the gateway's output a second time (a hang guard of 60 s). */
    private static void awaitTwice(FleetGateway gw, String text) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (true) {
            String out = gw.output();
            int first = out.indexOf(text);
            if (first >= 0 && out.indexOf(text, first + text.length()) >= 0) {
                return;
            }
            assertTrue(System.currentTimeMillis() < deadline, "'" + text + "' a second time in:\n" + out);
            Thread.sleep(100);
        }
    }

    @Test
    void wrongCredentialsAreAClearErrorAndTheGatewayKeepsRunning() throws Exception {
        broker.close();
        broker = Mosquitto.configure(work.resolve("broker-auth"), "gw-b", "the right one", false);
        FleetGateway gw = keep(FleetGateway.start(work.resolve("gw-b"), "gw-b",
                mqtt("gw-b", "username=gw-b", "passwordFile=secrets/mqtt.password"), List.of(), Map.of("mqtt.password", "a wrong one")));
        gw.awaitLog("mqtt: cannot connect to " + broker.url() + " as gw-b: the broker");
        gw.awaitLog("sim1: State: 4WAY_HANDSHAKE -> COMPLETED");
        String out = gw.output();
        assertTrue(out.contains("check username"), out);
        assertFalse(out.contains("a wrong one"), "no password in the output");
        assertTrue(gw.process.isAlive());
    }

    @Test
    void twentyGatewaysOnOneBrokerAreListedByFleetList() throws Exception {
        int n = Integer.getInteger("fleet.gateways", 20);
        Subscriber console = keep(new Subscriber(broker.url(), "fleet-console", "wpa4j/+/status", false));
        long start = System.nanoTime();
        List<FleetGateway> gateways = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = String.format("gw-%02d", i);
            gateways.add(keep(FleetGateway.start(work.resolve(id), id, mqtt(id), List.of())));
        }
        Map<String, JsonObject> latest = new HashMap<>();
        long deadline = System.currentTimeMillis() + 180_000;
        while (latest.values().stream().filter(s -> "COMPLETED".equals(state(s, "sim1"))).count() < n) {
            assertTrue(System.currentTimeMillis() < deadline, "all " + n + " gateways online with their station COMPLETED; have " + latest.keySet());
            for (Subscriber.Received r : console.received()) {
                latest.put(r.topic(), json(r));
            }
            Thread.sleep(200);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Long> rss = new ArrayList<>();
        for (FleetGateway g : gateways) {
            rss.add(residentKb(g.process.pid()));
        }
        rss.sort(null);
        System.out.printf("fleet: %d gateway processes started, online and their stations COMPLETED after %.1f s; resident memory per gateway "
                + "%d/%d/%d MB (min/median/max), %d MB in all%n", n, seconds, rss.get(0) / 1024, rss.get(n / 2) / 1024, rss.get(n - 1) / 1024,
                rss.stream().mapToLong(Long::longValue).sum() / 1024);
        gateways.get(0).command("fleet:list");
        gateways.get(0).awaitLog(n + " gateways, " + n + " online");
        String out = gateways.get(0).output();
        for (int i = 0; i < n; i++) {
            assertTrue(out.contains(String.format("gw-%02d online ", i)), out);
        }
        for (FleetGateway g : gateways) {
            g.close();
        }
        console.await(r -> r.payload().equals(String.format("{\"gateway\":\"gw-%02d\",\"online\":false}", n - 1)), "a stopped gateway is offline");
    }
}
