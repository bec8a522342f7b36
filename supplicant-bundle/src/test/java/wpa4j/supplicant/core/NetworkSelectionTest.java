package wpa4j.supplicant.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.lang.reflect.Proxy;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import wpa4j.common.crypto.Psk;
import wpa4j.runtime.eloop.EventLoop;
import wpa4j.driver.Capabilities;
import wpa4j.driver.DriverInterface;
import wpa4j.driver.types.HiddenSsid;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.Ssid;
import wpa4j.hostapd.core.ApConfig;
import wpa4j.hostapd.core.Hostapd;
import wpa4j.sim.SimDriver;
import wpa4j.sim.medium.Medium;
import wpa4j.sim.medium.Radio;
import wpa4j.supplicant.SupplicantState;

/** Several networks on one station against several APs: priority groups, failover when an AP goes, network-not-found. */
class NetworkSelectionTest {
    private static final String PASS = "three networks passphrase";

    /** Three APs (net-a on sim2, net-b on sim3, net-c on sim4) and one station (sim1) that knows all three. */
    private static final class Air implements AutoCloseable {
        final Medium medium = new Medium(7, SimPair.FAST_MEDIUM);
        final List<EventLoop> loops = new ArrayList<>();
        final List<Hostapd> aps = new ArrayList<>();
        final List<String> staEvents = new CopyOnWriteArrayList<>();
        final EventLoop staLoop = new EventLoop("sta");
        Supplicant sta;

        Air startAp(int n, String ssid) throws Exception {
            Radio r = medium.addRadio("sim" + n, MacAddress.parse("02:00:00:00:0" + n + ":00"));
            EventLoop loop = new EventLoop("ap" + n);
            loops.add(loop);
            Ssid s = Ssid.ofUtf8(ssid);
            Hostapd ap = new Hostapd(loop, "sim" + n, new ApConfig(s, 1, Psk.fromPassphrase(PASS.getBytes(StandardCharsets.UTF_8), s),
                    HiddenSsid.NO_SSID_HIDING, 100, 2, 2007, 0, 0), SimPair.FAST_AP, l -> { });
            var d = new SimDriver(medium, r).open("sim" + n, e -> loop.execute(() -> ap.onEvent(e)));
            loop.call(() -> {
                ap.attach(d);
                return null;
            });
            aps.add(ap);
            return this;
        }

        void stopAp(int index) throws Exception {
            loops.get(index).call(() -> {
                aps.get(index).stop();
                return null;
            });
        }

        Air startStation(List<NetworkConfig> networks) throws Exception {
            Radio r = medium.addRadio("sim1", MacAddress.parse("02:00:00:00:01:00"));
            sta = new Supplicant(staLoop, "sim1", networks, SimPair.FAST_STA, SupplicantListener.of((a, b) -> staEvents.add("State: " + b), staEvents::add));
            var d = new SimDriver(medium, r).open("sim1", e -> staLoop.execute(() -> sta.onEvent(e)));
            staLoop.call(() -> {
                sta.attach(d);
                return null;
            });
            return this;
        }

        Optional<Integer> connectedId() throws Exception {
            return staLoop.call(() -> sta.state() == SupplicantState.COMPLETED ? sta.currentNetworkId() : Optional.<Integer>empty());
        }

        void awaitConnected(int id) throws Exception {
            SimPair.await(() -> {
                try {
                    return connectedId().equals(Optional.of(id));
                } catch (Exception e) {
                    return false;
                }
            }, () -> "connected to network " + id + ": " + staEvents);
        }

        @Override
        public void close() {
            staLoop.close();
            loops.forEach(EventLoop::close);
            medium.close();
        }
    }

    private static NetworkConfig net(int id, String ssid, int priority) {
        Ssid s = Ssid.ofUtf8(ssid);
        return new NetworkConfig(id, s, Psk.fromPassphrase(PASS.getBytes(StandardCharsets.UTF_8), s), false, priority, List.of(2412),
                Optional.empty(), "net" + id);
    }

    @Test
    void highestPriorityFirstThenTheNextWhenItGoesThenNetworkNotFound() throws Exception {
        try (Air air = new Air().startAp(2, "net-a").startAp(3, "net-b").startAp(4, "net-c")) {
            // every AP in the station's table first (a scan can miss an AP that just started), then its networks:
            // the lowest-priority one is listed first, as order in the file must not matter, priority must
            air.startStation(List.of());
            SimPair.await(() -> {
                try {
                    return air.staLoop.call(() -> {
                        air.sta.scan();
                        return air.sta.bssEntries().size();
                    }) == 3;
                } catch (Exception e) {
                    return false;
                }
            }, () -> "three APs seen: " + air.staEvents);
            air.staLoop.call(() -> {
                air.sta.setNetworks(List.of(net(2, "net-c", 1), net(1, "net-b", 2), net(0, "net-a", 3)));
                return null;
            });
            air.awaitConnected(0);
            assertTrue(air.staEvents.contains("CTRL-EVENT-CONNECTED - Connection to 02:00:00:00:02:00 completed [id=0 id_str=net0]"), air.staEvents.toString());

            air.stopAp(0);
            air.awaitConnected(1);
            air.stopAp(1);
            air.awaitConnected(2);
            air.stopAp(2);
            SimPair.await(() -> air.staEvents.contains("CTRL-EVENT-NETWORK-NOT-FOUND"), () -> "network not found: " + air.staEvents);
            // the gone APs were tried a bounded number of times, not forever
            long attempts = air.staEvents.stream().filter(l -> l.startsWith("SME: Trying to authenticate")).count();
            Thread.sleep(2000);
            long later = air.staEvents.stream().filter(l -> l.startsWith("SME: Trying to authenticate")).count();
            assertEquals(attempts, later, "no more attempts once the BSSs expired: " + air.staEvents);
        }
    }

    @Test
    void networksCanBeReplacedWhileConnectedAndTheLinkMovesOnlyWhenItsNetworkChanges() throws Exception {
        try (Air air = new Air().startAp(2, "net-a").startAp(3, "net-b")) {
            air.startStation(List.of(net(0, "net-a", 1)));
            air.awaitConnected(0);
            // adding a lower-priority network, or changing the priority of the current one, keeps the link
            air.staLoop.call(() -> {
                air.sta.setNetworks(List.of(net(0, "net-a", 5), net(1, "net-b", 0)));
                return null;
            });
            assertEquals(Optional.of(0), air.connectedId());
            // removing the current network ends its link and joins the one left
            air.staLoop.call(() -> {
                air.sta.setNetworks(List.of(net(1, "net-b", 0)));
                return null;
            });
            air.awaitConnected(1);
            assertTrue(air.staEvents.stream().anyMatch(l -> l.startsWith("CTRL-EVENT-DISCONNECTED bssid=02:00:00:00:02:00 reason=3 locally_generated=1")),
                    air.staEvents.toString());
            // SELECT_NETWORK of a network moves the link to it
            air.staLoop.call(() -> {
                air.sta.setNetworks(List.of(net(0, "net-a", 0), net(1, "net-b", 0)));
                air.sta.selectNetwork(0);
                return null;
            });
            air.awaitConnected(0);
        }
    }

    @Test
    void aScanWhileConnectedMovesTheLinkToANetworkOfHigherPriorityOnly() throws Exception {
        try (Air air = new Air().startAp(3, "net-b")) {
            // only the lower-priority network is there at first (as when the first scan missed the other AP)
            air.startStation(List.of(net(0, "net-a", 2), net(1, "net-b", 1)));
            air.awaitConnected(1);
            air.startAp(2, "net-a");
            SimPair.await(() -> {
                try {
                    // wpa_cli scan, as an operator would; repeated, since a scan can miss an AP that just started
                    return air.staLoop.call(() -> {
                        if (air.sta.state() == SupplicantState.COMPLETED && air.sta.currentNetworkId().equals(Optional.of(1))) {
                            air.sta.scan();
                        }
                        return air.sta.state() == SupplicantState.COMPLETED && air.sta.currentNetworkId().equals(Optional.of(0));
                    });
                } catch (Exception e) {
                    return false;
                }
            }, () -> "moved to net-a: " + air.staEvents);
            assertTrue(air.staEvents.contains("CTRL-EVENT-DISCONNECTED bssid=02:00:00:00:03:00 reason=3 locally_generated=1"), air.staEvents.toString());
            // a scan now finds nothing better: the link stays
            long connects = air.staEvents.stream().filter(l -> l.startsWith("CTRL-EVENT-CONNECTED")).count();
            long scans = air.staEvents.stream().filter("CTRL-EVENT-SCAN-RESULTS"::equals).count();
            air.staLoop.call(() -> {
                air.sta.scan();
                return null;
            });
            SimPair.await(() -> air.staEvents.stream().filter("CTRL-EVENT-SCAN-RESULTS"::equals).count() > scans, () -> "scanned: " + air.staEvents);
            Thread.sleep(500);
            assertEquals(Optional.of(0), air.connectedId());
            assertEquals(connects, air.staEvents.stream().filter(l -> l.startsWith("CTRL-EVENT-CONNECTED")).count(), air.staEvents.toString());
        }
    }

    @Test
    void aPskNetworkOnADriverWithoutWpa2PskIsReportedOnceAndNotTried() throws Exception {
        try (Air air = new Air().startAp(2, "net-a")) {
            Radio r = air.medium.addRadio("sim1", MacAddress.parse("02:00:00:00:01:00"));
            air.sta = new Supplicant(air.staLoop, "sim1", List.of(net(0, "net-a", 1)), SimPair.FAST_STA, SupplicantListener.of((a, b) -> { }, air.staEvents::add));
            DriverInterface real = new SimDriver(air.medium, r).open("sim1", e -> air.staLoop.execute(() -> air.sta.onEvent(e)));
            Capabilities c = real.getCapa();
            Capabilities openOnly = new Capabilities(Set.of(), c.enc(), c.auth(), c.flags(), c.maxScanSsids(), c.maxSchedScanSsids(), c.schedScanSupported(), c.maxMatchSets(),
                    c.maxRemainOnChan(), c.maxStations(), c.probeRespOffloads(), c.supportedOps());
            // the sim driver as a driver that cannot do WPA2-PSK: only its capabilities differ
            DriverInterface limited = (DriverInterface) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DriverInterface.class},
                    (proxy, m, args) -> m.getName().equals("getCapa") ? openOnly : invoke(m, real, args));
            air.staLoop.call(() -> {
                air.sta.attach(limited);
                return null;
            });
            SimPair.await(() -> air.staEvents.contains("CTRL-EVENT-NETWORK-NOT-FOUND"), () -> "not found: " + air.staEvents);
            assertEquals(1, air.staEvents.stream().filter(l -> l.equals("network 0 not usable: WPA2-PSK is not supported by driver sim")).count(),
                    air.staEvents.toString());
            assertTrue(air.staEvents.stream().noneMatch(l -> l.startsWith("SME: Trying")), air.staEvents.toString());
        }
    }

    private static Object invoke(java.lang.reflect.Method m, Object target, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Test
    void disconnectIsReportedAndNeitherScanNorAnotherNetworkUndoesIt() throws Exception {
        try (Air air = new Air().startAp(2, "net-a").startAp(3, "net-b")) {
            air.startStation(List.of(net(0, "net-a", 1)));
            air.awaitConnected(0);
            // enabling another network while connected keeps the link (as wpa_supplicant's ENABLE_NETWORK)
            air.staLoop.call(() -> {
                air.sta.setNetworks(List.of(net(0, "net-a", 1), net(1, "net-b", 9)));
                return null;
            });
            assertEquals(Optional.of(0), air.connectedId());
            air.staLoop.call(() -> {
                air.sta.disconnect();
                return null;
            });
            SimPair.await(() -> air.staEvents.contains("CTRL-EVENT-DISCONNECTED bssid=02:00:00:00:02:00 reason=3 locally_generated=1"),
                    () -> "DISCONNECT reported: " + air.staEvents);
            int results = (int) air.staEvents.stream().filter(l -> l.equals("CTRL-EVENT-SCAN-RESULTS")).count();
            air.staLoop.call(() -> {
                air.sta.scan();
                return null;
            });
            SimPair.await(() -> air.staEvents.stream().filter(l -> l.equals("CTRL-EVENT-SCAN-RESULTS")).count() > results, () -> "scan: " + air.staEvents);
            Thread.sleep(500);
            assertEquals(SupplicantState.DISCONNECTED, air.staLoop.call(air.sta::state), "a SCAN after DISCONNECT joins nothing: " + air.staEvents);
            air.staLoop.call(() -> {
                air.sta.reconnect();
                return null;
            });
            air.awaitConnected(1);
        }
    }
}
