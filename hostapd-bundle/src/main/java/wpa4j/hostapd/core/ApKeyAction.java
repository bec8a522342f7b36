package wpa4j.hostapd.core;

import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.KeyParams;

/** What an authenticator handshake step asks the AP core to do, in order. */
sealed interface ApKeyAction {
    /** Send this EAPOL PDU to the station. */
    record Send(Bytes pdu) implements ApKeyAction {}

    /** Install the station's pairwise key. */
    record Install(KeyParams key) implements ApKeyAction {}

    /** The 4-way handshake is done: authorize the port. */
    record PairwiseDone() implements ApKeyAction {}

    /** The station asked for a new PTK (an EAPOL-Key Request): start a PTK rekey. */
    record PtkRekeyRequested() implements ApKeyAction {}

    /** The group key handshake is done. */
    record GroupDone() implements ApKeyAction {}

    /**
     * Message 2's MIC does not verify under our PMK: most likely the station has another passphrase. Nothing
     * changes (message 1 is retransmitted until the handshake times out); hostapd reports it as a possible PSK mismatch.
     */
    record PskMismatch() implements ApKeyAction {}

    /** Fail closed: deauthenticate the station with this reason. */
    record Deauth(int reason) implements ApKeyAction {}
}
