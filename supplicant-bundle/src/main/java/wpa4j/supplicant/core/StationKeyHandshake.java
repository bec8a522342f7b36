package wpa4j.supplicant.core;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
import wpa4j.supplicant.SupplicantState;

/**
 * The supplicant side of the WPA2-PSK 4-way and group key handshakes (IEEE 802.11-2012 11.6.6, 11.6.7)
 * for CCMP, for one association. Each received EAPOL-Key frame yields the actions to take; a frame that
 * fails any check (role rules, replay counter, ANonce, MIC, key wrap) is rejected as malformed and changes
 * nothing. Keys already installed are not installed again by a retransmitted message.
 */
final class StationKeyHandshake implements AutoCloseable {
    /** wpa_supplicant's default eapol_version. */
    static final int EAPOL_VERSION = 1;

    private final SecretKeyBytes pmk;
    private final MacAddress aa;
    private final MacAddress spa;
    private final InformationElement ownRsn;
    private final Bytes apRsnFromBeacon;
    private final SecureRandom random;
    private Long lastReplay;
    private Bytes anonce;
    private Bytes snonce;
    private Ptk tptk;
    private Ptk ptk;
    private KeyData.Gtk installedGtk;

    StationKeyHandshake(SecretKeyBytes pmk, MacAddress aa, MacAddress spa, InformationElement ownRsn, Bytes apRsnFromBeacon,
            SecureRandom random) {
        this.pmk = pmk;
        this.aa = aa;
        this.spa = spa;
        this.ownRsn = ownRsn;
        this.apRsnFromBeacon = apRsnFromBeacon;
        this.random = random;
    }

    boolean ptkInstalled() {
        return ptk != null;
    }

    List<KeyAction> onEapol(Bytes pdu) throws MalformedFrameException {
        EapolKey key = EapolKey.fromPdu(pdu);
        if (key.descriptorType() != EapolKey.DESCRIPTOR_RSN || key.keyInfo().descriptorVersion() != KeyInfo.VERSION_HMAC_SHA1_AES) {
            throw new MalformedFrameException(4, "only RSN descriptors with HMAC-SHA1/AES (CCMP) are accepted");
        }
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
            tptk = Ptk.derive(pmk, aa, spa, anonce, snonce, 16, false);
        }
        EapolKey m2 = new EapolKey(EapolKey.DESCRIPTOR_RSN, KeyInfo.of(KeyInfo.VERSION_HMAC_SHA1_AES, KeyInfo.PAIRWISE, KeyInfo.MIC), 0,
                m1.replayCounter(), snonce, EapolKey.ZERO_16, EapolKey.ZERO_8, EapolKey.ZERO_8, EapolKey.ZERO_16,
                new KeyData(List.of(ownRsn)).encode(false));
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
        if (data.rsnElement().isEmpty() || !data.rsnElement().get().body().equals(apRsnFromBeacon)) {
            actions.add(new KeyAction.Deauth(ReasonCode.IE_IN_4WAY_DIFFERS));
            return actions;
        }
        KeyData.Gtk gtk = data.gtk().orElseThrow(() -> new MalformedFrameException(95, "message 3 without GTK"));
        EapolKey m4 = new EapolKey(EapolKey.DESCRIPTOR_RSN, KeyInfo.of(KeyInfo.VERSION_HMAC_SHA1_AES, KeyInfo.PAIRWISE, KeyInfo.MIC,
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
        actions.addAll(installGtk(gtk, m3.rsc()));
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
        KeyData.Gtk gtk = unwrap(ptk.kek(), g1.keyData()).gtk().orElseThrow(() -> new MalformedFrameException(95, "group message 1 without GTK"));
        EapolKey g2 = new EapolKey(EapolKey.DESCRIPTOR_RSN, KeyInfo.of(KeyInfo.VERSION_HMAC_SHA1_AES, KeyInfo.MIC, KeyInfo.SECURE), 0,
                g1.replayCounter(), EapolKey.ZERO_NONCE, EapolKey.ZERO_16, EapolKey.ZERO_8, EapolKey.ZERO_8, EapolKey.ZERO_16, Bytes.EMPTY);
        List<KeyAction> actions = new ArrayList<>();
        actions.add(new KeyAction.Enter(SupplicantState.GROUP_HANDSHAKE));
        actions.addAll(installGtk(gtk, g1.rsc()));
        actions.add(new KeyAction.Send(EapolMic.sign(ptk.kck(), g2, EAPOL_VERSION).toPdu(EAPOL_VERSION)));
        actions.add(new KeyAction.Enter(SupplicantState.COMPLETED));
        return actions;
    }

    private List<KeyAction> installGtk(KeyData.Gtk gtk, Bytes rsc) {
        if (gtk.equals(installedGtk)) {
            return List.of();
        }
        installedGtk = gtk;
        return List.of(new KeyAction.Install(KeyParams.group(KeyAlg.CCMP, gtk.keyId(), false, rsc.slice(0, 6), gtk.gtk())));
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
    }
}
