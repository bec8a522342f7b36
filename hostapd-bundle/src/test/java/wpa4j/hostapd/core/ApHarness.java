package wpa4j.hostapd.core;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import wpa4j.runtime.eloop.EventLoop;
import wpa4j.driver.Capabilities;
import wpa4j.driver.event.DriverEvent;

/** An AP core on its own event loop over a {@link FakeApDriver}: every call into the core runs on the loop, as in the component. */
public final class ApHarness implements AutoCloseable {
    public static final ApTiming FAST = new ApTiming(2000, 2000, 4);

    public final EventLoop loop = new EventLoop("ap-test");
    public final FakeApDriver driver = new FakeApDriver();
    public final List<String> events = new CopyOnWriteArrayList<>();
    public final Hostapd ap;

    public ApHarness(ApConfig config) throws Exception {
        this(config, Capabilities.none());
    }

    /** The core attached to a fake driver that reports {@code capa} (e.g. with {@code BEACON_PROTECTION}). */
    public ApHarness(ApConfig config, Capabilities capa) throws Exception {
        this(config, capa, FAST);
    }

    /** As above, with the EAPOL retransmission timing {@code timing}. */
    public ApHarness(ApConfig config, Capabilities capa, ApTiming timing) throws Exception {
        this(config, capa, timing, AdmissionLimits.DEFAULT);
    }

    /** As above, with the limits on strangers {@code limits}. */
    public ApHarness(ApConfig config, Capabilities capa, ApTiming timing, AdmissionLimits limits) throws Exception {
        driver.capa = capa;
        ap = new Hostapd(loop, "fake0", config, timing, limits, events::add);
        run(() -> ap.attach(driver));
    }

    public void run(Runnable r) throws Exception {
        loop.call(() -> {
            r.run();
            return null;
        });
    }

    public <T> T get(Supplier<T> s) throws Exception {
        return loop.call(s::get);
    }

    public void inject(DriverEvent e) throws Exception {
        run(() -> ap.onEvent(e));
    }

    public static void await(BooleanSupplier condition, Supplier<String> what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting for " + what.get());
            }
            Thread.sleep(5);
        }
    }

    @Override
    public void close() {
        loop.close();
    }
}
