package wpa4j.hostapd.core;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import wpa4j.common.codec.MalformedFrameException;
import wpa4j.common.crypto.EapolMic;
import wpa4j.common.crypto.Ptk;
import wpa4j.common.eapol.EapolKey;
import wpa4j.common.eapol.KeyData;
import wpa4j.common.eapol.KeyInfo;
import wpa4j.common.frame.MgmtFrame;
import wpa4j.common.frame.MgmtHeader;
import wpa4j.common.frame.MgmtSubtype;
import wpa4j.common.ie.IeList;
import wpa4j.common.ie.InformationElement;
import wpa4j.driver.event.DriverEvent;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.KeyParams;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.Mfp;
import wpa4j.runtime.eloop.EventLoop;

/**
 * The AP core (the real {@link Hostapd}: station table, authenticator handshakes, SA Query, SAE when offered) fed a
 * fuzzed sequence from one station after a valid Open System authentication and association: raw management frames
 * and EAPOL PDUs, and messages 2 and 4 (and group message 2) signed under the PTK of the AP's message 1 with fuzzed
 * fields and key data. Findings: an exception out of the core, and a key installed twice.
 */
class AuthenticatorFuzzTest {
    private static final MacAddress AA = FakeApDriver.AP;
    private static final MacAddress STA = MacAddress.parse("02:00:00:00:01:00");
    /** One loop for all runs (a thread per run would dominate); each run has its own core and driver. */
    private static final EventLoop LOOP = new EventLoop("fuzz-ap");
    private static final ApConfig WPA2 = PmfConfigs.config(Set.of(Akm.PSK), Mfp.NO);
    private static final ApConfig PMF = PmfConfigs.config(Set.of(Akm.PSK, Akm.PSK_SHA256, Akm.SAE), Mfp.OPTIONAL);
    private static final wpa4j.common.crypto.SecretKeyBytes PSK = PmfConfigs.psk();
    /** Retransmissions never fall due within a run. */
    private static final ApTiming SLOW = new ApTiming(60_000, 60_000, 4);

    @AfterAll
    static void close() {
        LOOP.close();
    }

    @FuzzTest(maxDuration = "10s")
    void stationSequences(FuzzedDataProvider in) throws Exception {
        FakeApDriver driver = new FakeApDriver();
        long failures = LOOP.failures();
        Hostapd ap = new Hostapd(LOOP, "fake0", in.consumeBoolean() ? PMF : WPA2, SLOW, AdmissionLimits.DEFAULT, line -> { });
        // the whole run is one task on the AP's loop (the helpers' calls run inline there): a hand-over between threads
        // per frame cost more than the core's work; no timer of the core falls due within a run (SLOW)
        LOOP.call(() -> {
            try {
                sequence(in, driver, ap);
            } finally {
                ap.stop();
            }
            return null;
        });
        if (LOOP.failures() != failures) {
            // a timer task of the core threw (the loop logs and survives it, but it is a bug)
            throw new IllegalStateException("a task on the AP's event loop threw");
        }
    }

    private static void sequence(FuzzedDataProvider in, FakeApDriver driver, Hostapd ap) throws Exception {
        on(() -> ap.attach(driver));
        rx(ap, new MgmtFrame.Authentication(MgmtHeader.of(MgmtSubtype.AUTH, AA, STA, AA), 0, 1, 0, IeList.EMPTY).encode());
        List<InformationElement> ies = List.of(new InformationElement(0, PmfConfigs.SSID.octets()), new InformationElement(1, Bytes.fromHex("82848b96")),
                TestStation.rsne(Akm.PSK.suite(), 0, null, null));
        rx(ap, new MgmtFrame.AssocRequest(MgmtHeader.of(MgmtSubtype.ASSOC_REQ, AA, STA, AA), 0x0431, 10, new IeList(ies)).encode());
        Bytes resp = driver.mlme.get(driver.mlme.size() - 1);
        on(() -> ap.onEvent(new DriverEvent.TxStatus(0, MgmtSubtype.ASSOC_RESP.value(), STA, resp, true)));
        Ptk ptk = null;
        Set<String> installed = new HashSet<>();
        int keysSeen = 0;
        for (int step = 0; step < 8 && in.remainingBytes() > 0; step++) {
            EapolKey last = lastFromAp(driver);
            switch (in.consumeInt(0, 3)) {
                case 0 -> rx(ap, mgmt(in));
                // the driver API carries EAPOL PDUs of 4 octets and more (the 802.1X header)
                case 1 -> eapol(ap, Bytes.of(pad(in.consumeBytes(in.consumeInt(4, 300)), 4)));
                case 2 -> {
                    if (last != null && !last.keyInfo().mic()) {
                        // message 2 to the AP's message 1: a PTK from its ANonce and a fuzzed SNonce
                        Bytes snonce = Bytes.of(pad(in.consumeBytes(32), 32));
                        ptk = Ptk.derive(PSK, AA, STA, last.nonce(), snonce, 16, false);
                        eapol(ap, signed(ptk, in, last.replayCounter(), snonce, List.of(TestStation.rsne(Akm.PSK.suite(), 0, null, null))));
                    }
                }
                default -> {
                    if (ptk != null && last != null) {
                        eapol(ap, signed(ptk, in, in.consumeBoolean() ? last.replayCounter() : in.consumeLong(), EapolKey.ZERO_NONCE, List.of()));
                    }
                }
            }
            for (; keysSeen < driver.keys.size(); keysSeen++) {
                KeyParams k = driver.keys.get(keysSeen);
                if (k.isPairwise() && !installed.add(k.addr() + "/" + k.key().toHex())) {
                    throw new IllegalStateException("pairwise key installed twice for " + k.addr());
                }
            }
        }
    }

    private static void on(Runnable r) throws Exception {
        LOOP.call(() -> {
            r.run();
            return null;
        });
    }

    private static void rx(Hostapd ap, Bytes frame) throws Exception {
        on(() -> ap.onEvent(new DriverEvent.RxMgmt(frame, 0, 2412, -40)));
    }

    private static void eapol(Hostapd ap, Bytes pdu) throws Exception {
        on(() -> ap.onEvent(new DriverEvent.EapolRx(STA, pdu)));
    }

    /** A management frame from the station: a fuzzed subtype, Protected bit and body behind a valid header. */
    private static Bytes mgmt(FuzzedDataProvider in) {
        MgmtSubtype[] subtypes = MgmtSubtype.values();
        MgmtSubtype st = subtypes[in.consumeInt(0, subtypes.length - 1)];
        int fc = st.value() << 4 | (in.consumeBoolean() ? MgmtHeader.FC_PROTECTED : 0);
        return new MgmtFrame.Opaque(new MgmtHeader(fc, 0, AA, STA, AA, 0, null), Bytes.of(in.consumeBytes(in.consumeInt(0, 200)))).encode();
    }

    private static EapolKey lastFromAp(FakeApDriver driver) {
        if (driver.eapol.isEmpty()) {
            return null;
        }
        try {
            return EapolKey.fromPdu(driver.eapol.get(driver.eapol.size() - 1).pdu());
        } catch (MalformedFrameException e) {
            throw new IllegalStateException("the AP sent a malformed EAPOL-Key frame", e);
        }
    }

    /** An EAPOL-Key frame from the station with fuzzed Key Information flags and key data, MIC-signed under {@code ptk}. */
    private static Bytes signed(Ptk ptk, FuzzedDataProvider in, long replay, Bytes nonce, List<InformationElement> data) {
        List<Integer> flags = new ArrayList<>();
        for (int f : new int[] {KeyInfo.PAIRWISE, KeyInfo.MIC, KeyInfo.SECURE, KeyInfo.ERROR, KeyInfo.REQUEST, KeyInfo.INSTALL, KeyInfo.ACK}) {
            if (in.consumeBoolean()) {
                flags.add(f);
            }
        }
        List<InformationElement> elements = new ArrayList<>(in.consumeBoolean() ? data : List.of());
        if (in.consumeBoolean()) {
            elements.add(new InformationElement(in.consumeInt(0, 255), Bytes.of(in.consumeBytes(in.consumeInt(0, 60)))));
        }
        EapolKey k = new EapolKey(EapolKey.DESCRIPTOR_RSN, KeyInfo.of(2, flags.stream().mapToInt(Integer::intValue).toArray()), 0, replay, nonce,
                EapolKey.ZERO_16, EapolKey.ZERO_8, EapolKey.ZERO_8, EapolKey.ZERO_16, new KeyData(elements).encode(false));
        return EapolMic.sign(ptk.kck(), k, 1).toPdu(1);
    }

    /** {@code b}, zero-padded to at least {@code n} octets. */
    private static byte[] pad(byte[] b, int n) {
        return b.length >= n ? b : java.util.Arrays.copyOf(b, n);
    }
}
