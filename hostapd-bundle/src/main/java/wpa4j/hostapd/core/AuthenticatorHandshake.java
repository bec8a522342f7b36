package wpa4j.hostapd.core;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import wpa4j.common.codec.MalformedFrameException;
import wpa4j.common.crypto.AesKeyWrap;
import wpa4j.common.crypto.EapolMic;
import wpa4j.common.crypto.Ptk;
import wpa4j.common.crypto.SecretKeyBytes;
import wpa4j.common.eapol.EapolFrame;
import wpa4j.common.eapol.EapolKey;
import wpa4j.common.eapol.KeyData;
import wpa4j.common.eapol.KeyInfo;
import wpa4j.common.eapol.KeyMessage;
import wpa4j.common.frame.ReasonCode;
import wpa4j.common.ie.InformationElement;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.KeyAlg;
import wpa4j.driver.types.KeyParams;
import wpa4j.driver.types.MacAddress;

/**
 * The authenticator side of the WPA2-PSK 4-way and group key handshakes for one station (IEEE
 * 802.11-2012 11.6.6/11.6.7, hostapd's wpa_auth state machine reduced to PSK and CCMP). Every message
 * sent takes a new replay counter; a reply must carry the counter of one of the copies of the message being
 * negotiated (a retransmission crosses a slow reply, as hostapd's key_replay list allows) and a valid MIC,
 * else it is rejected as malformed and changes nothing.
 */
final class AuthenticatorHandshake implements AutoCloseable {
    /** hostapd's default eapol_version. */
    static final int EAPOL_VERSION = 2;

    enum Step { PTK_START, PTK_NEGOTIATING, PTK_DONE, GROUP_NEGOTIATING }

    /** The PSKs this station may use, tried in order on message 2 (its own from wpa_psk_file, then the BSS's), as hostapd does. */
    private final List<SecretKeyBytes> pmks;
    private final MacAddress aa;
    private final MacAddress spa;
    private final Bytes staRsnBody;
    private final InformationElement apRsn;
    private final Bytes anonce;
    private long replayCounter;
    /** The counters of the copies sent of the current message; a reply to any of them is valid. */
    private final Set<Long> pending = new HashSet<>();
    private Step step = Step.PTK_START;
    private Ptk ptk;

    AuthenticatorHandshake(SecretKeyBytes pmk, MacAddress aa, MacAddress spa, Bytes staRsnBody, InformationElement apRsn, SecureRandom random) {
        this(List.of(pmk), aa, spa, staRsnBody, apRsn, random);
    }

    AuthenticatorHandshake(List<SecretKeyBytes> pmks, MacAddress aa, MacAddress spa, Bytes staRsnBody, InformationElement apRsn, SecureRandom random) {
        this.pmks = List.copyOf(pmks);
        this.aa = aa;
        this.spa = spa;
        this.staRsnBody = staRsnBody;
        this.apRsn = apRsn;
        byte[] n = new byte[32];
        random.nextBytes(n);
        this.anonce = Bytes.of(n);
    }

    Step step() {
        return step;
    }

    /** Message 1 (again): the step's message for a start or a retransmission. */
    Bytes nextMessage(Gtk gtk) {
        return switch (step) {
            case PTK_START -> message1();
            case PTK_NEGOTIATING -> message3(gtk);
            case GROUP_NEGOTIATING -> group1(gtk);
            case PTK_DONE -> throw new IllegalStateException("nothing to send after the handshake");
        };
    }

    /** Starts a group key handshake with the new GTK. */
    Bytes startGroupRekey(Gtk gtk) {
        step = Step.GROUP_NEGOTIATING;
        pending.clear();
        return group1(gtk);
    }

    private Bytes message1() {
        EapolKey m1 = new EapolKey(EapolKey.DESCRIPTOR_RSN, KeyInfo.of(KeyInfo.VERSION_HMAC_SHA1_AES, KeyInfo.PAIRWISE, KeyInfo.ACK), 16,
                nextCounter(), anonce, EapolKey.ZERO_16, EapolKey.ZERO_8, EapolKey.ZERO_8, EapolKey.ZERO_16, Bytes.EMPTY);
        return m1.toPdu(EAPOL_VERSION);
    }

    private Bytes message3(Gtk gtk) {
        KeyData data = new KeyData(List.of(apRsn, KeyData.gtkKde(new KeyData.Gtk(gtk.keyId(), false, Bytes.of(gtk.key().copy())))));
        EapolKey m3 = new EapolKey(EapolKey.DESCRIPTOR_RSN, KeyInfo.of(KeyInfo.VERSION_HMAC_SHA1_AES, KeyInfo.PAIRWISE, KeyInfo.ACK,
                KeyInfo.MIC, KeyInfo.INSTALL, KeyInfo.SECURE, KeyInfo.ENCRYPTED_KEY_DATA), 16, nextCounter(), anonce, EapolKey.ZERO_16,
                gtk.rsc(), EapolKey.ZERO_8, EapolKey.ZERO_16, wrap(data));
        return EapolMic.sign(ptk.kck(), m3, EAPOL_VERSION).toPdu(EAPOL_VERSION);
    }

    private Bytes group1(Gtk gtk) {
        KeyData data = new KeyData(List.of(KeyData.gtkKde(new KeyData.Gtk(gtk.keyId(), false, Bytes.of(gtk.key().copy())))));
        EapolKey g1 = new EapolKey(EapolKey.DESCRIPTOR_RSN, KeyInfo.of(KeyInfo.VERSION_HMAC_SHA1_AES, KeyInfo.ACK, KeyInfo.MIC, KeyInfo.SECURE,
                KeyInfo.ENCRYPTED_KEY_DATA), 0, nextCounter(), EapolKey.ZERO_NONCE, EapolKey.ZERO_16, gtk.rsc(), EapolKey.ZERO_8,
                EapolKey.ZERO_16, wrap(data));
        return EapolMic.sign(ptk.kck(), g1, EAPOL_VERSION).toPdu(EAPOL_VERSION);
    }

    /** A new replay counter for a message (or a copy of it) of the current step. */
    private long nextCounter() {
        pending.add(++replayCounter);
        return replayCounter;
    }

    private Bytes wrap(KeyData data) {
        byte[] plain = data.encode(true).toArray();
        try {
            return Bytes.of(AesKeyWrap.wrap(ptk.kek(), plain));
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    List<ApKeyAction> onEapol(Bytes pdu, Gtk gtk) throws MalformedFrameException {
        EapolKey key = EapolKey.fromPdu(pdu);
        if (key.descriptorType() != EapolKey.DESCRIPTOR_RSN || key.keyInfo().descriptorVersion() != KeyInfo.VERSION_HMAC_SHA1_AES) {
            throw new MalformedFrameException(4, "only RSN descriptors with HMAC-SHA1/AES (CCMP) are accepted");
        }
        if (!pending.contains(key.replayCounter())) {
            throw new MalformedFrameException(9, "replay counter " + Long.toUnsignedString(key.replayCounter()) + " is not one of the message being negotiated");
        }
        int version = EapolFrame.decode(pdu).version();
        KeyMessage msg = KeyMessage.classify(key, KeyMessage.Role.AUTHENTICATOR);
        if (msg == KeyMessage.PAIRWISE_2 && step == Step.PTK_START) {
            return message2(key, version, gtk);
        }
        if (msg == KeyMessage.PAIRWISE_4 && step == Step.PTK_NEGOTIATING) {
            verify(key, version, "message 4");
            step = Step.PTK_DONE;
            pending.clear();
            return List.of(new ApKeyAction.Install(KeyParams.pairwise(KeyAlg.CCMP, spa, Bytes.of(new byte[6]), Bytes.of(ptk.tk().copy()))),
                    new ApKeyAction.PairwiseDone());
        }
        if (msg == KeyMessage.GROUP_2 && step == Step.GROUP_NEGOTIATING) {
            verify(key, version, "group message 2");
            step = Step.PTK_DONE;
            pending.clear();
            return List.of(new ApKeyAction.GroupDone());
        }
        throw new MalformedFrameException(5, msg + " is not expected in step " + step);
    }

    private List<ApKeyAction> message2(EapolKey m2, int version, Gtk gtk) throws MalformedFrameException {
        Ptk candidate = null;
        for (SecretKeyBytes pmk : pmks) {
            Ptk p = Ptk.derive(pmk, aa, spa, anonce, m2.nonce(), 16, false);
            if (EapolMic.verify(p.kck(), m2, version)) {
                candidate = p;
                break;
            }
            p.destroy();
        }
        if (candidate == null) {
            return List.of(new ApKeyAction.PskMismatch());
        }
        if (ptk != null) {
            ptk.destroy();
        }
        ptk = candidate;
        boolean sameIe = KeyData.decode(m2.keyData()).rsnElement().map(e -> e.body().equals(staRsnBody)).orElse(false);
        if (!sameIe) {
            return List.of(new ApKeyAction.Deauth(ReasonCode.IE_IN_4WAY_DIFFERS));
        }
        step = Step.PTK_NEGOTIATING;
        pending.clear();
        return List.of(new ApKeyAction.Send(message3(gtk)));
    }

    private void verify(EapolKey key, int version, String what) throws MalformedFrameException {
        if (ptk == null || !EapolMic.verify(ptk.kck(), key, version)) {
            throw new MalformedFrameException(81, what + " MIC failure");
        }
    }

    @Override
    public void close() {
        if (ptk != null) {
            ptk.destroy();
        }
    }
}
