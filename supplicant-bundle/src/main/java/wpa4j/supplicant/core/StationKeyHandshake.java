package wpa4j.supplicant.core;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

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
import wpa4j.supplicant.SupplicantState;

/**
 * The supplicant side of the 4-way and group key handshakes (IEEE 802.11-2020 12.7.6, 12.7.7) for CCMP, for one
 * association, with the negotiated AKM's algorithms (PSK: HMAC-SHA1/PRF-SHA1; PSK-SHA256: AES-CMAC/SHA-256 KDF;
 * SAE: the same, AKM-defined), with PMF the IGTK and with beacon protection the BIGTK. Each received EAPOL-Key frame
 * yields the actions to take; a frame that fails any check (role rules, replay counter, ANonce, MIC, key wrap, a
 * malformed GTK/IGTK/BIGTK KDE) is rejected as malformed: nothing is installed or sent (a frame whose MIC verified
 * has already advanced the replay counter, as in wpa_supplicant). Keys already installed are not installed again by a
 * retransmitted message.
 */
final class StationKeyHandshake implements AutoCloseable {
    /** wpa_supplicant's default eapol_version. */
    static final int EAPOL_VERSION = 1;

    private final SecretKeyBytes pmk;
    private final LinkSecurity link;
    private final MacAddress aa;
    private final MacAddress spa;
    private final List<InformationElement> ownIes;
    private final Bytes apRsnFromBeacon;
    private final Optional<Bytes> apRsnxFromBeacon;
    private final SecureRandom random;
    private Long lastReplay;
    /** The replay counter of our next EAPOL-Key Request (wpa_supplicant's request_counter). */
    private long requestCounter;
    private Bytes anonce;
    private Bytes snonce;
    private Ptk tptk;
    private Ptk ptk;
    private final GroupKeySlot gtkSlot = new GroupKeySlot(KeyAlg.CCMP);
    private final GroupKeySlot igtkSlot = new GroupKeySlot(KeyAlg.IGTK);
    private final GroupKeySlot bigtkSlot = new GroupKeySlot(KeyAlg.IGTK);

    /**
     * @param ownIes the RSN (and RSNX) elements of our (Re)Association Request, sent again in message 2
     * @param apRsnxFromBeacon the AP's RSNX element body, when its Beacon had one: message 3 must carry the same
     */
    StationKeyHandshake(SecretKeyBytes pmk, LinkSecurity link, MacAddress aa, MacAddress spa, List<InformationElement> ownIes,
            Bytes apRsnFromBeacon, Optional<Bytes> apRsnxFromBeacon, SecureRandom random) {
        this.pmk = pmk;
        this.link = link;
        this.aa = aa;
        this.spa = spa;
        this.ownIes = List.copyOf(ownIes);
        this.apRsnFromBeacon = apRsnFromBeacon;
        this.apRsnxFromBeacon = apRsnxFromBeacon;
        this.random = random;
    }

    boolean ptkInstalled() {
        return ptk != null;
    }

    /** Whether message 2 went out for this association's first handshake and no valid message 3 came. */
    boolean awaitingFirstMessage3() {
        return ptk == null && tptk != null;
    }

    /**
     * An EAPOL-Key Request for a new PTK (wpa_supplicant's wpa_sm_key_request with pairwise set, as for wpa_ptk_rekey),
     * under the installed PTK; the AP answers with a new 4-way handshake.
     */
    Bytes ptkRekeyRequest() {
        if (ptk == null) {
            throw new IllegalStateException("no PTK to renew yet");
        }
        EapolKey req = new EapolKey(EapolKey.DESCRIPTOR_RSN, KeyInfo.of(link.descriptorVersion(), KeyInfo.REQUEST, KeyInfo.PAIRWISE, KeyInfo.MIC,
                KeyInfo.SECURE), 0, requestCounter++, EapolKey.ZERO_NONCE, EapolKey.ZERO_16, EapolKey.ZERO_8, EapolKey.ZERO_8, EapolKey.ZERO_16,
                Bytes.EMPTY);
        return EapolMic.sign(ptk.kck(), req, EAPOL_VERSION).toPdu(EAPOL_VERSION);
    }

    /**
     * A PTK rekey (message 1 while a PTK is installed) that did not complete: its temporary PTK goes, the installed keys
     * stay, and a message 3 for that ANonce is refused. Message 1 needs no MIC, so anybody in range can start one.
     */
    void abandonRekey() {
        if (tptk != null && tptk != ptk) {
            tptk.destroy();
        }
        tptk = ptk;
        anonce = null;
        snonce = null;
    }

    List<KeyAction> onEapol(Bytes pdu) throws MalformedFrameException {
        EapolKey key = EapolKey.fromPdu(pdu);
        link.rsnAkm().requireDescriptor(key);
        if (lastReplay != null && Long.compareUnsigned(key.replayCounter(), lastReplay) <= 0) {
            throw new MalformedFrameException(9, "replay counter " + Long.toUnsignedString(key.replayCounter()) + " did not increase");
        }
        return switch (KeyMessage.classify(key, KeyMessage.Role.SUPPLICANT)) {
            case PAIRWISE_1 -> message1(key);
            case PAIRWISE_3 -> message3(key, EapolFrame.decode(pdu).version());
            case GROUP_1 -> group1(key, EapolFrame.decode(pdu).version());
            default -> throw new MalformedFrameException(5, "not a message for the supplicant");
        };
    }

    private List<KeyAction> message1(EapolKey m1) {
        if (anonce == null || !anonce.equals(m1.nonce())) {
            // a new handshake (or a new ANonce): a fresh SNonce and temporary PTK
            anonce = m1.nonce();
            byte[] sn = new byte[32];
            random.nextBytes(sn);
            snonce = Bytes.of(sn);
            if (tptk != null && tptk != ptk) {
                tptk.destroy();
            }
            tptk = Ptk.derive(pmk, aa, spa, anonce, snonce, 16, link.sha256Kdf());
        }
        EapolKey m2 = new EapolKey(EapolKey.DESCRIPTOR_RSN, KeyInfo.of(link.descriptorVersion(), KeyInfo.PAIRWISE, KeyInfo.MIC), 0,
                m1.replayCounter(), snonce, EapolKey.ZERO_16, EapolKey.ZERO_8, EapolKey.ZERO_8, EapolKey.ZERO_16,
                new KeyData(ownIes).encode(false));
        return List.of(new KeyAction.Enter(SupplicantState.FOUR_WAY_HANDSHAKE),
                new KeyAction.Send(EapolMic.sign(tptk.kck(), m2, EAPOL_VERSION).toPdu(EAPOL_VERSION)));
    }

    private List<KeyAction> message3(EapolKey m3, int rxVersion) throws MalformedFrameException {
        if (tptk == null) {
            throw new MalformedFrameException(0, "message 3 before message 1");
        }
        if (!m3.nonce().equals(anonce)) {
            throw new MalformedFrameException(17, "ANonce of message 3 differs from message 1");
        }
        if (!EapolMic.verify(tptk.kck(), m3, rxVersion)) {
            throw new MalformedFrameException(81, "message 3 MIC failure");
        }
        lastReplay = m3.replayCounter();
        KeyData data = unwrap(tptk.kek(), m3.keyData());
        List<KeyAction> actions = new ArrayList<>();
        Optional<Bytes> rsnx = data.elements().stream().filter(e -> e.id() == ElementId.RSNX).findFirst().map(InformationElement::body);
        if (data.rsnElement().isEmpty() || !data.rsnElement().get().body().equals(apRsnFromBeacon)
                || !apRsnxFromBeacon.equals(rsnx)) {
            // a downgrade of the RSN or RSNX element (e.g. SAE H2E stripped from the Beacon) ends the association
            actions.add(new KeyAction.Deauth(ReasonCode.IE_IN_4WAY_DIFFERS));
            return actions;
        }
        KeyData.Gtk gtk = ccmp(data.gtk().orElseThrow(() -> new MalformedFrameException(95, "message 3 without GTK")));
        Optional<KeyData.Igtk> igtk = data.igtk();
        if (link.mfp() && igtk.isEmpty()) {
            throw new MalformedFrameException(95, "message 3 without IGTK although PMF is in use");
        }
        Optional<KeyData.Bigtk> bigtk = bigtk(data);
        EapolKey m4 = new EapolKey(EapolKey.DESCRIPTOR_RSN, KeyInfo.of(link.descriptorVersion(), KeyInfo.PAIRWISE, KeyInfo.MIC,
                KeyInfo.SECURE), 0, m3.replayCounter(), EapolKey.ZERO_NONCE, EapolKey.ZERO_16, EapolKey.ZERO_8, EapolKey.ZERO_8,
                EapolKey.ZERO_16, Bytes.EMPTY);
        actions.add(new KeyAction.Send(EapolMic.sign(tptk.kck(), m4, EAPOL_VERSION).toPdu(EAPOL_VERSION)));
        if (ptk != tptk) {
            if (ptk != null) {
                ptk.destroy();
            }
            ptk = tptk;
            actions.add(new KeyAction.Install(KeyParams.pairwise(KeyAlg.CCMP, aa, Bytes.of(new byte[6]), Bytes.of(ptk.tk().copy()))));
        }
        actions.addAll(installGroupKeys(gtk, m3.rsc(), igtk, bigtk));
        actions.add(new KeyAction.Enter(SupplicantState.COMPLETED));
        return actions;
    }

    private List<KeyAction> group1(EapolKey g1, int rxVersion) throws MalformedFrameException {
        if (ptk == null) {
            throw new MalformedFrameException(0, "group message 1 before the PTK");
        }
        if (!EapolMic.verify(ptk.kck(), g1, rxVersion)) {
            throw new MalformedFrameException(81, "group message 1 MIC failure");
        }
        lastReplay = g1.replayCounter();
        KeyData data = unwrap(ptk.kek(), g1.keyData());
        KeyData.Gtk gtk = ccmp(data.gtk().orElseThrow(() -> new MalformedFrameException(95, "group message 1 without GTK")));
        Optional<KeyData.Igtk> igtk = data.igtk();
        Optional<KeyData.Bigtk> bigtk = bigtk(data);
        EapolKey g2 = new EapolKey(EapolKey.DESCRIPTOR_RSN, KeyInfo.of(link.descriptorVersion(), KeyInfo.MIC, KeyInfo.SECURE), 0,
                g1.replayCounter(), EapolKey.ZERO_NONCE, EapolKey.ZERO_16, EapolKey.ZERO_8, EapolKey.ZERO_8, EapolKey.ZERO_16, Bytes.EMPTY);
        List<KeyAction> actions = new ArrayList<>();
        actions.add(new KeyAction.Enter(SupplicantState.GROUP_HANDSHAKE));
        actions.addAll(installGroupKeys(gtk, g1.rsc(), igtk, bigtk));
        actions.add(new KeyAction.Send(EapolMic.sign(ptk.kck(), g2, EAPOL_VERSION).toPdu(EAPOL_VERSION)));
        actions.add(new KeyAction.Enter(SupplicantState.COMPLETED));
        return actions;
    }

    /** A GTK for the group cipher of this link, CCMP-128: 16 octets (the KDE allows 5..32 for other ciphers). */
    private static KeyData.Gtk ccmp(KeyData.Gtk gtk) throws MalformedFrameException {
        if (gtk.gtk().length() != 16) {
            throw new MalformedFrameException(95, "GTK of " + gtk.gtk().length() + " octets, CCMP needs 16");
        }
        return gtk;
    }

    /**
     * The BIGTK KDE, read (and a malformed one refused) only when beacon protection is in use on this link; otherwise
     * it is not looked at, as wpa_supplicant ignores it with beacon_prot=0.
     */
    private Optional<KeyData.Bigtk> bigtk(KeyData data) throws MalformedFrameException {
        return link.beaconProt() ? data.bigtk() : Optional.empty();
    }

    /**
     * The group keys of message 3 or group message 1, each installed only when new: the GTK (its RSC as the receive
     * counter), with PMF the IGTK (its IPN), with beacon protection the BIGTK (key index 6/7, its BIPN). A retransmitted
     * message reinstalls nothing, so no PN/IPN/BIPN is reset (KRACK).
     */
    private List<KeyAction> installGroupKeys(KeyData.Gtk gtk, Bytes rsc, Optional<KeyData.Igtk> igtk, Optional<KeyData.Bigtk> bigtk) {
        List<KeyAction> actions = new ArrayList<>(gtkSlot.offer(gtk.keyId(), rsc.slice(0, 6), gtk.gtk()));
        if (link.mfp()) {
            igtk.ifPresent(k -> actions.addAll(igtkSlot.offer(k.keyId(), k.ipn(), k.igtk())));
        }
        if (link.beaconProt()) {
            bigtk.ifPresent(k -> actions.addAll(bigtkSlot.offer(k.keyId(), k.bipn(), k.bigtk())));
        }
        return actions;
    }

    /**
     * One kind of group key (GTK, IGTK or BIGTK) as last installed: its index and a copy of its octets, kept only to tell
     * a retransmitted key (same index and octets: not installed again) from a new one, compared in constant time and
     * zeroed when replaced or when the handshake ends.
     */
    private static final class GroupKeySlot {
        private final KeyAlg alg;
        private SecretKeyBytes key;

        GroupKeySlot(KeyAlg alg) {
            this.alg = alg;
        }

        /**
         * The install action for this key, or none when it is the one already installed, under whatever key ID (as
         * wpa_supplicant's check of the key octets only): installed again under another ID, its receive counter would
         * start over there, and frames captured under the old ID could be replayed with the ID changed (the Key ID
         * octet is outside CCMP's MIC). Fuzzing found it.
         */
        List<KeyAction> offer(int id, Bytes seq, Bytes octets) {
            SecretKeyBytes offered = SecretKeyBytes.adopt(octets.toArray());
            if (key != null && key.sameAs(offered)) {
                offered.destroy();
                return List.of();
            }
            destroy();
            key = offered;
            return List.of(new KeyAction.Install(KeyParams.group(alg, id, false, seq, octets)));
        }

        void destroy() {
            if (key != null) {
                key.destroy();
                key = null;
            }
        }
    }

    private static KeyData unwrap(SecretKeyBytes kek, Bytes wrapped) throws MalformedFrameException {
        byte[] plain = AesKeyWrap.unwrap(kek, wrapped.toArray());
        try {
            return KeyData.decode(Bytes.of(plain));
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    @Override
    public void close() {
        if (tptk != null) {
            tptk.destroy();
        }
        if (ptk != null) {
            ptk.destroy();
        }
        gtkSlot.destroy();
        igtkSlot.destroy();
        bigtkSlot.destroy();
    }
}
