package wpa4j.sim.medium;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import wpa4j.runtime.eloop.EventLoop;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.Validate;

/**
 * The air: radios and what travels between them. Every radio operation and every delivery runs on one
 * thread, the air loop, so radio state needs no locks (as the kernel serializes a wiphy); callers use
 * {@link #call}.
 */
public final class Medium implements AutoCloseable {
    /** Transmission attempts after the first for a unicast frame that was not acknowledged. */
    public static final int UNICAST_RETRIES = 7;

    private final EventLoop air = new EventLoop("sim-air");
    private final Map<String, Radio> radios = new LinkedHashMap<>();
    private final Map<Long, LinkParams> links = new java.util.HashMap<>();
    private final List<Consumer<Radio>> radioAdded = new CopyOnWriteArrayList<>();
    private final List<Consumer<Radio>> radioRemoved = new CopyOnWriteArrayList<>();
    private final Random random;
    private final SimTiming timing;
    private LinkParams defaultLink = LinkParams.DEFAULT;
    /** Raw loss per direction (from, to), in percent: frames the receiver never gets, whatever the retries. */
    private final Map<Long, Integer> rawLoss = new java.util.HashMap<>();
    private int defaultRawLoss;
    private final long startNanos = System.nanoTime();

    public Medium(long seed, SimTiming timing) {
        this.random = new Random(seed);
        this.timing = timing;
    }

    public Medium() {
        this(System.nanoTime(), SimTiming.DEFAULT);
    }

    /** Runs {@code op} on the air loop and returns its result; exceptions of {@code op} propagate. */
    public <T> T call(Callable<T> op) throws Exception {
        return air.call(op);
    }

    EventLoop air() {
        return air;
    }

    SimTiming timing() {
        return timing;
    }

    Random random() {
        return random;
    }

    /** Microseconds since the medium started: the TSF of every radio. */
    long tsf() {
        return (System.nanoTime() - startNanos) / 1000;
    }

    /** Adds a radio (a new wiphy with one interface). */
    public Radio addRadio(String ifname, MacAddress mac) throws Exception {
        Validate.ifname("ifname", ifname);
        Radio r = call(() -> {
            if (radios.containsKey(ifname)) {
                throw new IllegalArgumentException("ifname: radio " + ifname + " exists");
            }
            if (radios.values().stream().anyMatch(x -> x.mac().equals(mac))) {
                throw new IllegalArgumentException("mac: " + mac + " already used");
            }
            Radio radio = new Radio(this, ifname, mac);
            radios.put(ifname, radio);
            return radio;
        });
        radioAdded.forEach(l -> l.accept(r));
        return r;
    }

    public void removeRadio(String ifname) throws Exception {
        Radio r = call(() -> {
            Radio radio = radios.remove(ifname);
            if (radio != null) {
                radio.shutdown();
            }
            return radio;
        });
        if (r != null) {
            radioRemoved.forEach(l -> l.accept(r));
        }
    }

    public Radio radio(String ifname) throws Exception {
        return call(() -> radios.get(ifname));
    }

    public List<Radio> radios() throws Exception {
        return call(() -> new ArrayList<>(radios.values()));
    }

    /** Listeners for radios that come and go (as interfaces appear in the kernel). */
    public void onRadioAdded(Consumer<Radio> l) {
        radioAdded.add(l);
    }

    public void onRadioRemoved(Consumer<Radio> l) {
        radioRemoved.add(l);
    }

    public void removeListeners(Consumer<Radio> added, Consumer<Radio> removed) {
        radioAdded.remove(added);
        radioRemoved.remove(removed);
    }

    /** Sets the link from {@code a} to {@code b} and back. */
    public void setLink(MacAddress a, MacAddress b, LinkParams p) throws Exception {
        call(() -> {
            links.put(key(a, b), p);
            links.put(key(b, a), p);
            return null;
        });
    }

    /** Sets the parameters of every link that has none of its own. */
    public void setDefaultLink(LinkParams p) throws Exception {
        call(() -> defaultLink = Validate.nonNull("link", p));
    }

    /**
     * Raw loss from {@code from} to {@code to} (one direction): {@code percent} of the frames are lost before any
     * retry could help (the receiver never gets them, the sender gets no acknowledgement), as a deep fade or
     * interference burst would do; drawn from the medium's seeded generator. On top of the link's per-attempt loss.
     */
    public void setRawLoss(MacAddress from, MacAddress to, int percent) throws Exception {
        Validate.range("percent", percent, 0, 100);
        call(() -> rawLoss.put(key(from, to), percent));
    }

    /** Raw loss on every direction that has none of its own. */
    public void setDefaultRawLoss(int percent) throws Exception {
        Validate.range("percent", percent, 0, 100);
        call(() -> defaultRawLoss = percent);
    }

    LinkParams link(MacAddress from, MacAddress to) {
        return links.getOrDefault(key(from, to), defaultLink);
    }

    private static long key(MacAddress a, MacAddress b) {
        return a.value() * 31 + b.value() * 1_000_003L;
    }

    /**
     * Transmits {@code frame} from {@code from} on {@code freq}: delivered to every other radio listening on
     * that channel, after each link's latency, unless lost. A unicast frame counts as acknowledged when its
     * addressee got one of up to 1 + {@link #UNICAST_RETRIES} attempts; {@code onAck} gets that (on the air
     * loop, after delivery).
     */
    void transmit(Radio from, byte[] frame, int freq, MacAddress addr1, java.util.function.BooleanSupplier cancelled,
            Consumer<Boolean> onAck) {
        boolean unicast = !addr1.isMulticast();
        boolean acked = false;
        int maxDelay = 0;
        for (Radio to : radios.values()) {
            if (to == from || !to.hears(freq)) {
                continue;
            }
            LinkParams p = link(from.mac(), to.mac());
            boolean addressee = to.mac().equals(addr1);
            int attempts = unicast && addressee ? 1 + UNICAST_RETRIES : 1;
            boolean delivered = false;
            for (int i = 0; i < attempts && !delivered; i++) {
                delivered = random.nextInt(100) >= p.lossPercent();
            }
            int raw = rawLoss.getOrDefault(key(from.mac(), to.mac()), defaultRawLoss);
            if (delivered && raw > 0 && random.nextInt(100) < raw) {
                delivered = false;
            }
            if (!delivered) {
                continue;
            }
            acked |= addressee;
            maxDelay = Math.max(maxDelay, p.latencyMs());
            Runnable deliver = () -> {
                if (!cancelled.getAsBoolean() && to.hears(freq)) {
                    to.receive(frame, freq, p.rssi());
                }
            };
            if (p.latencyMs() == 0) {
                air.execute(deliver);
            } else {
                air.schedule(p.latencyMs(), deliver);
            }
        }
        if (onAck != null) {
            boolean ack = unicast && acked;
            air.schedule(maxDelay, () -> onAck.accept(ack));
        }
    }

    @Override
    public void close() {
        try {
            call(() -> {
                radios.values().forEach(Radio::shutdown);
                radios.clear();
                return null;
            });
        } catch (Exception e) {
            // closing anyway
        }
        air.close();
    }
}
