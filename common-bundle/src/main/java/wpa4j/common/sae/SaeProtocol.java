package wpa4j.common.sae;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.bouncycastle.math.ec.ECPoint;

import wpa4j.common.codec.MalformedFrameException;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.MacAddress;

/**
 * An SAE protocol instance with one peer (IEEE 802.11-2020 12.4.8.6): state, Sync and send-confirm counters, the
 * own commit as sent, the current exchange, and what both roles do alike: sending Commit and Confirm, taking a
 * Confirm, retransmitting on timeout, ending.
 */
abstract sealed class SaeProtocol permits SaeStation, SaeAccessPoint.Peer {
    static final int SEND_CONFIRM_MAX = 0xffff;

    final SaePassword password;
    final MacAddress own;
    final MacAddress peer;
    final SaeSettings settings;
    final SecureRandom random;
    boolean h2e;
    SaeState state = SaeState.NOTHING;
    SaeExchange exchange;
    SaeCommit ownCommit;
    int sync;
    int sendConfirm;
    /** The peer's send-confirm of the Confirm we accepted (Rc), -1 before. */
    int peerSendConfirm = -1;

    SaeProtocol(SaePassword password, MacAddress own, MacAddress peer, SaeSettings settings, SecureRandom random) {
        this.password = Objects.requireNonNull(password, "password");
        this.own = Objects.requireNonNull(own, "own");
        this.peer = Objects.requireNonNull(peer, "peer");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** The PWE of this pair of stations in {@code group}: val * PT (the PT is cached), or by hunting and pecking. */
    final ECPoint pwe(SaeGroup group) {
        if (h2e) {
            return HashToElement.pwe(group, password.pt(group).point(), own, peer);
        }
        byte[] pw = password.copy();
        try {
            return HuntingAndPecking.derive(group, pw, new byte[0], own, peer, random);
        } finally {
            Arrays.fill(pw, (byte) 0);
        }
    }

    /** The salt of keyseed: the station's rejected groups with hash-to-element, else none (zeros). */
    abstract byte[] keyseedSalt(SaeCommit peerCommit);

    /** Whether a Confirm that does not verify is answered with status 15 (the AP does, the station does not). */
    abstract boolean answersBadConfirm();

    /** Whether our Confirm goes only after the peer's has verified, from COMMITTED (the AP, as hostapd), not with our Commit. */
    boolean confirmsAfterPeer() {
        return false;
    }

    final SaeAction.Send commitFrame() {
        return new SaeAction.Send(SaeStatus.COMMIT, h2e ? SaeStatus.SAE_HASH_TO_ELEMENT : SaeStatus.SUCCESS, ownCommit.encode(h2e));
    }

    /** The next Confirm: send-confirm incremented first (the first one is 1), up to 65535. */
    final SaeAction.Send confirmFrame() {
        if (sendConfirm < SEND_CONFIRM_MAX) {
            sendConfirm++;
        }
        return confirmFrame(sendConfirm);
    }

    final SaeAction.Send confirmFrame(int sc) {
        byte[] c = exchange.confirm(sc);
        SaeAction.Send send = new SaeAction.Send(SaeStatus.CONFIRM, SaeStatus.SUCCESS, new SaeConfirm(sc, Bytes.of(c)).encode());
        Arrays.fill(c, (byte) 0);
        return send;
    }

    final SaeAction.ArmTimer arm() {
        return new SaeAction.ArmTimer(settings.retransmitMillis());
    }

    /** Sync over dot11RSNASAESync ends the instance; otherwise it is incremented. */
    final boolean syncExceeded() {
        if (sync > settings.syncLimit()) {
            return true;
        }
        sync++;
        return false;
    }

    /** A Confirm with status 0 from the peer. */
    final List<SaeAction> confirmReceived(Bytes body) {
        boolean answerAfter = state == SaeState.COMMITTED && confirmsAfterPeer();
        if (state != SaeState.CONFIRMED && state != SaeState.ACCEPTED && !answerAfter) {
            return List.of(new SaeAction.Ignored("confirm in state " + state));
        }
        SaeConfirm confirm;
        try {
            confirm = SaeConfirm.parse(body, exchange.confirmLength());
        } catch (MalformedFrameException e) {
            return List.of(new SaeAction.Ignored("malformed confirm: " + e.reason()));
        }
        if (state == SaeState.ACCEPTED) {
            return confirmAfterAccept(confirm);
        }
        if (!exchange.verify(confirm)) {
            List<SaeAction> out = new ArrayList<>();
            if (answersBadConfirm()) {
                out.add(new SaeAction.Send(SaeStatus.CONFIRM, SaeStatus.CHALLENGE_FAIL, Bytes.EMPTY));
            }
            return fail(out, SaeStatus.CHALLENGE_FAIL, "the peer's confirm does not verify (wrong password?)");
        }
        peerSendConfirm = confirm.sendConfirm();
        List<SaeAction> out = new ArrayList<>();
        if (answerAfter) {
            out.add(confirmFrame());
        }
        state = SaeState.ACCEPTED;
        sync = 0;
        out.add(new SaeAction.CancelTimer());
        out.add(new SaeAction.Accepted(exchange.pmk(), exchange.pmkid(), exchange.group()));
        return out;
    }

    /** A Confirm in ACCEPTED: one with a higher send-confirm that verifies gets our confirm again (send-confirm 65535). */
    final List<SaeAction> confirmAfterAccept(SaeConfirm confirm) {
        int sc = confirm.sendConfirm();
        if (sc <= peerSendConfirm || sc == SEND_CONFIRM_MAX || !exchange.verify(confirm)) {
            return List.of(new SaeAction.Ignored("confirm after acceptance (send-confirm " + sc + ")"));
        }
        peerSendConfirm = sc;
        sendConfirm = SEND_CONFIRM_MAX;
        return List.of(confirmFrame(SEND_CONFIRM_MAX));
    }

    /** The retransmission timer fired: Commit again in COMMITTED, the next Confirm in CONFIRMED. */
    final List<SaeAction> retransmit() {
        if (state != SaeState.COMMITTED && state != SaeState.CONFIRMED) {
            return List.of();
        }
        if (syncExceeded()) {
            return fail(new ArrayList<>(), SaeStatus.UNSPECIFIED_FAILURE,
                    "no answer: Sync passed dot11RSNASAESync (" + settings.syncLimit() + ") after as many retransmissions");
        }
        return List.of(state == SaeState.COMMITTED ? commitFrame() : confirmFrame(), arm());
    }

    /** Ends the instance: timer stopped, keys destroyed, back to NOTHING. */
    final List<SaeAction> fail(List<SaeAction> before, int status, String why) {
        before.add(new SaeAction.CancelTimer());
        before.add(new SaeAction.Failed(status, why));
        reset();
        return before;
    }

    final void reset() {
        if (exchange != null) {
            exchange.destroy();
            exchange = null;
        }
        state = SaeState.NOTHING;
        sync = 0;
        sendConfirm = 0;
        peerSendConfirm = -1;
    }
}
