package wpa4j.hostapd.core;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

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
import wpa4j.common.ie.ElementId;
import wpa4j.common.ie.InformationElement;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.KeyAlg;
import wpa4j.driver.types.KeyParams;
import wpa4j.driver.types.MacAddress;

/**
 * The authenticator side of the 4-way and group key handshakes for one station (IEEE 802.11-2020 12.7.6/12.7.7,
 * hostapd's wpa_auth state machine reduced to CCMP and the PSK, PSK-SHA256 and SAE AKMs). The AKM decides the key
 * derivation and the descriptor version (MIC); with PMF the IGTK (and the BIGTK of beacon protection) goes with the
 * GTK. Every message sent takes a new replay counter; a reply must carry the counter of one of the copies of the
 * message being negotiated (a retransmission crosses a slow reply, as hostapd's key_replay list allows), the AKM's
 * descriptor version and a valid MIC, else it is rejected as malformed and changes nothing.
 */
final class AuthenticatorHandshake implements AutoCloseable {
    /** hostapd's default eapol_version. */
    static final int EAPOL_VERSION = 2;

    enum Step { PTK_START, PTK_NEGOTIATING, PTK_DONE, GROUP_NEGOTIATING }

    /**
     * What the association settled for this station.
     *
     * @param akm the negotiated AKM
     * @param mfp whether PMF is used (the IGTK, and the BIGTK when the BSS protects its Beacons, are handed out)
     * @param pmks the PMKs to try on message 2, in order (its own PSK, the BSS's; or the one from SAE); not owned here
     * @param pmkid the PMKID for message 1's PMKID KDE (SAE, as hostapd sends it), if any
     * @param staRsnBody the station's RSN element body from its association request
     * @param staRsnxe the station's RSN Extension element body, if it sent one
     * @param apIes the AP's RSN (and RSN Extension) elements, repeated in message 3
     */
    record Setup(Akm akm, boolean mfp, List<SecretKeyBytes> pmks, Optional<Bytes> pmkid, Bytes staRsnBody, Optional<Bytes> staRsnxe,
            List<InformationElement> apIes) {
        Setup {
            pmks = List.copyOf(pmks);
            apIes = List.copyOf(apIes);
        }

        /** WPA2-PSK without PMF, the station's RSNE {@code staRsnBody}, ours {@code apRsn}. */
        static Setup wpa2(List<SecretKeyBytes> pmks, Bytes staRsnBody, InformationElement apRsn) {
            return new Setup(Akm.PSK, false, pmks, Optional.empty(), staRsnBody, Optional.empty(), List.of(apRsn));
        }
    }

    private final Setup setup;
    private final MacAddress aa;
    private final MacAddress spa;
    private final SecureRandom random;
    private Bytes anonce;
    /** The replay counter of the station's last accepted EAPOL-Key Request (hostapd's req_replay_counter), null before one. */
    private Long lastRequest;
    private long replayCounter;
    /** The counters of the copies sent of the current message; a reply to any of them is valid. */
    private final Set<Long> pending = new HashSet<>();
    private Step step = Step.PTK_START;
    private Ptk ptk;

    AuthenticatorHandshake(SecretKeyBytes pmk, MacAddress aa, MacAddress spa, Bytes staRsnBody, InformationElement apRsn, SecureRandom random) {
        this(Setup.wpa2(List.of(pmk), staRsnBody, apRsn), aa, spa, random);
    }

    AuthenticatorHandshake(Setup setup, MacAddress aa, MacAddress spa, SecureRandom random) {
        this(setup, aa, spa, random, 0);
    }

    /**
     * @param lastCounter the replay counter the station's previous handshake with us ended at: this one continues
     *        above it, so a message of that handshake still in flight (a retried association under loss) is refused
     *        as a replay rather than failing its MIC and passing for a wrong passphrase
     */
    AuthenticatorHandshake(Setup setup, MacAddress aa, MacAddress spa, SecureRandom random, long lastCounter) {
        this.replayCounter = lastCounter;
        this.setup = setup;
        this.aa = aa;
        this.spa = spa;
        this.random = random;
        this.anonce = nonce(random);
    }

    private static Bytes nonce(SecureRandom random) {
        byte[] n = new byte[32];
        random.nextBytes(n);
        return Bytes.of(n);
    }

    /** The replay counter of the last message sent. */
    long replayCounter() {
        return replayCounter;
    }

    Akm akm() {
        return setup.akm();
    }

    boolean mfp() {
        return setup.mfp();
    }

    Step step() {
        return step;
    }

    /** The step's message for a start or a retransmission. */
    Bytes nextMessage(GroupKeys keys) {
        return nextMessage(() -> keys);
    }

    /**
     * As {@link #nextMessage(GroupKeys)}, the group keys asked for only by a message that carries them (3/4, group 1/2):
     * reading their counters is a driver call each (hostapd's wpa_auth_get_seqnum, in the same places).
     */
    Bytes nextMessage(Supplier<GroupKeys> keys) {
        return switch (step) {
            case PTK_START -> message1();
            case PTK_NEGOTIATING -> message3(keys);
            case GROUP_NEGOTIATING -> group1(keys);
            case PTK_DONE -> throw new IllegalStateException("nothing to send after the handshake");
        };
    }

    /**
     * Starts a PTK rekey over the running association (hostapd's wpa_ptk_rekey, or the station's Request): a 4-way
     * handshake with a new ANonce. The installed PTK protects the link until message 4 installs the new one.
     */
    Bytes startPtkRekey() {
        if (step != Step.PTK_DONE) {
            throw new IllegalStateException("a PTK rekey needs a finished handshake, not " + step);
        }
        anonce = nonce(random);
        step = Step.PTK_START;
        pending.clear();
        return message1();
    }

    /** Starts a group key handshake with the new GTK (and IGTK, BIGTK). */
    Bytes startGroupRekey(GroupKeys keys) {
        step = Step.GROUP_NEGOTIATING;
        pending.clear();
        return group1(() -> keys);
    }

    private KeyInfo keyInfo(int... flags) {
        return KeyInfo.of(setup.akm().descriptorVersion(), flags);
    }

    /** Message 1 carries, in clear, the PMKID KDE of an SAE PMKSA (hostapd does so for SAE only: with a PSK it would help offline guessing). */
    private Bytes message1() {
        Bytes data = setup.pmkid().map(id -> new KeyData(List.of(KeyData.pmkidKde(id))).encode(false)).orElse(Bytes.EMPTY);
        EapolKey m1 = new EapolKey(EapolKey.DESCRIPTOR_RSN, keyInfo(KeyInfo.PAIRWISE, KeyInfo.ACK), 16, nextCounter(), anonce, EapolKey.ZERO_16,
                EapolKey.ZERO_8, EapolKey.ZERO_8, EapolKey.ZERO_16, data);
        return m1.toPdu(EAPOL_VERSION);
    }

    private Bytes message3(Supplier<GroupKeys> current) {
        GroupKeys keys = current.get();
        List<InformationElement> data = new ArrayList<>(setup.apIes());
        data.addAll(groupKdes(keys));
        EapolKey m3 = new EapolKey(EapolKey.DESCRIPTOR_RSN, keyInfo(KeyInfo.PAIRWISE, KeyInfo.ACK, KeyInfo.MIC, KeyInfo.INSTALL, KeyInfo.SECURE,
                KeyInfo.ENCRYPTED_KEY_DATA), 16, nextCounter(), anonce, EapolKey.ZERO_16, keys.gtk().rsc(), EapolKey.ZERO_8, EapolKey.ZERO_16,
                wrap(new KeyData(data)));
        return EapolMic.sign(ptk.kck(), m3, EAPOL_VERSION).toPdu(EAPOL_VERSION);
    }

    private Bytes group1(Supplier<GroupKeys> current) {
        GroupKeys keys = current.get();
        EapolKey g1 = new EapolKey(EapolKey.DESCRIPTOR_RSN, keyInfo(KeyInfo.ACK, KeyInfo.MIC, KeyInfo.SECURE, KeyInfo.ENCRYPTED_KEY_DATA), 0,
                nextCounter(), EapolKey.ZERO_NONCE, EapolKey.ZERO_16, keys.gtk().rsc(), EapolKey.ZERO_8, EapolKey.ZERO_16,
                wrap(new KeyData(groupKdes(keys))));
        return EapolMic.sign(ptk.kck(), g1, EAPOL_VERSION).toPdu(EAPOL_VERSION);
    }

    /**
     * The GTK KDE (no Tx bit: pairwise keys are in use) and, for a station with PMF, the IGTK KDE and, when the BSS
     * protects its Beacons, the BIGTK KDE, in hostapd's order (ieee80211w_kde_add: whatever the station's own Extended
     * Capabilities say).
     */
    private List<InformationElement> groupKdes(GroupKeys keys) {
        Gtk gtk = keys.gtk();
        List<InformationElement> l = new ArrayList<>(3);
        l.add(KeyData.gtkKde(new KeyData.Gtk(gtk.keyId(), false, Bytes.of(gtk.key().copy()))));
        if (setup.mfp()) {
            l.add(KeyData.igtkKde(keys.igtk().orElseThrow(() -> new IllegalStateException("PMF negotiated but the BSS has no IGTK"))));
            keys.bigtk().ifPresent(b -> l.add(KeyData.bigtkKde(b)));
        }
        return l;
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

    List<ApKeyAction> onEapol(Bytes pdu, GroupKeys keys) throws MalformedFrameException {
        return onEapol(pdu, () -> keys);
    }

    /** As {@link #onEapol(Bytes, GroupKeys)}, the group keys asked for only when the answer carries them. */
    List<ApKeyAction> onEapol(Bytes pdu, Supplier<GroupKeys> keys) throws MalformedFrameException {
        EapolKey key = EapolKey.fromPdu(pdu);
        setup.akm().rsn().requireDescriptor(key);
        int version = EapolFrame.decode(pdu).version();
        KeyMessage msg = KeyMessage.classify(key, KeyMessage.Role.AUTHENTICATOR);
        if (msg == KeyMessage.REQUEST) {
            return request(key, version);
        }
        if (!pending.contains(key.replayCounter())) {
            throw new MalformedFrameException(9, "replay counter " + Long.toUnsignedString(key.replayCounter()) + " is not one of the message being negotiated");
        }
        if (msg == KeyMessage.PAIRWISE_2 && step == Step.PTK_START) {
            return message2(key, version, keys);
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

    private List<ApKeyAction> message2(EapolKey m2, int version, Supplier<GroupKeys> keys) throws MalformedFrameException {
        Ptk candidate = null;
        for (SecretKeyBytes pmk : setup.pmks()) {
            Ptk p = Ptk.derive(pmk, aa, spa, anonce, m2.nonce(), 16, setup.akm().sha256Kdf());
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
        KeyData data = KeyData.decode(m2.keyData());
        boolean sameIe = data.rsnElement().map(e -> e.body().equals(setup.staRsnBody())).orElse(false);
        // as hostapd: the RSNXE of message 2 must be the association request's, both present or both absent
        Optional<Bytes> rsnxe = data.elements().stream().filter(e -> e.id() == ElementId.RSNX).findFirst().map(InformationElement::body);
        if (!sameIe || !rsnxe.equals(setup.staRsnxe())) {
            return List.of(new ApKeyAction.Deauth(ReasonCode.IE_IN_4WAY_DIFFERS));
        }
        step = Step.PTK_NEGOTIATING;
        pending.clear();
        return List.of(new ApKeyAction.Send(message3(keys)));
    }

    /**
     * An EAPOL-Key Request from the station, as hostapd's wpa_receive takes it: MIC under the current PTK, a replay
     * counter above the last Request's. A pairwise Request asks for a new PTK (wpa_supplicant's wpa_ptk_rekey); an
     * Error (Michael MIC failure report) concerns TKIP only, which is not offered here, and changes nothing.
     */
    private List<ApKeyAction> request(EapolKey key, int version) throws MalformedFrameException {
        verify(key, version, "EAPOL-Key Request");
        if (lastRequest != null && Long.compareUnsigned(key.replayCounter(), lastRequest) <= 0) {
            throw new MalformedFrameException(9, "Request replay counter " + Long.toUnsignedString(key.replayCounter()) + " did not increase");
        }
        lastRequest = key.replayCounter();
        if (key.keyInfo().pairwise() && !key.keyInfo().error() && (step == Step.PTK_DONE || step == Step.GROUP_NEGOTIATING)) {
            // during a group handshake too, as hostapd's wpa_request_new_ptk: the AP core starts it once that is done
            return List.of(new ApKeyAction.PtkRekeyRequested());
        }
        return List.of();
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
