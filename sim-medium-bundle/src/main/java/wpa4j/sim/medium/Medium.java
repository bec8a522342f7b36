package wpa4j.sim.medium;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import wpa4j.common.frame.FrameControl;
import wpa4j.common.frame.MgmtSubtype;
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
    /** Who gets a frame, found without walking every radio: the addressee by its MAC, a group frame by channel. */
    private final Map<MacAddress, Radio> byMac = new HashMap<>();
    private final Map<Integer, Set<Radio>> byFreq = new HashMap<>();
    /** Radios with a BSS: the only ones a Probe Request concerns (a station drops it unread). */
    private final Set<Radio> aps = new LinkedHashSet<>();
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
    private volatile boolean closed;

    public Medium(long seed, SimTiming timing) {
        this.random = new Random(seed);
        this.timing = timing;
    }

    public Medium() {
        this(System.nanoTime(), SimTiming.DEFAULT);
    }

    /** Runs {@code op} on the air loop and returns its result; exceptions of {@code op} propagate. */
    public <T> T call(Callable<T> op) throws Exception {
        // the air's tasks never block: an idle air runs a driver op on the caller's thread
        return air.callInline(op);
    }

    EventLoop air() {
        return air;
    }

    /** Whether {@link #close} was called: an op queued then would be dropped unseen, so it is refused instead. */
    boolean closed() {
        return closed;
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
            if (byMac.containsKey(mac)) {
                throw new IllegalArgumentException("mac: " + mac + " already used");
            }
            Radio radio = new Radio(this, ifname, mac);
            radios.put(ifname, radio);
            byMac.put(mac, radio);
            listen(radio, radio.freq, true);
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
                byMac.remove(radio.mac());
                byFreq.values().forEach(set -> set.remove(radio));
                aps.remove(radio);
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

    /** Whether {@code radio} listens on {@code mhz} (its channel, or one it scans): the index group frames go by. */
    void listen(Radio radio, int mhz, boolean on) {
        if (on) {
            byFreq.computeIfAbsent(mhz, f -> new LinkedHashSet<>()).add(radio);
        } else {
            Set<Radio> set = byFreq.get(mhz);
            if (set != null) {
                set.remove(radio);
            }
        }
    }

    /** Whether {@code radio} runs a BSS (Probe Requests go to those only). */
    void bss(Radio radio, boolean on) {
        if (on) {
            aps.add(radio);
        } else {
            aps.remove(radio);
        }
    }

    /**
     * Transmits {@code frame} from {@code from} on {@code freq}: delivered after each link's latency, unless lost,
     * to its addressee (a unicast frame; every other radio would drop it unread) or to the radios on that channel
     * (a group-addressed frame; a Probe Request to those with a BSS only: a station drops it unread). One task per frame and latency, not per receiver. A unicast frame
     * counts as acknowledged when its addressee got one of up to 1 + {@link #UNICAST_RETRIES} attempts; {@code onAck}
     * gets that (on the air loop, after delivery).
     */
    void transmit(Radio from, byte[] frame, int freq, MacAddress addr1, java.util.function.BooleanSupplier cancelled,
            Consumer<Boolean> onAck) {
        boolean unicast = !addr1.isMulticast();
        boolean acked = false;
        int maxDelay = 0;
        Map<Integer, List<Reception>> byLatency = null;
        for (Radio to : receivers(from, frame, freq, addr1, unicast)) {
            LinkParams p = link(from.mac(), to.mac());
            int attempts = unicast ? 1 + UNICAST_RETRIES : 1;
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
            acked |= unicast;
            maxDelay = Math.max(maxDelay, p.latencyMs());
            if (byLatency == null) {
                byLatency = new HashMap<>(2);
            }
            byLatency.computeIfAbsent(p.latencyMs(), l -> new ArrayList<>()).add(new Reception(to, p.rssi()));
        }
        if (byLatency != null) {
            byLatency.forEach((latency, receptions) -> {
                Runnable deliver = () -> {
                    if (cancelled.getAsBoolean()) {
                        return;
                    }
                    for (Reception r : receptions) {
                        if (r.radio().hears(freq)) {
                            r.radio().receive(frame, freq, r.rssi());
                        }
                    }
                };
                if (latency == 0) {
                    air.execute(deliver);
                } else {
                    air.schedule(latency, deliver);
                }
            });
        }
        if (onAck != null) {
            boolean ack = unicast && acked;
            air.schedule(maxDelay, () -> onAck.accept(ack));
        }
    }

    private record Reception(Radio radio, int rssi) { }

    private List<Radio> receivers(Radio from, byte[] frame, int freq, MacAddress addr1, boolean unicast) {
        if (unicast) {
            Radio to = byMac.get(addr1);
            return to == null || to == from || !to.hears(freq) ? List.of() : List.of(to);
        }
        FrameControl fc = FrameControl.peek(frame);
        boolean probe = fc.type() == FrameControl.TYPE_MANAGEMENT && fc.subtype() == MgmtSubtype.PROBE_REQ.value();
        Set<Radio> on = probe ? aps : byFreq.get(freq);
        if (on == null) {
            return List.of();
        }
        List<Radio> list = new ArrayList<>(on.size());
        for (Radio to : on) {
            if (to != from && to.hears(freq)) {
                list.add(to);
            }
        }
        return list;
    }

    @Override
    public void close() {
        closed = true;
        try {
            call(() -> {
                radios.values().forEach(Radio::shutdown);
                radios.clear();
                byMac.clear();
                byFreq.clear();
                aps.clear();
                return null;
            });
        } catch (Exception e) {
            // closing anyway
        }
        air.close();
    }
}
