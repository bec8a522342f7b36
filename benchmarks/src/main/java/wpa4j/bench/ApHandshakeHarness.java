package wpa4j.bench;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

import wpa4j.common.crypto.AesKeyWrap;
import wpa4j.common.crypto.EapolMic;
import wpa4j.common.crypto.Psk;
import wpa4j.common.crypto.Ptk;
import wpa4j.common.crypto.SecretKeyBytes;
import wpa4j.common.eapol.EapolKey;
import wpa4j.common.eapol.KeyData;
import wpa4j.common.eapol.KeyInfo;
import wpa4j.common.frame.MgmtFrame;
import wpa4j.common.frame.MgmtHeader;
import wpa4j.common.frame.MgmtSubtype;
import wpa4j.common.ie.IeList;
import wpa4j.common.ie.InformationElement;
import wpa4j.common.ie.RsnElement;
import wpa4j.common.ie.Suite;
import wpa4j.driver.Capabilities;
import wpa4j.driver.DriverInterface;
import wpa4j.driver.event.DriverEvent;
import wpa4j.driver.types.ApParams;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.FreqParams;
import wpa4j.driver.types.HiddenSsid;
import wpa4j.driver.types.KeyParams;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.Ssid;
import wpa4j.driver.types.StaAddParams;
import wpa4j.driver.types.StaFlag;
import wpa4j.hostapd.core.ApConfig;
import wpa4j.hostapd.core.ApTiming;
import wpa4j.hostapd.core.Hostapd;
import wpa4j.runtime.eloop.EventLoop;

/**
 * The AP core's own cost per station, with no medium and no station cores: one {@link Hostapd} on its event loop over
 * a driver that hands every frame straight to stations written here from the standard (Open System authentication,
 * association with an RSN element, the supplicant's half of the 4-way handshake with every MIC checked), then each
 * station leaves with a Deauthentication. Stations come in waves of {@code wave} (the AID limit, 2007, at most), new
 * addresses each wave, so the AP's table fills and empties as with real churn.
 * <p>
 * The AP's loop time is taken per event kind on the loop itself: the 4-way handshake is what the AP does on the
 * association's acknowledgement (message 1), message 2 (PTK, MIC, message 3) and message 4 (MIC, keys, authorized).
 * Printed beside it, measured in the same run: the crypto floor of the AP's half of a handshake (one PTK derivation,
 * two MIC checks, one MIC, one key wrap of the GTK) on the same thread kind.
 * Usage: ApHandshakeHarness [handshakes, default 20000] [wave, default 2000] [warm-up handshakes, default 10000]
 */
public final class ApHandshakeHarness {
    private static final Ssid SSID = Ssid.ofUtf8("wpa4j-handshakes");
    private static final MacAddress AA = new MacAddress(0x0200_0000_0000L);
    private static final InformationElement RSN = new RsnElement(1, Suite.RSN_CCMP, List.of(Suite.RSN_CCMP), List.of(Suite.AKM_PSK), 0,
            null, null).toElement();

    /** What the AP's loop spent its time on. */
    enum Kind { AUTH, ASSOC, MESSAGE_1, MESSAGE_2, MESSAGE_4, LEAVE }

    public static void main(String[] args) throws Exception {
        int handshakes = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int wave = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        SecretKeyBytes psk = Psk.fromPassphrase("benchmark passphrase".getBytes(StandardCharsets.UTF_8), SSID);
        System.out.printf("wpa4j AP core handshakes: 1 AP core (WPA2-PSK, CCMP) on one event loop, stations in waves of %d, %d cores%n",
                wave, Runtime.getRuntime().availableProcessors());
        if (warmUp > 0) {
            System.out.println("  (warm-up: " + warmUp + " handshakes in the same JVM first; figures below are the second run)");
            new Run(psk, wave).go(warmUp);
        }
        Run run = new Run(psk, wave);
        long t0 = System.nanoTime();
        run.go(handshakes);
        double wallS = (System.nanoTime() - t0) / 1e9;
        double fourWayUs = (run.nanos(Kind.MESSAGE_1) + run.nanos(Kind.MESSAGE_2) + run.nanos(Kind.MESSAGE_4)) / 1e3 / handshakes;
        double joinUs = run.total() / 1e3 / handshakes;
        System.out.printf("  %d stations authorized (AP-STA-CONNECTED), %d left, in %.2f s wall (stations and AP on %d cores)%n",
                run.connected.get(), handshakes, wallS, Runtime.getRuntime().availableProcessors());
        StringBuilder kinds = new StringBuilder("  the AP's loop per station (us):");
        for (Kind k : Kind.values()) {
            kinds.append(String.format(java.util.Locale.ROOT, " %s %.1f", k.name().toLowerCase(java.util.Locale.ROOT), run.nanos(k) / 1e3 / handshakes));
        }
        System.out.println(kinds);
        System.out.printf(java.util.Locale.ROOT, "  4-way handshake on the AP core: %.1f us each -> %.0f handshakes/s per core%n", fourWayUs, 1e6 / fourWayUs);
        System.out.printf(java.util.Locale.ROOT, "  a whole station (authentication to leaving): %.1f us -> %.0f stations/s per core%n", joinUs, 1e6 / joinUs);
        double floorUs = cryptoFloorUs(psk);
        System.out.printf(java.util.Locale.ROOT, "  anchor, same run: the crypto of the AP's half of a handshake alone %.1f us -> %.0f/s per core%n",
                floorUs, 1e6 / floorUs);
        System.out.printf(java.util.Locale.ROOT, "figures: handshakes=%d fourWayUs=%.1f perSecond=%.0f joinUs=%.1f floorUs=%.1f%n",
                handshakes, fourWayUs, 1e6 / fourWayUs, joinUs, floorUs);
    }

    /** One AP core and its stations. */
    private static final class Run {
        final EventLoop loop = new EventLoop("wpa4j-ap-bench", Hostapd.MAX_QUEUED_EVENTS);
        /** Frames from the AP to the stations, in the order the AP sent them. */
        final BlockingQueue<Object> air = new LinkedBlockingQueue<>();
        final Map<Kind, long[]> spent = new EnumMap<>(Kind.class);
        final AtomicInteger connected = new AtomicInteger();
        final Hostapd ap;
        final SecretKeyBytes pmk;
        final int wave;
        final SecureRandom random = new SecureRandom();
        long nextStation = 1;

        Run(SecretKeyBytes pmk, int wave) throws Exception {
            this.pmk = pmk;
            this.wave = wave;
            for (Kind k : Kind.values()) {
                spent.put(k, new long[1]);
            }
            ap = new Hostapd(loop, "bench0", new ApConfig(SSID, 1, pmk, HiddenSsid.NO_SSID_HIDING, 100, 2, 2007, 0, 0), ApTiming.DEFAULT,
                    line -> {
                        if (line.startsWith("AP-STA-CONNECTED")) {
                            connected.incrementAndGet();
                            air.add(line);
                        }
                    });
            loop.call(() -> {
                ap.attach(new LoopbackDriver());
                return null;
            });
        }

        long nanos(Kind k) {
            return spent.get(k)[0];
        }

        long total() {
            return spent.values().stream().mapToLong(a -> a[0]).sum();
        }

        /** Timed on the loop: the AP's own work for one event. */
        void post(Kind kind, DriverEvent e) {
            loop.execute(() -> {
                long t = System.nanoTime();
                ap.onEvent(e);
                spent.get(kind)[0] += System.nanoTime() - t;
            });
        }

        void go(int handshakes) throws Exception {
            for (int done = 0; done < handshakes; done += wave) {
                wave(Math.min(wave, handshakes - done));
            }
            loop.call(() -> null);
            loop.close();
        }

        /** {@code n} new stations join at once, then leave. */
        private void wave(int n) throws Exception {
            Map<MacAddress, Station> stations = new HashMap<>();
            for (int i = 0; i < n; i++) {
                Station s = new Station(new MacAddress(0x0200_0000_0000L | nextStation++ << 8));
                stations.put(s.addr, s);
                post(Kind.AUTH, new DriverEvent.RxMgmt(new MgmtFrame.Authentication(MgmtHeader.of(MgmtSubtype.AUTH, AA, s.addr, AA), 0, 1, 0,
                        IeList.EMPTY).encode(), 0, 2412, -40));
            }
            int authorized = 0;
            while (authorized < n) {
                Object o = air.poll(30, java.util.concurrent.TimeUnit.SECONDS);
                if (o == null) {
                    throw new IllegalStateException("the AP went quiet with " + authorized + " of " + n + " stations authorized");
                } else if (o instanceof String) {
                    authorized++;
                } else if (o instanceof Bytes frame) {
                    onMgmt(stations, MgmtFrame.decode(frame));
                } else if (o instanceof Eapol e) {
                    stations.get(e.to).onEapol(EapolKey.fromPdu(e.pdu));
                }
            }
            for (Station s : stations.values()) {
                post(Kind.LEAVE, new DriverEvent.RxMgmt(new MgmtFrame.Deauthentication(MgmtHeader.of(MgmtSubtype.DEAUTH, AA, s.addr, AA), 3,
                        IeList.EMPTY).encode(), 0, 2412, -40));
                s.close();
            }
        }

        private void onMgmt(Map<MacAddress, Station> stations, MgmtFrame f) {
            MacAddress to = f.header().da();
            if (f instanceof MgmtFrame.Authentication a && a.statusCode() == 0) {
                List<InformationElement> ies = List.of(new InformationElement(0, SSID.octets()), new InformationElement(1, Bytes.fromHex("82848b96")), RSN);
                post(Kind.ASSOC, new DriverEvent.RxMgmt(new MgmtFrame.AssocRequest(MgmtHeader.of(MgmtSubtype.ASSOC_REQ, AA, to, AA), 0x0431, 10,
                        new IeList(ies)).encode(), 0, 2412, -40));
            } else if (f instanceof MgmtFrame.AssocResponse r && r.statusCode() != 0 || f instanceof MgmtFrame.Authentication) {
                throw new IllegalStateException("the AP refused " + to + ": " + f);
            }
        }

        /** A station's half of the 4-way handshake, from the standard (IEEE 802.11-2020 12.7.6), every MIC checked. */
        private final class Station implements AutoCloseable {
            final MacAddress addr;
            /** One per association, as wpa_supplicant: a retransmitted message 1 (the AP's 100 ms first timeout) gives the same PTK. */
            Bytes snonce;
            Ptk ptk;

            Station(MacAddress addr) {
                this.addr = addr;
            }

            void onEapol(EapolKey k) throws Exception {
                if (!k.keyInfo().mic()) {
                    if (snonce == null) {
                        byte[] sn = new byte[32];
                        random.nextBytes(sn);
                        snonce = Bytes.of(sn);
                    }
                    close();
                    ptk = Ptk.derive(pmk, AA, addr, k.nonce(), snonce, 16, false);
                    send(new EapolKey(EapolKey.DESCRIPTOR_RSN, KeyInfo.of(2, KeyInfo.PAIRWISE, KeyInfo.MIC), 16, k.replayCounter(), snonce,
                            EapolKey.ZERO_16, EapolKey.ZERO_8, EapolKey.ZERO_8, EapolKey.ZERO_16, new KeyData(List.of(RSN)).encode(false)), Kind.MESSAGE_2);
                    return;
                }
                if (!EapolMic.verify(ptk.kck(), k, 2)) {
                    throw new IllegalStateException("message 3 to " + addr + " has a bad MIC");
                }
                KeyData.decode(Bytes.of(AesKeyWrap.unwrap(ptk.kek(), k.keyData().toArray()))).gtk().orElseThrow();
                send(new EapolKey(EapolKey.DESCRIPTOR_RSN, KeyInfo.of(2, KeyInfo.PAIRWISE, KeyInfo.MIC, KeyInfo.SECURE), 0, k.replayCounter(),
                        EapolKey.ZERO_NONCE, EapolKey.ZERO_16, EapolKey.ZERO_8, EapolKey.ZERO_8, EapolKey.ZERO_16, Bytes.EMPTY), Kind.MESSAGE_4);
            }

            private void send(EapolKey k, Kind kind) {
                post(kind, new DriverEvent.EapolRx(addr, EapolMic.sign(ptk.kck(), k, 1).toPdu(1)));
            }

            @Override
            public void close() {
                if (ptk != null) {
                    ptk.destroy();
                }
            }
        }

        /** One EAPOL frame from the AP. */
        private record Eapol(MacAddress to, Bytes pdu) {}

        /**
         * The AP's driver: frames go to the stations as they are sent, an Association Response is acknowledged at
         * once (a TX status event, which the AP's message 1 waits for), every other op succeeds.
         */
        private final class LoopbackDriver implements DriverInterface {
            @Override public String driverName() { return "loopback"; }
            @Override public String getIfname() { return "bench0"; }
            @Override public MacAddress getMacAddr() { return AA; }
            @Override public Capabilities getCapa() { return Capabilities.none(); }
            @Override public void close() {}
            @Override public void setFreq(FreqParams freq) {}
            @Override public void setAp(ApParams params) {}
            @Override public void deinitAp() {}
            @Override public void flush() {}
            @Override public void setKey(KeyParams params) {}
            @Override public Bytes getSeqnum(String ifname, MacAddress addr, int idx) { return Bytes.of(new byte[8]); }
            @Override public void staAdd(StaAddParams params) {}
            @Override public void staRemove(MacAddress addr) {}
            @Override public void staDeauth(MacAddress ownAddr, MacAddress addr, int reason) {}
            @Override public void staDisassoc(MacAddress ownAddr, MacAddress addr, int reason) {}
            @Override public void staSetFlags(MacAddress addr, Set<StaFlag> total, Set<StaFlag> flagsOr, Set<StaFlag> flagsAnd) {}
            @Override public int getInactSec(MacAddress addr) { return 0; }

            @Override
            public void sendMlme(Bytes frame, boolean noAck) {
                if (MgmtSubtype.of(frame.u8(0) >> 4 & 0xf) == MgmtSubtype.ASSOC_RESP) {
                    MacAddress to;
                    try {
                        to = MgmtFrame.decode(frame).header().da();
                    } catch (wpa4j.common.codec.MalformedFrameException e) {
                        throw new IllegalStateException("the AP sent a malformed Association Response", e);
                    }
                    post(Kind.MESSAGE_1, new DriverEvent.TxStatus(0, MgmtSubtype.ASSOC_RESP.value(), to, frame, true));
                }
                air.add(frame);
            }

            @Override
            public void hapdSendEapol(MacAddress addr, Bytes data, boolean encrypt, MacAddress ownAddr, Set<StaFlag> flags) {
                air.add(new Eapol(addr, data));
            }
        }
    }

    /**
     * The cryptography of the AP's half of one 4-way handshake, nothing else: PTK derivation, the MIC checks of messages
     * 2 and 4, message 3's MIC and the key wrap of its key data (RSN element and GTK KDE), in microseconds, median of
     * 5 rounds of one second.
     */
    /** The cryptography of the AP's half of one 4-way handshake alone, in microseconds (median of five 1 s rounds after one). */
    static double cryptoFloorUs(SecretKeyBytes pmk) {
        byte[] nonce = new byte[32];
        new SecureRandom().nextBytes(nonce);
        Bytes anonce = Bytes.of(nonce);
        MacAddress spa = new MacAddress(0x0200_0000_0100L);
        EapolKey m2 = new EapolKey(EapolKey.DESCRIPTOR_RSN, KeyInfo.of(2, KeyInfo.PAIRWISE, KeyInfo.MIC), 16, 1, anonce, EapolKey.ZERO_16,
                EapolKey.ZERO_8, EapolKey.ZERO_8, EapolKey.ZERO_16, new KeyData(List.of(RSN)).encode(false));
        byte[] keyData = new byte[56];
        List<Double> rounds = new ArrayList<>();
        for (int r = 0; r < 6; r++) {
            long n = 0;
            long t0 = System.nanoTime();
            long end = t0 + 1_000_000_000L;
            while (System.nanoTime() < end) {
                for (int i = 0; i < 100; i++, n++) {
                    Ptk ptk = Ptk.derive(pmk, AA, spa, anonce, anonce, 16, false);
                    EapolKey signed = EapolMic.sign(ptk.kck(), m2, 1);
                    EapolMic.verify(ptk.kck(), signed, 1);
                    EapolMic.verify(ptk.kck(), signed, 1);
                    AesKeyWrap.wrap(ptk.kek(), keyData);
                    ptk.destroy();
                }
            }
            if (r > 0) {
                rounds.add((System.nanoTime() - t0) / 1e3 / n);
            }
        }
        return Stats.of(rounds).median();
    }
}
