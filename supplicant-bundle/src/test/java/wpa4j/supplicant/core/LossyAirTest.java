package wpa4j.supplicant.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import wpa4j.driver.types.KeyMgmt;
import wpa4j.driver.types.MacAddress;
import wpa4j.runtime.eloop.EventLoop;
import wpa4j.sim.SimDriver;
import wpa4j.sim.medium.Radio;
import wpa4j.driver.types.Mfp;
import wpa4j.hostapd.core.Akm;
import wpa4j.supplicant.SupplicantState;

/**
 * The handshakes over lossy air: the sim medium's raw loss drops 30% of the frames in each direction before any
 * retry can help (the upper layers see the loss, as in a deep fade). Every connection attempt still ends COMPLETED
 * (the AP's retransmissions, and the station's reconnection when a handshake runs out of them), and loss is never
 * reported as a wrong passphrase on either side.
 */
class LossyAirTest {
    private static final int ATTEMPTS = 100;

    /** Connects {@code ATTEMPTS} times at 30% raw loss both ways, with group rekeys meanwhile; returns the events seen. */
    private static void connectRepeatedly(SimPair p) throws Exception {
        p.medium.setDefaultRawLoss(30);
        for (int i = 0; i < ATTEMPTS; i++) {
            p.awaitState(SupplicantState.COMPLETED);
            p.staLoop.call(() -> {
                p.sta.disconnect();
                p.sta.reconnect();
                return null;
            });
        }
        p.awaitState(SupplicantState.COMPLETED);
        long connected = p.staEvents.stream().filter(l -> l.startsWith("CTRL-EVENT-CONNECTED")).count();
        assertTrue(connected >= ATTEMPTS + 1, "connections: " + connected);
        List<String> falseAlarms = p.staEvents.stream()
                .filter(l -> l.contains("WRONG_KEY") || l.contains("pre-shared key may be incorrect") || l.contains("password is")).toList();
        assertEquals(List.of(), falseAlarms, "loss reported as a wrong passphrase by the station");
        assertEquals(List.of(), p.apEvents.stream().filter(l -> l.startsWith("AP-STA-POSSIBLE-PSK-MISMATCH")).toList(),
                "loss reported as a wrong passphrase by the AP");
    }

    @Test
    void wpa2HandshakesAndGroupRekeysCompleteAt30PercentRawLoss() throws Exception {
        try (SimPair p = new SimPair().startAp(SimPair.apConfig(Wpa3SimTest.PASS, wpa4j.driver.types.HiddenSsid.NO_SSID_HIDING, 150))
                .startStation(SimPair.network(Wpa3SimTest.PASS, false))) {
            connectRepeatedly(p);
            // each connection above ends as soon as it completes, so a rekey rarely finds the station for long (on a
            // loaded machine none did, CI 2026-12-06); connected now, the 150 ms rekeys must complete under the same loss
            SimPair.await(() -> p.apEvents.stream().anyMatch(l -> l.startsWith("WPA-GROUP-KEY-COMPLETED")),
                    () -> "a group rekey completed under loss; the AP's last events: " + p.apEvents.subList(Math.max(0, p.apEvents.size() - 20), p.apEvents.size()));
        }
    }

    @Test
    void saeWithPmfCompletesAt30PercentRawLoss() throws Exception {
        try (SimPair p = new SimPair().startAp(Wpa3SimTest.ap(Set.of(Akm.SAE), Mfp.REQUIRED, 0))
                .startStation(Wpa3SimTest.sta(Set.of(KeyMgmt.SAE), Wpa3SimTest.PASS, 2, 0))) {
            connectRepeatedly(p);
        }
    }

    private static String stuck(List<Supplicant> stations, List<EventLoop> loops, List<List<String>> events) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < stations.size(); i++) {
            Supplicant s = stations.get(i);
            SupplicantState st = loops.get(i).query(s::state);
            if (st != SupplicantState.COMPLETED) {
                List<String> e = events.get(i);
                sb.append("\n").append(i).append(' ').append(st).append(' ').append(e.subList(Math.max(0, e.size() - 12), e.size()));
            }
        }
        return sb.toString();
    }

    /** An AP with 50 stations joining at once over 10% raw loss authorizes every one of them, and suspects no passphrase. */
    @Test
    void anApAuthorizesFiftyStationsAt10PercentRawLoss() throws Exception {
        List<EventLoop> loops = new ArrayList<>();
        List<Supplicant> stations = new ArrayList<>();
        List<List<String>> events = new ArrayList<>();
        try (SimPair p = new SimPair().startAp(SimPair.apConfig(Wpa3SimTest.PASS, wpa4j.driver.types.HiddenSsid.NO_SSID_HIDING, 0))) {
            p.medium.setDefaultRawLoss(10);
            for (int i = 0; i < 50; i++) {
                String ifname = "sim" + (10 + i);
                Radio radio = p.medium.addRadio(ifname, MacAddress.parse(String.format("02:00:00:01:%02x:00", i)));
                EventLoop loop = new EventLoop("sta-" + i);
                loops.add(loop);
                List<String> own = new java.util.concurrent.CopyOnWriteArrayList<>();
                events.add(own);
                Supplicant sta = new Supplicant(loop, ifname, List.of(SimPair.network(Wpa3SimTest.PASS, false)), SimPair.FAST_STA,
                        SupplicantListener.of((a, b) -> { }, l -> {
                            own.add(l);
                            p.staEvents.add(l);
                        }));
                stations.add(sta);
                var driver = new SimDriver(p.medium, radio).open(ifname, e -> loop.execute(() -> sta.onEvent(e)));
                loop.execute(() -> sta.attach(driver));
            }
            SimPair.await(() -> p.apEvents.stream().filter(l -> l.startsWith("AP-STA-CONNECTED")).distinct().count() == 50,
                    () -> "50 stations authorized: " + p.apEvents.stream().filter(l -> l.startsWith("AP-STA-CONNECTED")).distinct().count()
                            + "; the others: " + stuck(stations, loops, events) + "; AP: " + p.apEvents.subList(Math.max(0, p.apEvents.size() - 30), p.apEvents.size()));
            assertEquals(List.of(), p.apEvents.stream().filter(l -> l.startsWith("AP-STA-POSSIBLE-PSK-MISMATCH")).toList());
            assertEquals(List.of(), p.staEvents.stream().filter(l -> l.contains("WRONG_KEY") || l.contains("may be incorrect")).toList());
        } finally {
            loops.forEach(EventLoop::close);
        }
    }
}
