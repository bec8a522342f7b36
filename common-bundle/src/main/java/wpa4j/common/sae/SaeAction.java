package wpa4j.common.sae;

import java.util.Objects;

import wpa4j.common.crypto.SecretKeyBytes;
import wpa4j.driver.types.Bytes;

/** What a protocol instance asks of its caller, in order, after each event. */
public sealed interface SaeAction {
    /** Send an Authentication frame (algorithm SAE) to the peer. */
    record Send(int transaction, int status, Bytes body) implements SaeAction {
        public Send {
            Objects.requireNonNull(body, "body");
        }
    }

    /** (Re)arm the peer's retransmission timer; call {@code timeout} when it fires. */
    record ArmTimer(long millis) implements SaeAction {}

    /** Stop the peer's retransmission timer. */
    record CancelTimer() implements SaeAction {}

    /** Authenticated: the PMK (the caller owns and destroys it) and PMKID for the 4-way handshake and the PMKSA. */
    record Accepted(SecretKeyBytes pmk, Bytes pmkid, SaeGroup group) implements SaeAction {}

    /**
     * The instance ended without a key: {@code status} is the status code it answered or received
     * ({@link SaeStatus#CHALLENGE_FAIL}: the confirm did not verify, in practice a wrong password).
     */
    record Failed(int status, String why) implements SaeAction {}

    /** A frame was dropped without an answer; the instance goes on. */
    record Ignored(String why) implements SaeAction {}
}
