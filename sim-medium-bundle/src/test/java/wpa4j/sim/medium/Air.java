package wpa4j.sim.medium;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

import wpa4j.common.frame.MgmtFrame;
import wpa4j.common.frame.MgmtHeader;
import wpa4j.common.frame.MgmtSubtype;
import wpa4j.common.ie.IeList;
import wpa4j.common.ie.InformationElement;
import wpa4j.driver.event.DriverEvent;
import wpa4j.driver.types.ApParams;
import wpa4j.driver.types.AssociateParams;
import wpa4j.driver.types.AuthParams;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.KeyMgmt;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.Mfp;
import wpa4j.driver.types.Ssid;
import wpa4j.driver.types.StaAddParams;
import wpa4j.driver.types.StaFlag;

/**
 * Test support: a medium, radios with event recorders, waiting on conditions with a hang guard, raw frames on the
 * air, and {@link FakeHostapd}, hostapd's part of the user-space MLME answering on the air loop as hostapd would.
 */
final class Air implements AutoCloseable {
    static final MacAddress AP = MacAddress.parse("02:00:00:00:00:00");
    static final MacAddress STA = MacAddress.parse("02:00:00:00:01:00");
    static final MacAddress OTHER = MacAddress.parse("02:00:00:00:02:00");
    static final Ssid SSID = Ssid.ofUtf8("wpa4");
    static final int FREQ = 2412;
    /** An RSNE: CCMP/CCMP, PSK, no capabilities. */
    static final Bytes RSNE = Bytes.fromHex("30140100000fac040100000fac040100000fac020000");
    /** Hang guard of every wait: generous, the machine is shared; a passing test never waits for it. */
    private static final long GUARD_MS = 10_000;
    /** Short timers, but MLME answers come from the air loop itself, and no beacon loss unless a test asks for it. */
    static final SimTiming TIMING = new SimTiming(40, 200, 3, 600_000, 600_000);

    final Medium medium;

    Air(long seed, SimTiming timing) {
        medium = new Medium(seed, timing);
    }

    Air() {
        this(1, TIMING);
    }

    /** A radio with its events recorded. */
    Node node(String ifname, MacAddress mac) throws Exception {
        Radio r = medium.addRadio(ifname, mac);
        Events e = new Events();
        r.attach(e);
        return new Node(r, e);
    }

    /** A radio whose events go to a {@link FakeHostapd}. */
    FakeHostapd ap(String ifname, MacAddress mac) throws Exception {
        Radio r = medium.addRadio(ifname, mac);
        FakeHostapd h = new FakeHostapd(r);
        r.attach(h);
        return h;
    }

    record Node(Radio radio, Events events) {}

    /**
     * Runs tasks on the air loop until one finds the air quiet: the loop runs tasks in order, so each empty task
     * returns after everything queued before it (ops the radios only queue, deliveries without latency), but what
     * those tasks caused in turn (a queued send_mlme's delivery, its ACK, a handler's answer) may queue behind it.
     * Every task that queues more sends or receives a frame, so a round with no frame sent or received is the end.
     */
    void settle() throws Exception {
        long frames = medium.call(this::frames);
        for (int round = 0; round < 1000; round++) {
            long before = frames;
            frames = medium.call(this::frames);
            if (frames == before) {
                return;
            }
        }
        throw new AssertionError("the air did not settle in 1000 rounds");
    }

    /** Frames sent and received by all radios so far (on the air: one consistent sum). */
    private long frames() throws Exception {
        long n = 0;
        for (Radio r : medium.radios()) {
            RadioCounters c = r.counters();
            n += c.txFrames() + c.rxFrames() + c.queuedOpsFailed();
        }
        return n;
    }

    /** Puts a raw frame on the air from {@code from}, as its driver would; the future completes with the ACK outcome. */
    CompletableFuture<Boolean> transmit(Radio from, byte[] frame, int freq) throws Exception {
        CompletableFuture<Boolean> ack = new CompletableFuture<>();
        medium.call(() -> {
            from.transmit(frame.clone(), freq, MacAddress.of(frame, 4), ack::complete);
            return null;
        });
        return ack;
    }

    /** Hands a raw frame to {@code to} as if it came off the air on {@code to}'s channel. */
    void inject(Radio to, byte[] frame) throws Exception {
        medium.call(() -> {
            to.receive(frame.clone(), to.freq, -40);
            return null;
        });
    }

    /** Waits for the outcome of {@link #transmit}. */
    static boolean ack(CompletableFuture<Boolean> f) throws Exception {
        return f.get(GUARD_MS, TimeUnit.MILLISECONDS);
    }

    /** Waits until {@code condition} holds; fails after the hang guard. */
    static void await(BooleanSupplier condition, Supplier<String> what) throws InterruptedException {
        long deadline = System.nanoTime() + GUARD_MS * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for " + what.get());
            }
            Thread.sleep(2);
        }
    }

    static RadioCounters counters(Radio r) {
        try {
            return r.counters();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static MgmtSubtype subtype(Bytes frame) {
        return MgmtSubtype.of(frame.u8(0) >> 4);
    }

    /** The body of a management frame after its 24-octet header. */
    static Bytes body(Bytes frame) {
        return frame.slice(24, frame.length() - 24);
    }

    static Bytes beaconHead(MacAddress bssid, Ssid ssid) {
        MgmtHeader h = MgmtHeader.of(MgmtSubtype.BEACON, MacAddress.BROADCAST, bssid, bssid);
        return new MgmtFrame.Beacon(h, 0, 100, 0x0011, IeList.of(new InformationElement(0, ssid.octets()))).encode();
    }

    static ApParams apParams(MacAddress bssid, int beaconInt, Bytes tail) {
        return ApParams.builder().head(beaconHead(bssid, SSID)).tail(tail).ssid(SSID).beaconInt(beaconInt).dtimPeriod(2).build();
    }

    /** A Beacon as another BSS would send it, header and fixed fields as given. */
    static byte[] beacon(MacAddress bssid, long tsf, int beaconInt, IeList ies) {
        MgmtHeader h = MgmtHeader.of(MgmtSubtype.BEACON, MacAddress.BROADCAST, bssid, bssid);
        return new MgmtFrame.Beacon(h, tsf, beaconInt, 0x0011, ies).encode().toArray();
    }

    static byte[] probeRequest(MacAddress sa, MacAddress da) {
        return new MgmtFrame.ProbeRequest(MgmtHeader.of(MgmtSubtype.PROBE_REQ, da, sa, da), IeList.EMPTY).encode().toArray();
    }

    static AssociateParams assocParams(Bytes wpaIe, Mfp mfp) {
        return AssociateParams.builder().bssid(AP).ssid(SSID).freq(FREQ).wpaIe(wpaIe).keyMgmtSuite(wpaIe.isEmpty() ? KeyMgmt.NONE : KeyMgmt.PSK)
                .mgmtFrameProtection(mfp).build();
    }

    /** Open System authentication and association of {@code sta} with {@code ap} (answering as it is told). */
    static void connect(FakeHostapd ap, Node sta, Bytes wpaIe, Mfp mfp) throws Exception {
        int mark = sta.events().all.size();
        sta.radio().authenticate(AuthParams.open(FREQ, ap.radio.mac(), SSID));
        sta.events().awaitAfter(mark, DriverEvent.Auth.class, a -> a.statusCode() == 0);
        sta.radio().associate(assocParams(wpaIe, mfp));
        sta.events().awaitAfter(mark, DriverEvent.Assoc.class, a -> true);
    }

    @Override
    public void close() {
        medium.close();
    }

    /** The events of one radio, in order. */
    static class Events implements Consumer<DriverEvent> {
        final List<DriverEvent> all = new CopyOnWriteArrayList<>();

        @Override
        public void accept(DriverEvent e) {
            all.add(e);
        }

        <T extends DriverEvent> List<T> of(Class<T> type) {
            return all.stream().filter(type::isInstance).map(type::cast).toList();
        }

        <T extends DriverEvent> List<T> of(Class<T> type, Predicate<T> match) {
            return of(type).stream().filter(match).toList();
        }

        /** Management frames of {@code subtype} that went up (EVENT_RX_MGMT). */
        List<Bytes> rxMgmt(MgmtSubtype subtype) {
            return of(DriverEvent.RxMgmt.class, m -> subtype(m.frame()) == subtype).stream().map(DriverEvent.RxMgmt::frame).toList();
        }

        /** The first event of {@code type} that matches, waiting for it. */
        <T extends DriverEvent> T await(Class<T> type, Predicate<T> match) throws InterruptedException {
            return awaitAfter(0, type, match);
        }

        /** The first event of {@code type} that matches among those from index {@code mark} on, waiting for it. */
        <T extends DriverEvent> T awaitAfter(int mark, Class<T> type, Predicate<T> match) throws InterruptedException {
            Air.await(() -> after(mark, type, match).isPresent(), () -> "a matching " + type.getSimpleName() + " in " + all);
            return after(mark, type, match).orElseThrow();
        }

        private <T extends DriverEvent> java.util.Optional<T> after(int mark, Class<T> type, Predicate<T> match) {
            return all.subList(mark, all.size()).stream().filter(type::isInstance).map(type::cast).filter(match).findFirst();
        }
    }

    /**
     * hostapd's part of the MLME for the radio's BSS, run on the air loop as the event arrives: answers Authentication,
     * adds the station and answers Association Requests, and answers Probe Requests when told to. Every event is kept.
     */
    static final class FakeHostapd extends Events {
        final Radio radio;
        volatile boolean answerAuth = true;
        volatile boolean answerAssoc = true;
        volatile boolean answerProbes;
        volatile int authStatus;
        volatile int assocStatus;
        volatile Set<StaFlag> staFlags = Set.of(StaFlag.AUTHORIZED);
        /** The elements of Probe Responses. */
        volatile IeList probeRespIes = IeList.of(new InformationElement(0, SSID.octets()));

        FakeHostapd(Radio radio) {
            this.radio = radio;
        }

        void start(int beaconInt, Bytes tail) throws Exception {
            radio.setAp(apParams(radio.mac(), beaconInt, tail));
        }

        @Override
        public void accept(DriverEvent e) {
            super.accept(e);
            if (!(e instanceof DriverEvent.RxMgmt m)) {
                return;
            }
            MacAddress sa = MacAddress.of(m.frame().toArray(), 10);
            MacAddress me = radio.mac();
            try {
                switch (subtype(m.frame())) {
                    case AUTH -> {
                        if (answerAuth && m.frame().u8(24) == 0) {
                            radio.sendMlme(new MgmtFrame.Authentication(MgmtHeader.of(MgmtSubtype.AUTH, sa, me, me), 0, 2, authStatus, IeList.EMPTY)
                                    .encode(), false);
                        }
                    }
                    case ASSOC_REQ -> {
                        if (answerAssoc) {
                            if (assocStatus == 0) {
                                // as hostapd's add_associated_sta: a station associating again replaces its entry
                                radio.staRemove(sa);
                                radio.staAdd(new StaAddParams(sa, 1, 0x0011, List.of(2, 4, 11, 22), 10, Bytes.EMPTY, staFlags, false, 0));
                            }
                            radio.sendMlme(MgmtFrame.AssocResponse.of(MgmtHeader.of(MgmtSubtype.ASSOC_RESP, sa, me, me), 0x0011, assocStatus,
                                    assocStatus == 0 ? 1 : 0, IeList.EMPTY).encode(), false);
                        }
                    }
                    case PROBE_REQ -> {
                        if (answerProbes) {
                            MgmtHeader h = MgmtHeader.of(MgmtSubtype.PROBE_RESP, sa, me, me);
                            radio.sendMlme(new MgmtFrame.ProbeResponse(h, 0, 100, 0x0011, probeRespIes).encode(), true);
                        }
                    }
                    default -> { }
                }
            } catch (Exception failed) {
                throw new IllegalStateException(failed);
            }
        }
    }
}
