package wpa4j.sim;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

import wpa4j.common.frame.MgmtFrame;
import wpa4j.common.frame.MgmtHeader;
import wpa4j.common.frame.MgmtSubtype;
import wpa4j.common.ie.IeList;
import wpa4j.common.ie.InformationElement;
import wpa4j.driver.DriverInterface;
import wpa4j.driver.event.DriverEvent;
import wpa4j.driver.event.DriverEventSink;
import wpa4j.driver.types.ApParams;
import wpa4j.driver.types.AssociateParams;
import wpa4j.driver.types.AuthParams;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.KeyAlg;
import wpa4j.driver.types.KeyMgmt;
import wpa4j.driver.types.KeyParams;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.Mfp;
import wpa4j.driver.types.Ssid;
import wpa4j.driver.types.StaAddParams;
import wpa4j.driver.types.StaFlag;
import wpa4j.sim.medium.Medium;
import wpa4j.sim.medium.Radio;
import wpa4j.sim.medium.RadioCounters;
import wpa4j.sim.medium.SimTiming;

/**
 * An AP and a station on one medium, each through its SimInterface as the cores drive it (the test plays
 * hostapd's user-space MLME), and a third radio that forges frames.
 */
final class SimBss implements AutoCloseable {
    static final MacAddress AP = MacAddress.parse("02:00:00:00:00:00");
    static final MacAddress STA = MacAddress.parse("02:00:00:00:01:00");
    static final MacAddress EVIL = MacAddress.parse("02:00:00:00:02:00");
    static final Ssid SSID = Ssid.ofUtf8("wpa4j-pmf");
    static final int FREQ = 2412;
    /** RSNE: CCMP/CCMP, SAE, MFPC|MFPR. */
    static final Bytes RSNE = Bytes.fromHex("30140100000fac040100000fac040100000fac08c000");
    static final byte[] TK = bytes(0x11, 16);
    static final byte[] IGTK = bytes(0x22, 16);

    final Medium medium = new Medium(3, new SimTiming(5, 20, 2, 2000, 30_000));
    final Radio apRadio;
    final Radio staRadio;
    final Radio evilRadio;
    final Events apEvents = new Events();
    final Events staEvents = new Events();
    final DriverInterface ap;
    final DriverInterface sta;

    SimBss() throws Exception {
        apRadio = medium.addRadio("sim0", AP);
        staRadio = medium.addRadio("sim1", STA);
        evilRadio = medium.addRadio("sim2", EVIL);
        ap = new SimDriver(medium, apRadio).open("sim0", apEvents);
        sta = new SimDriver(medium, staRadio).open("sim1", staEvents);
        MgmtHeader h = MgmtHeader.of(MgmtSubtype.BEACON, MacAddress.BROADCAST, AP, AP);
        Bytes head = new MgmtFrame.Beacon(h, 0, 100, 0x0011, IeList.of(new InformationElement(0, SSID.octets()))).encode();
        ap.setAp(ApParams.builder().head(head).tail(RSNE).ssid(SSID).build());
    }

    /** Open System authentication, association with {@code mfp}, the PTK on both sides and the IGTK (IPN 0). */
    SimBss connect(Mfp mfp) throws Exception {
        sta.authenticate(AuthParams.open(FREQ, AP, SSID));
        apEvents.await(DriverEvent.RxMgmt.class, m -> subtype(m.frame()) == MgmtSubtype.AUTH);
        ap.sendMlme(new MgmtFrame.Authentication(header(MgmtSubtype.AUTH, STA), 0, 2, 0, IeList.EMPTY).encode(), false);
        staEvents.await(DriverEvent.Auth.class, a -> a.statusCode() == 0);
        associate(mfp);
        Bytes ipn = Bytes.of(new byte[6]);
        sta.setKey(KeyParams.pairwise(KeyAlg.CCMP, AP, Bytes.EMPTY, Bytes.of(TK)));
        ap.setKey(KeyParams.pairwise(KeyAlg.CCMP, STA, Bytes.EMPTY, Bytes.of(TK)));
        ap.setKey(KeyParams.group(KeyAlg.IGTK, 4, true, ipn, Bytes.of(IGTK)));
        sta.setKey(KeyParams.group(KeyAlg.IGTK, 4, false, ipn, Bytes.of(IGTK)));
        return this;
    }

    /** The Association Request and hostapd's answer: sta_add (MFP when asked for), then the response. */
    void associate(Mfp mfp) throws Exception {
        sta.associate(AssociateParams.builder().bssid(AP).ssid(SSID).freq(FREQ).wpaIe(RSNE).keyMgmtSuite(KeyMgmt.SAE)
                .mgmtFrameProtection(mfp).build());
        apEvents.await(DriverEvent.RxMgmt.class, m -> subtype(m.frame()) == MgmtSubtype.ASSOC_REQ);
        Set<StaFlag> flags = mfp == Mfp.NO ? Set.of() : Set.of(StaFlag.MFP);
        ap.staAdd(new StaAddParams(STA, 1, 0x0011, List.of(2, 4, 11, 22), 10, Bytes.EMPTY, flags, false, 0));
        ap.sendMlme(MgmtFrame.AssocResponse.of(header(MgmtSubtype.ASSOC_RESP, STA), 0x0011, 0, 1, IeList.EMPTY).encode(), false);
        staEvents.await(DriverEvent.Assoc.class, a -> true);
    }

    /** A frame from the AP's address (what the AP sends, or what the third radio forges in its name). */
    static MgmtHeader header(MgmtSubtype subtype, MacAddress da) {
        return MgmtHeader.of(subtype, da, AP, AP);
    }

    static MgmtSubtype subtype(Bytes frame) {
        return MgmtSubtype.of(frame.u8(0) >> 4);
    }

    static Bytes deauth(MacAddress da, int reason) {
        return new MgmtFrame.Deauthentication(header(MgmtSubtype.DEAUTH, da), reason, IeList.EMPTY).encode();
    }

    /** An SA Query Request (category 8, action 0) or Response (action 1) with a 2-octet transaction id. */
    static Bytes saQuery(MacAddress da, MacAddress sa, int action, int id) {
        MgmtHeader h = MgmtHeader.of(MgmtSubtype.ACTION, da, sa, AP);
        return new MgmtFrame.Action(h, 8, Bytes.of((byte) action, (byte) (id >> 8), (byte) id)).encode();
    }

    /** Waits until {@code counter} passes {@code before}: the frame was dropped and counted. */
    static void awaitCount(LongSupplier counter, long before, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5000;
        while (counter.getAsLong() <= before) {
            if (System.currentTimeMillis() > deadline) {
                fail("not counted: " + what);
            }
            Thread.sleep(5);
        }
    }

    static RadioCounters counters(Radio r) {
        try {
            return r.counters();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(int value, int n) {
        byte[] b = new byte[n];
        java.util.Arrays.fill(b, (byte) value);
        return b;
    }

    @Override
    public void close() {
        medium.close();
    }

    /** The events of one interface, in order. */
    static final class Events implements DriverEventSink {
        final List<DriverEvent> all = new CopyOnWriteArrayList<>();

        @Override
        public void onEvent(DriverEvent e) {
            all.add(e);
        }

        <T extends DriverEvent> List<T> of(Class<T> type) {
            return all.stream().filter(type::isInstance).map(type::cast).toList();
        }

        /** The first event of {@code type} that matches, waiting up to 5 s for it. */
        <T extends DriverEvent> T await(Class<T> type, Predicate<T> match) throws InterruptedException {
            long deadline = System.currentTimeMillis() + 5000;
            while (System.currentTimeMillis() < deadline) {
                for (T e : of(type)) {
                    if (match.test(e)) {
                        return e;
                    }
                }
                Thread.sleep(5);
            }
            return fail("no matching " + type.getSimpleName() + " in " + all);
        }
    }
}
