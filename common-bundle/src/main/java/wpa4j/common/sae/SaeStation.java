package wpa4j.common.sae;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

import javax.security.auth.Destroyable;

import wpa4j.common.codec.MalformedFrameException;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.MacAddress;

/**
 * The station's SAE protocol instance with one AP (the initiator; wpa_supplicant's SME): {@link #start()} sends the
 * Commit of the first configured group; the AP's Commit is answered with a Confirm; the AP's Confirm ends in
 * {@link SaeAction.Accepted}. Status 76 resends the Commit with the token, status 77 moves to the next group
 * (listing the refused ones in the Rejected Groups element with hash-to-element). On timeout the Commit
 * (COMMITTED) or the next Confirm (CONFIRMED) is resent until Sync passes dot11RSNASAESync; the AP's Commit
 * again in CONFIRMED (our Confirm was lost) is answered with the next Confirm. Frames that do not parse or do not
 * validate are dropped ({@link SaeAction.Ignored}): the AP's real answer may still come.
 */
public final class SaeStation extends SaeProtocol implements Destroyable {
    private final List<SaeGroup> groups;
    private final List<Integer> rejectedGroups = new ArrayList<>();
    private int groupIndex;
    private Bytes token = Bytes.EMPTY;

    /**
     * @param h2e whether to use hash-to-element (the caller decides from {@code sae_pwe} and the AP's RSNXE)
     * @param settings the groups in order of preference; a password identifier needs hash-to-element
     */
    public SaeStation(SaePassword password, MacAddress own, MacAddress ap, boolean h2e, SaeSettings settings, SecureRandom random) {
        super(password, own, ap, settings, random);
        if (!h2e && !password.identifier().isEmpty()) {
            throw new IllegalArgumentException("a password identifier needs hash-to-element (sae_pwe=1 or 2)");
        }
        if (!settings.pwe().allows(h2e ? SaeStatus.SAE_HASH_TO_ELEMENT : SaeStatus.SUCCESS)) {
            throw new IllegalArgumentException((h2e ? "hash-to-element" : "looping") + " is not allowed by sae_pwe " + settings.pwe());
        }
        this.h2e = h2e;
        this.groups = settings.groups();
    }

    /** Starts (or restarts) the exchange with the first group: sends the Commit. */
    public List<SaeAction> start() {
        reset();
        groupIndex = 0;
        rejectedGroups.clear();
        token = Bytes.EMPTY;
        return commitAnew();
    }

    /** An Authentication frame (algorithm SAE) from the AP. */
    public List<SaeAction> receive(int transaction, int status, Bytes body) {
        return switch (transaction) {
            case SaeStatus.COMMIT -> commitReceived(status, body);
            case SaeStatus.CONFIRM -> status == SaeStatus.SUCCESS ? confirmReceived(body)
                    : state == SaeState.NOTHING || state == SaeState.ACCEPTED
                            ? List.of(new SaeAction.Ignored("confirm with status " + status + " in state " + state))
                            : fail(new ArrayList<>(), status, status == SaeStatus.CHALLENGE_FAIL
                                    ? "the AP could not verify our confirm (wrong password?)"
                                    : "the AP refused our confirm with status " + status);
            default -> List.of(new SaeAction.Ignored("authentication transaction " + transaction));
        };
    }

    /** The retransmission timer fired. */
    public List<SaeAction> timeout() {
        return retransmit();
    }

    public SaeState state() {
        return state;
    }

    /** The group of the current (or last) commit. */
    public SaeGroup group() {
        return groups.get(Math.min(groupIndex, groups.size() - 1));
    }

    public boolean h2e() {
        return h2e;
    }

    /** Forgets the exchange and its keys (back to NOTHING); {@link #start()} begins a new one. */
    @Override
    public void destroy() {
        reset();
    }

    @Override
    public boolean isDestroyed() {
        return exchange == null;
    }

    private List<SaeAction> commitAnew() {
        SaeGroup group = groups.get(groupIndex);
        if (exchange != null) {
            exchange.destroy();
        }
        exchange = SaeExchange.start(group, pwe(group), h2e, random);
        SaeCommit c = exchange.commit();
        ownCommit = new SaeCommit(c.group(), c.scalar(), c.element(), token, h2e ? password.identifier() : Bytes.EMPTY,
                h2e ? rejectedGroups : List.of());
        state = SaeState.COMMITTED;
        sync = 0;
        sendConfirm = 0;
        peerSendConfirm = -1;
        return List.of(commitFrame(), arm());
    }

    private List<SaeAction> commitReceived(int status, Bytes body) {
        switch (status) {
            case SaeStatus.ANTI_CLOGGING_TOKEN_REQUIRED:
                return tokenRequested(body);
            case SaeStatus.UNSUPPORTED_FINITE_CYCLIC_GROUP:
                return groupRefused(body);
            case SaeStatus.SUCCESS, SaeStatus.SAE_HASH_TO_ELEMENT:
                break;
            default:
                if (state != SaeState.COMMITTED) {
                    return List.of(new SaeAction.Ignored("commit with status " + status + " in state " + state));
                }
                return fail(new ArrayList<>(), status, status == SaeStatus.UNKNOWN_PASSWORD_IDENTIFIER
                        ? "the AP does not know our password identifier"
                        : "the AP refused our commit with status " + status);
        }
        if (state != SaeState.COMMITTED && state != SaeState.CONFIRMED) {
            return List.of(new SaeAction.Ignored("commit in state " + state));
        }
        if ((status == SaeStatus.SAE_HASH_TO_ELEMENT) != h2e) {
            return fail(new ArrayList<>(), SaeStatus.UNSPECIFIED_FAILURE,
                    "the AP's commit uses " + (h2e ? "looping" : "hash-to-element") + ", we use the other method");
        }
        SaeCommit commit;
        try {
            commit = SaeCommit.parse(body, h2e);
        } catch (MalformedFrameException e) {
            return List.of(new SaeAction.Ignored("malformed commit: " + e.reason()));
        }
        if (state == SaeState.CONFIRMED && commit.sameValues(exchange.peer())) {
            // our confirm was lost: the next one
            if (syncExceeded()) {
                return fail(new ArrayList<>(), SaeStatus.UNSPECIFIED_FAILURE, "Sync over dot11RSNASAESync");
            }
            return List.of(confirmFrame(), arm());
        }
        if (state == SaeState.CONFIRMED) {
            // as wpa_supplicant: only the AP's first commit counts; another one cannot be the AP we are confirming with
            return List.of(new SaeAction.Ignored("another commit while waiting for the AP's confirm"));
        }
        try {
            exchange.accept(commit, keyseedSalt(commit));
        } catch (SaeExchange.Rejection r) {
            return List.of(new SaeAction.Ignored("commit refused: " + r.getMessage()));
        }
        state = SaeState.CONFIRMED;
        sync = 0;
        return List.of(confirmFrame(), arm());
    }

    private List<SaeAction> tokenRequested(Bytes body) {
        if (state != SaeState.COMMITTED) {
            return List.of(new SaeAction.Ignored("anti-clogging token request in state " + state));
        }
        Bytes t;
        try {
            t = SaeCommit.parseTokenRequest(body, h2e);
        } catch (MalformedFrameException e) {
            return List.of(new SaeAction.Ignored("malformed anti-clogging token request: " + e.reason()));
        }
        if (SaeCommit.groupOf(body).getAsInt() != group().id()) {
            return List.of(new SaeAction.Ignored("anti-clogging token request for group " + SaeCommit.groupOf(body).getAsInt()));
        }
        if (syncExceeded()) {
            return fail(new ArrayList<>(), SaeStatus.ANTI_CLOGGING_TOKEN_REQUIRED, "Sync over dot11RSNASAESync: the AP keeps asking for tokens");
        }
        token = t;
        ownCommit = ownCommit.withToken(t);
        return List.of(commitFrame(), arm());
    }

    private List<SaeAction> groupRefused(Bytes body) {
        if (state != SaeState.COMMITTED) {
            return List.of(new SaeAction.Ignored("group refusal in state " + state));
        }
        int refused = SaeCommit.groupOf(body).orElse(group().id());
        if (refused != group().id()) {
            return List.of(new SaeAction.Ignored("refusal of group " + refused + ", we offered " + group().id()));
        }
        rejectedGroups.add(refused);
        groupIndex++;
        if (groupIndex >= groups.size()) {
            groupIndex = groups.size() - 1;
            return fail(new ArrayList<>(), SaeStatus.UNSUPPORTED_FINITE_CYCLIC_GROUP,
                    "the AP supports none of our groups " + groups.stream().map(SaeGroup::id).toList());
        }
        token = Bytes.EMPTY;
        return commitAnew();
    }

    @Override
    byte[] keyseedSalt(SaeCommit peerCommit) {
        return h2e ? ownCommit.rejectedGroupOctets() : new byte[0];
    }

    @Override
    boolean answersBadConfirm() {
        return false;
    }

    @Override
    public String toString() {
        return "SaeStation[" + own + " -> " + peer + ", " + state + ", " + group() + (h2e ? ", H2E]" : "]");
    }
}
