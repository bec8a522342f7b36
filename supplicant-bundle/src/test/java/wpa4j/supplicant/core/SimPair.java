package wpa4j.supplicant.core;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import wpa4j.common.crypto.Psk;
import wpa4j.runtime.eloop.EventLoop;
import wpa4j.driver.DriverInterface;
import wpa4j.driver.types.HiddenSsid;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.Ssid;
import wpa4j.hostapd.core.ApConfig;
import wpa4j.hostapd.core.ApTiming;
import wpa4j.hostapd.core.Hostapd;
import wpa4j.sim.SimDriver;
import wpa4j.sim.medium.Medium;
import wpa4j.sim.medium.Radio;
import wpa4j.sim.medium.SimTiming;
import wpa4j.supplicant.SupplicantState;

/**
 * An AP core and a station core on two radios of one sim medium, each core on its own event loop, wired
 * as the OSGi components wire them but in plain Java. Times are shortened; waits poll with a hang guard.
 */
final class SimPair implements AutoCloseable {
    static final Ssid SSID = Ssid.ofUtf8("wpa4j-test");
    static final SimTiming FAST_MEDIUM = new SimTiming(10, 50, 3, 400, 30_000);
    static final SupplicantTiming FAST_STA = new SupplicantTiming(200, 20, 20, 3000, 2000);
    static final ApTiming FAST_AP = new ApTiming(50, 100, 4);

    final Medium medium = new Medium(42, FAST_MEDIUM);
    final Radio apRadio;
    final Radio staRadio;
    final EventLoop apLoop = new EventLoop("ap-loop");
    final EventLoop staLoop = new EventLoop("sta-loop");
    final List<String> apEvents = new CopyOnWriteArrayList<>();
    final List<String> staEvents = new CopyOnWriteArrayList<>();
    final List<SupplicantState> staStates = new CopyOnWriteArrayList<>();
    Hostapd ap;
    Supplicant sta;
    DriverInterface apIf;
    DriverInterface staIf;

    SimPair() throws Exception {
        apRadio = medium.addRadio("sim0", MacAddress.parse("02:00:00:00:00:00"));
        staRadio = medium.addRadio("sim1", MacAddress.parse("02:00:00:00:01:00"));
    }

    static ApConfig apConfig(String passphrase, HiddenSsid hidden, long rekeyMs) {
        return new ApConfig(SSID, 1, passphrase == null ? null : Psk.fromPassphrase(passphrase.getBytes(StandardCharsets.UTF_8), SSID), hidden,
                100, 2, 2007, rekeyMs, 0);
    }

    static NetworkConfig network(String passphrase, boolean scanSsid) {
        return new NetworkConfig(0, SSID, passphrase == null ? null : Psk.fromPassphrase(passphrase.getBytes(StandardCharsets.UTF_8), SSID),
                scanSsid, 0, List.of(2412));
    }

    SimPair startAp(ApConfig config) throws Exception {
        ap = new Hostapd(apLoop, "sim0", config, FAST_AP, apEvents::add);
        apIf = new SimDriver(medium, apRadio).open("sim0", e -> apLoop.execute(() -> ap.onEvent(e)));
        apLoop.call(() -> {
            ap.attach(apIf);
            return null;
        });
        return this;
    }

    SimPair startStation(NetworkConfig network) throws Exception {
        return startStation(network, d -> d);
    }

    /** As {@link #startStation(NetworkConfig)}, the station's sim driver seen through {@code wrap} (other capabilities, recorded ops). */
    SimPair startStation(NetworkConfig network, java.util.function.UnaryOperator<DriverInterface> wrap) throws Exception {
        sta = new Supplicant(staLoop, "sim1", List.of(network), FAST_STA, SupplicantListener.of((from, to) -> staStates.add(to), staEvents::add));
        staIf = wrap.apply(new SimDriver(medium, staRadio).open("sim1", e -> staLoop.execute(() -> sta.onEvent(e))));
        staLoop.call(() -> {
            sta.attach(staIf);
            return null;
        });
        return this;
    }

    SupplicantState staState() throws Exception {
        return staLoop.call(sta::state);
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        await(condition, () -> what);
    }

    /** As {@link #await(BooleanSupplier, String)}, the description made when the wait fails (so it shows the events then). */
    static void await(BooleanSupplier condition, java.util.function.Supplier<String> what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting for " + what.get());
            }
            Thread.sleep(10);
        }
    }

    void awaitState(SupplicantState s) throws InterruptedException {
        await(() -> {
            try {
                return staState() == s;
            } catch (Exception e) {
                return false;
            }
        }, "station " + s + " (states so far: " + staStates + ", events: " + staEvents + ", AP events: " + apEvents + ")");
    }

    @Override
    public void close() {
        staLoop.close();
        apLoop.close();
        medium.close();
    }
}
