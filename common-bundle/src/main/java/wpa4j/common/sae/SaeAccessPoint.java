package wpa4j.common.sae;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

import javax.security.auth.Destroyable;

import wpa4j.common.codec.MalformedFrameException;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.MacAddress;

/**
 * The SAE side of an AP (hostapd's handle_auth_sae): one protocol instance per station, created by the station's
 * Commit (the AP never initiates) and answered with the AP's Commit; the station's Confirm, once it verifies, is
 * answered with the AP's and ends in {@link SaeAction.Accepted} (hostapd without sae_confirm_immediate).
 *
 * <p>Before any state is kept for a Commit: a group the AP does not offer gets status 77 (the group echoed); a
 * status the AP's {@code sae_pwe} does not allow, a malformed Commit (status 1), an unknown password identifier
 * (123) or a Rejected Groups list naming a group the AP offers (a downgrade, status 1) keep nothing. Once the
 * instances not yet accepted reach {@code sae_anti_clogging_threshold}, every Commit without a token gets status 76
 * with one ({@link AntiCloggingTokens}), also a Commit naming a station that has an instance here: its address is no
 * proof, and a forged Commit would otherwise cost a password element derivation (hostapd's handle_auth_sae asks
 * them all too). A wrong token is dropped.
 */
public final class SaeAccessPoint implements Destroyable {
    private final SaePassword password;
    private final MacAddress bssid;
    private final SaeSettings settings;
    private final SecureRandom random;
    private final Map<MacAddress, Peer> peers = new HashMap<>();
    private final AntiCloggingTokens tokens;
    /** Whether {@link #tokens} is this instance's alone (and so destroyed with it). */
    private final boolean ownTokens;
    private boolean destroyed;

    /** An AP with one password: its tokens are its own. */
    public SaeAccessPoint(SaePassword password, MacAddress bssid, SaeSettings settings, SecureRandom random) {
        this(password, bssid, settings, random, new AntiCloggingTokens(random), true);
    }

    /** One password of a BSS whose instances share {@code tokens} (and so the anti-clogging count); the caller renews and destroys them. */
    public SaeAccessPoint(SaePassword password, MacAddress bssid, SaeSettings settings, SecureRandom random, AntiCloggingTokens tokens) {
        this(password, bssid, settings, random, tokens, false);
    }

    private SaeAccessPoint(SaePassword password, MacAddress bssid, SaeSettings settings, SecureRandom random, AntiCloggingTokens tokens,
            boolean ownTokens) {
        this.password = Objects.requireNonNull(password, "password");
        this.bssid = Objects.requireNonNull(bssid, "bssid");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.random = Objects.requireNonNull(random, "random");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.ownTokens = ownTokens;
        if (settings.pwe() == SaePwe.LOOPING && !password.identifier().isEmpty()) {
            throw new IllegalArgumentException("a password identifier needs hash-to-element (sae_pwe=1 or 2)");
        }
        tokens.join(this);
    }

    /** An Authentication frame (algorithm SAE) from {@code sta}. */
    public List<SaeAction> receive(MacAddress sta, int transaction, int status, Bytes body) {
        if (destroyed) {
            throw new IllegalStateException("SAE of " + bssid + " destroyed");
        }
        return switch (transaction) {
            case SaeStatus.COMMIT -> commit(sta, status, body);
            case SaeStatus.CONFIRM -> confirm(sta, status, body);
            default -> List.of(new SaeAction.Ignored("authentication transaction " + transaction));
        };
    }

    /**
     * A retransmission timer of {@code sta} fired. The AP arms none (as hostapd outside mesh: the station retransmits,
     * and an AP that gave up on a slow station would only confuse it), so this answers nothing; kept for the API.
     */
    public List<SaeAction> timeout(MacAddress sta) {
        return List.of();
    }

    /** Forgets {@code sta} (deauthenticated, gone, or its PMK taken). */
    public void remove(MacAddress sta) {
        Peer p = peers.remove(sta);
        if (p != null) {
            p.reset();
        }
    }

    /** The state of the instance with {@code sta}, if there is one. */
    public Optional<SaeState> state(MacAddress sta) {
        return Optional.ofNullable(peers.get(sta)).map(p -> p.state);
    }

    /** Instances started and not yet accepted (what the anti-clogging threshold counts). */
    public int pending() {
        return (int) peers.values().stream().filter(p -> p.state == SaeState.COMMITTED || p.state == SaeState.CONFIRMED).count();
    }

    /** Forgets every station (keys destroyed), and the token keys when they are this instance's own. */
    @Override
    public void destroy() {
        peers.values().forEach(Peer::reset);
        peers.clear();
        tokens.leave(this);
        if (ownTokens) {
            tokens.destroy();
        }
        destroyed = true;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    private List<SaeAction> commit(MacAddress sta, int status, Bytes body) {
        if (!settings.pwe().allows(status)) {
            return List.of(new SaeAction.Ignored("commit with status " + status + ", sae_pwe is " + settings.pwe()));
        }
        boolean h2e = status == SaeStatus.SAE_HASH_TO_ELEMENT;
        OptionalInt groupId = SaeCommit.groupOf(body);
        if (groupId.isEmpty()) {
            return reply(SaeStatus.UNSPECIFIED_FAILURE, Bytes.EMPTY);
        }
        Optional<SaeGroup> group = SaeGroup.byId(groupId.getAsInt()).filter(settings.groups()::contains);
        if (group.isEmpty()) {
            return reply(SaeStatus.UNSUPPORTED_FINITE_CYCLIC_GROUP, body.slice(0, 2));
        }
        SaeCommit commit;
        try {
            commit = SaeCommit.parse(body, h2e);
        } catch (MalformedFrameException e) {
            return reply(SaeStatus.UNSPECIFIED_FAILURE, Bytes.EMPTY);
        }
        if (!commit.identifier().equals(password.identifier())) {
            return reply(SaeStatus.UNKNOWN_PASSWORD_IDENTIFIER, Bytes.EMPTY);
        }
        if (commit.rejectedGroups().stream().anyMatch(g -> SaeGroup.byId(g).filter(settings.groups()::contains).isPresent())) {
            return reply(SaeStatus.UNSPECIFIED_FAILURE, Bytes.EMPTY);
        }
        try {
            SaeExchange.check(group.get(), commit);
        } catch (SaeExchange.Rejection r) {
            return reply(r.status, Bytes.EMPTY);
        }
        if (!commit.token().isEmpty()) {
            if (!tokens.valid(sta, bssid, commit.token())) {
                return List.of(new SaeAction.Ignored("commit with an invalid anti-clogging token"));
            }
        } else if (antiClogging()) {
            // also for a station with an instance here (even accepted): the address proves nothing, the token does
            return reply(SaeStatus.ANTI_CLOGGING_TOKEN_REQUIRED, SaeCommit.tokenRequest(group.get().id(), tokens.token(sta, bssid), h2e));
        }
        Peer p = peers.get(sta);
        if (p == null) {
            p = new Peer(sta);
            peers.put(sta, p);
        }
        return ended(sta, p.commitReceived(commit, group.get(), h2e));
    }

    private List<SaeAction> confirm(MacAddress sta, int status, Bytes body) {
        Peer p = peers.get(sta);
        if (p == null) {
            return List.of(new SaeAction.Ignored("confirm without a commit"));
        }
        if (status != SaeStatus.SUCCESS) {
            return ended(sta, p.fail(new ArrayList<>(), status, "the station refused our confirm with status " + status));
        }
        return ended(sta, p.confirmReceived(body));
    }

    /** Drops the instance of {@code sta} when these actions end it. */
    private List<SaeAction> ended(MacAddress sta, List<SaeAction> actions) {
        if (actions.stream().anyMatch(a -> a instanceof SaeAction.Failed)) {
            Peer p = peers.remove(sta);
            if (p != null) {
                p.reset();
            }
        }
        return actions;
    }

    private static List<SaeAction> reply(int status, Bytes body) {
        return List.of(new SaeAction.Send(SaeStatus.COMMIT, status, body));
    }

    /** hostapd's use_anti_clogging: the open exchanges of the whole BSS have reached the threshold (0: always). */
    private boolean antiClogging() {
        return tokens.open() >= settings.antiCloggingThreshold();
    }

    @Override
    public String toString() {
        return "SaeAccessPoint[" + bssid + ", " + peers.size() + " stations]";
    }

    /** The instance with one station. */
    final class Peer extends SaeProtocol {
        Peer(MacAddress sta) {
            super(SaeAccessPoint.this.password, bssid, sta, SaeAccessPoint.this.settings, SaeAccessPoint.this.random);
        }

        /**
         * A commit that passed the AP's checks. As hostapd (sae_confirm_immediate=0): our Commit alone answers it; our
         * Confirm goes only once the station's has verified (see {@link #confirmReceived}), and nothing is retransmitted
         * on a timer: the station, which does retransmit, drives the exchange. A slow station (hunting and pecking on a
         * small CPU) is thus never given up on by the AP, nor confused by Confirms of a run it has already left.
         */
        List<SaeAction> commitReceived(SaeCommit commit, SaeGroup group, boolean commitH2e) {
            if (ownCommit != null && commit.sameValues(ownCommit)) {
                return List.of(new SaeAction.Ignored("reflected commit (our own scalar and element)"));
            }
            if (state == SaeState.ACCEPTED && commit.sameValues(exchange.peer())) {
                return List.of(new SaeAction.Ignored("commit of the accepted exchange again"));
            }
            if (state == SaeState.COMMITTED && commitH2e == h2e && commit.group() == exchange.group().id()) {
                if (commit.sameValues(exchange.peer())) {
                    // the station missed our commit: the same one again
                    if (syncExceeded()) {
                        return fail(new ArrayList<>(), SaeStatus.UNSPECIFIED_FAILURE, "Sync over dot11RSNASAESync");
                    }
                    return List.of(commitFrame());
                }
                // the station started over: our commit stays (hostapd reuses its rand and mask), so whichever of our
                // commits the station takes, its keys are the ones derived here from its new values
                return takePeerCommit(commit);
            }
            return respond(commit, group, commitH2e);
        }

        /** A new run for {@code commit} (fresh rand and mask): our commit. */
        private List<SaeAction> respond(SaeCommit commit, SaeGroup group, boolean commitH2e) {
            reset();
            h2e = commitH2e;
            exchange = SaeExchange.start(group, pwe(group), h2e, random);
            SaeCommit c = exchange.commit();
            ownCommit = new SaeCommit(c.group(), c.scalar(), c.element(), Bytes.EMPTY, h2e ? password.identifier() : Bytes.EMPTY, List.of());
            return takePeerCommit(commit);
        }

        /** Keys from the station's {@code commit} and our current run; our commit goes (again). */
        private List<SaeAction> takePeerCommit(SaeCommit commit) {
            try {
                exchange.accept(commit, keyseedSalt(commit));
            } catch (SaeExchange.Rejection r) {
                List<SaeAction> out = new ArrayList<>();
                if (r.silent) {
                    out.add(new SaeAction.Ignored("commit dropped: " + r.getMessage()));
                    return fail(out, SaeStatus.UNSPECIFIED_FAILURE, r.getMessage());
                }
                out.add(new SaeAction.Send(SaeStatus.COMMIT, r.status, Bytes.EMPTY));
                return fail(out, r.status, r.getMessage());
            }
            state = SaeState.COMMITTED;
            sync = 0;
            return List.of(commitFrame());
        }

        @Override
        byte[] keyseedSalt(SaeCommit peerCommit) {
            return h2e ? peerCommit.rejectedGroupOctets() : new byte[0];
        }

        @Override
        boolean answersBadConfirm() {
            return true;
        }

        @Override
        boolean confirmsAfterPeer() {
            return true;
        }

        @Override
        public String toString() {
            return "SaeAccessPoint.Peer[" + peer + ", " + state + "]";
        }
    }
}
