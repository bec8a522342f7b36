package wpa4j.supplicant.core;

import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.KeyParams;
import wpa4j.supplicant.SupplicantState;

/** What a key handshake step asks the station core to do, in order. */
sealed interface KeyAction {
    /** Send this EAPOL PDU to the AP. */
    record Send(Bytes pdu) implements KeyAction {}

    /** Install this key in the driver. */
    record Install(KeyParams key) implements KeyAction {}

    /** Enter this state. */
    record Enter(SupplicantState state) implements KeyAction {}

    /** Fail closed: deauthenticate with this reason. */
    record Deauth(int reason) implements KeyAction {}
}
