package wpa4j.supplicant.ctrl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import wpa4j.runtime.eloop.EventLoop;
import wpa4j.supplicant.core.Supplicant;
import wpa4j.supplicant.core.SupplicantListener;
import wpa4j.supplicant.core.SupplicantTiming;
import wpa4j.supplicant.station.Station;

/** wpa_cli's commands on a station without a driver: replies as wpa_supplicant's, and hostile input only ever answers FAIL. */
class StationCommandsTest {
    private static final String PASS = "commands test passphrase";
    private final EventLoop loop = new EventLoop("sta");
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final Supplicant core = new Supplicant(loop, "wlan9", List.of(), SupplicantTiming.DEFAULT, SupplicantListener.of((a, b) -> { }, l -> { }));
    private final StationCommands commands = new StationCommands(loop, new Station("wlan9", core, problems::add), problems::add);

    @AfterEach
    void close() {
        loop.close();
    }

    @Test
    void networkCommandsAnswerAsWpaSupplicant() {
        assertEquals("PONG\n", commands.handle("PING"));
        assertEquals("0\n", commands.handle("ADD_NETWORK"));
        assertEquals("OK\n", commands.handle("SET_NETWORK 0 ssid \"caf\u00c3\u00a9\""));
        // the octets arrive as sent (one char per octet) and, not being printable ASCII, are answered in hex
        assertEquals("636166c3a9\n", commands.handle("GET_NETWORK 0 ssid"));
        assertEquals("OK\n", commands.handle("SET_NETWORK 0 psk \"" + PASS + "\""));
        assertEquals("*\n", commands.handle("GET_NETWORK 0 psk"));
        assertEquals("0\n", commands.handle("GET_NETWORK 0 beacon_prot"), "default 0");
        assertEquals("OK\n", commands.handle("SET_NETWORK 0 beacon_prot 1"));
        assertEquals("1\n", commands.handle("GET_NETWORK 0 beacon_prot"));
        assertEquals("FAIL\n", commands.handle("SET_NETWORK 0 beacon_prot 2"));
        assertEquals("1\n", commands.handle("GET_NETWORK 0 beacon_prot"), "a refused value changes nothing");
        assertTrue(commands.handle("LIST_NETWORKS").contains("0\tcaf\\xc3\\xa9\tany\t[DISABLED]"), commands.handle("LIST_NETWORKS"));
        assertEquals("OK\n", commands.handle("ENABLE_NETWORK 0"));
        assertFalse(commands.handle("LIST_NETWORKS").contains("[DISABLED]"));
        assertEquals("FAIL\n", commands.handle("SAVE_CONFIG"), "no configuration file: as wpa_supplicant without update_config");
        assertEquals("OK\n", commands.handle("REMOVE_NETWORK all"));
        assertEquals("network id / ssid / bssid / flags\n", commands.handle("LIST_NETWORKS"));
        assertTrue(commands.handle("STATUS").contains("wpa_state=DISCONNECTED"));
        assertTrue(problems.stream().noneMatch(p -> p.contains(PASS)));
    }

    @Test
    void hostileInputOnlyEverAnswersFailOrUnknownCommand() {
        commands.handle("ADD_NETWORK");
        for (String bad : List.of("SET_NETWORK", "SET_NETWORK 0", "SET_NETWORK 0 ssid", "SET_NETWORK x ssid \"a\"", "SET_NETWORK 99 ssid \"a\"",
                "SET_NETWORK 0 ssid 6", "SET_NETWORK 0 ssid " + "41".repeat(33), "SET_NETWORK 0 psk \"short\"", "SET_NETWORK 0 psk 12",
                "SET_NETWORK 0 priority 99999999999", "SET_NETWORK 0 bssid 02:00", "SET_NETWORK 0 key_mgmt WPA-EAP", "GET_NETWORK 0",
                "GET_NETWORK 5 ssid", "ENABLE_NETWORK -1", "SELECT_NETWORK 2147483648", "REMOVE_NETWORK 77", "BSS zz:zz", "BSS 99999999999",
                "BSS RANGE=ALL MASK=0xZZ", "DISABLE_NETWORK \u0000")) {
            String reply = commands.handle(bad);
            assertTrue(reply.equals("FAIL\n") || reply.isEmpty(), bad + " -> " + reply);
        }
        assertEquals("UNKNOWN COMMAND\n", commands.handle("NO_SUCH_COMMAND"));
        assertEquals("UNKNOWN COMMAND\n", commands.handle("\u00ff\u0000garbage"));
        assertEquals("UNKNOWN COMMAND\n", commands.handle(""));
        assertEquals("PONG\n", commands.handle("PING"), "still serving");
        assertEquals(0, loop.failures(), "no task on the station's loop threw");
        problems.forEach(p -> assertFalse(p.contains("\n"), "one line each: " + p));
    }
}
