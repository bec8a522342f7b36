package wpa4j.ktest;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import wpa4j.common.crypto.Psk;
import wpa4j.runtime.eloop.EventLoop;
import wpa4j.driver.DriverInterface;
import wpa4j.driver.WifiDriver;
import wpa4j.driver.event.DriverEvent;
import wpa4j.driver.types.Ssid;
import wpa4j.supplicant.SupplicantState;
import wpa4j.supplicant.core.NetworkConfig;
import wpa4j.supplicant.core.Supplicant;
import wpa4j.supplicant.core.SupplicantListener;
import wpa4j.supplicant.core.SupplicantTiming;

/** One wpa4j station core on its event loop over a real backend's driver, with what it reported. */
final class KernelStation implements AutoCloseable {
    final EventLoop loop = new EventLoop("kt-sta");
    final List<String> events = new CopyOnWriteArrayList<>();
    final List<SupplicantState> states = new CopyOnWriteArrayList<>();
    /** Every event the driver reported, as the core got it. */
    final List<DriverEvent> driverEvents = new CopyOnWriteArrayList<>();
    final Supplicant core;
    final DriverInterface driver;

    KernelStation(WifiDriver over, String ifname, String ssidText, String passphrase, int freq) throws Exception {
        this(over, ifname, new NetworkConfig(0, Ssid.ofUtf8(ssidText), Psk.fromPassphrase(passphrase.getBytes(StandardCharsets.UTF_8),
                Ssid.ofUtf8(ssidText)), false, 0, List.of(freq)));
    }

    KernelStation(WifiDriver over, String ifname, NetworkConfig net) throws Exception {
        core = new Supplicant(loop, ifname, List.of(net), new SupplicantTiming(2000, 100, 1000, 30_000, 30_000),
                SupplicantListener.of((from, to) -> states.add(to), events::add));
        driver = over.open(ifname, e -> {
            driverEvents.add(e);
            loop.execute(() -> core.onEvent(e));
        });
        loop.execute(() -> core.attach(driver));
    }

    /** What the station did, for a failure message: its events, the driver's, and where its event loop thread is. */
    String describe() {
        StringBuilder sb = new StringBuilder("events: " + events + "\ndriver events: " + driverEvents + "\nstatus: "
                + loop.query(() -> core.statusText(true)).replace('\n', ' '));
        try {
            sb.append("\nkernel: ").append(KernelSupport.sh("ip -br link show; iw dev; dmesg | tail -15"));
        } catch (Exception | AssertionError e) {
            sb.append("\nkernel: ").append(e);
        }
        Thread.getAllStackTraces().forEach((t, stack) -> {
            if (t.getName().startsWith("kt-sta")) {
                sb.append("\nthread ").append(t.getName()).append(" ").append(t.getState());
                for (StackTraceElement e : stack) {
                    sb.append("\n  at ").append(e);
                }
            }
        });
        return sb.toString();
    }

    String status() {
        return loop.query(() -> core.statusText(false));
    }

    SupplicantState state() {
        return loop.query(core::state);
    }

    long count(String prefix) {
        return events.stream().filter(l -> l.startsWith(prefix)).count();
    }

    @Override
    public void close() throws Exception {
        loop.call(() -> {
            core.disconnect();
            return null;
        });
        Thread.sleep(300);
        driver.close();
        loop.close();
    }
}
