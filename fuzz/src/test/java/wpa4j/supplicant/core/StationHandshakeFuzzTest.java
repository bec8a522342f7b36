package wpa4j.supplicant.core;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import wpa4j.common.codec.MalformedFrameException;
import wpa4j.common.crypto.AesKeyWrap;
import wpa4j.common.crypto.EapolMic;
import wpa4j.common.crypto.Ptk;
import wpa4j.common.crypto.SecretKeyBytes;
import wpa4j.common.eapol.EapolKey;
import wpa4j.common.eapol.KeyData;
import wpa4j.common.eapol.KeyInfo;
import wpa4j.common.ie.InformationElement;
import wpa4j.common.ie.RsnElement;
import wpa4j.common.ie.Suite;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.KeyMgmt;
import wpa4j.driver.types.MacAddress;

/**
 * The station's key handshakes (the real {@link StationKeyHandshake}) driven by a fuzzed authenticator that knows the
 * PMK: every message it sends is chosen by the fuzzer (raw bytes, or a message 1, 3 or group 1 with fuzzed flags,
 * counters and key data, MIC-signed and key-wrapped so the deep paths are reached). Findings: any exception other than
 * a refusal, and a key installed twice (a KRACK-class reinstallation).
 */
class StationHandshakeFuzzTest {
    private static final MacAddress AA = MacAddress.parse("02:00:00:00:00:00");
    private static final MacAddress SPA = MacAddress.parse("02:00:00:00:01:00");
    private static final InformationElement AP_RSN = RsnElement.psk(Suite.RSN_CCMP, Suite.RSN_CCMP, 0).toElement();
    private static final int KDE_GTK = 1;
    private static final int KDE_IGTK = 9;
    private static final int KDE_BIGTK = 14;
    private static final int[] FLAGS = {KeyInfo.PAIRWISE, KeyInfo.ACK, KeyInfo.MIC, KeyInfo.INSTALL, KeyInfo.SECURE, KeyInfo.ENCRYPTED_KEY_DATA};

    @FuzzTest(maxDuration = "10s")
    void keyHandshakes(FuzzedDataProvider in) throws Exception {
        boolean pmf = in.consumeBoolean();
        LinkSecurity link = new LinkSecurity(KeyMgmt.PSK, pmf, false, false, false, pmf && in.consumeBoolean());
        byte[] pmkOctets = new byte[32];
        pmkOctets[0] = 1;
        InformationElement ownRsn = link.ownRsn(Optional.empty()).toElement();
        try (StationKeyHandshake sta = new StationKeyHandshake(SecretKeyBytes.copyOf(pmkOctets), link, AA, SPA, List.of(ownRsn), AP_RSN.body(),
                Optional.empty(), new SecureRandom())) {
            Bytes anonce = Bytes.of(padded(in.consumeBytes(32), 32));
            Ptk ptk = null;
            Bytes ptkAnonce = null;
            // the key installed now per kind: installing that same key again is the KRACK condition
            Map<String, String> current = new HashMap<>();
            for (int step = 0; step < 8 && in.remainingBytes() > 0; step++) {
                int kind = in.consumeInt(0, 4);
                if (kind == 4) {
                    // a new ANonce: the AP's PTK rekey (or a forger's message 1)
                    anonce = Bytes.of(padded(in.consumeBytes(32), 32));
                    ptkAnonce = null;
                    kind = 1;
                }
                Bytes pdu = switch (kind) {
                    case 0 -> Bytes.of(in.consumeBytes(in.consumeInt(0, 300)));
                    case 1 -> message(in, KeyInfo.of(2, KeyInfo.PAIRWISE, KeyInfo.ACK), anonce, Bytes.EMPTY, null);
                    case 2 -> message(in, flags(in), anonce, keyData(in, true), ptk);
                    default -> message(in, flags(in), EapolKey.ZERO_NONCE, keyData(in, false), ptk);
                };
                List<KeyAction> actions;
                try {
                    actions = sta.onEapol(pdu);
                } catch (MalformedFrameException refused) {
                    continue;
                }
                for (KeyAction a : actions) {
                    EapolKey sent = a instanceof KeyAction.Send s ? EapolKey.fromPdu(s.pdu()) : null;
                    if (sent != null && sent.keyInfo().pairwise() && !sent.nonce().equals(EapolKey.ZERO_NONCE) && !anonce.equals(ptkAnonce)) {
                        // message 2 for this ANonce: the PTK the authenticator now shares
                        ptk = Ptk.derive(SecretKeyBytes.copyOf(pmkOctets), AA, SPA, anonce, sent.nonce(), 16, false);
                        ptkAnonce = anonce;
                    } else if (a instanceof KeyAction.Install i) {
                        // as the station keeps them: the PTK, and the last GTK, IGTK and BIGTK whatever their index
                        String slot = i.key().isPairwise() ? "PTK" : i.key().alg() + (i.key().keyIdx() >= 6 ? "/BIGTK" : "");
                        if (i.key().key().toHex().equals(current.put(slot, i.key().key().toHex()))) {
                            throw new IllegalStateException("the installed key installed again: " + i.key());
                        }
                    }
                }
            }
        }
    }


    private static KeyInfo flags(FuzzedDataProvider in) {
        List<Integer> chosen = new ArrayList<>();
        for (int f : FLAGS) {
            if (in.consumeBoolean()) {
                chosen.add(f);
            }
        }
        return KeyInfo.of(2, chosen.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Key data with the elements message 3 (or group message 1) carries, each possibly bent by the fuzzer. */
    private static List<InformationElement> keyData(FuzzedDataProvider in, boolean withRsn) {
        List<InformationElement> l = new ArrayList<>();
        if (withRsn && in.consumeBoolean()) {
            l.add(AP_RSN);
        }
        if (in.consumeBoolean()) {
            // GTK KDE: key ID and Tx bit, a reserved octet, the GTK (any length the fuzzer likes)
            l.add(kde(KDE_GTK, in.consumeBytes(2 + in.consumeInt(0, 40))));
        }
        if (in.consumeBoolean()) {
            // IGTK or BIGTK KDE: key ID (2), IPN (6), key
            l.add(kde(in.consumeBoolean() ? KDE_IGTK : KDE_BIGTK, in.consumeBytes(8 + in.consumeInt(0, 24))));
        }
        if (in.consumeBoolean()) {
            l.add(new InformationElement(in.consumeInt(0, 255), Bytes.of(in.consumeBytes(in.consumeInt(0, 40)))));
        }
        return l;
    }

    private static InformationElement kde(int type, byte[] body) {
        byte[] b = new byte[4 + body.length];
        b[0] = 0x00;
        b[1] = 0x0f;
        b[2] = (byte) 0xac;
        b[3] = (byte) type;
        System.arraycopy(body, 0, b, 4, body.length);
        return new InformationElement(0xdd, Bytes.of(b));
    }

    private static byte[] padded(byte[] b, int n) {
        return b.length == n ? b : java.util.Arrays.copyOf(b, n);
    }

    /** An EAPOL-Key PDU; with a PTK, its key data wrapped under the KEK and the whole signed under the KCK. */
    private static Bytes message(FuzzedDataProvider in, KeyInfo info, Bytes nonce, Object data, Ptk ptk) {
        long replay = in.consumeLong();
        Bytes rsc = Bytes.of(padded(in.consumeBytes(8), 8));
        Bytes keyData = Bytes.EMPTY;
        if (data instanceof List<?> elements && ptk != null) {
            @SuppressWarnings("unchecked")
            List<InformationElement> l = (List<InformationElement>) elements;
            keyData = Bytes.of(AesKeyWrap.wrap(ptk.kek(), new KeyData(l).encode(true).toArray()));
        }
        EapolKey k = new EapolKey(EapolKey.DESCRIPTOR_RSN, info, 16, replay, nonce, EapolKey.ZERO_16, rsc, EapolKey.ZERO_8, EapolKey.ZERO_16, keyData);
        return (ptk != null && info.mic() ? EapolMic.sign(ptk.kck(), k, 2) : k).toPdu(2);
    }
}
