package wpa4j.supplicant.core;

import wpa4j.supplicant.SupplicantState;

/** What the station core reports: state changes and wpa_cli-style event lines (without the level prefix). */
public interface SupplicantListener {
    void onState(SupplicantState from, SupplicantState to);

    /** e.g. {@code CTRL-EVENT-CONNECTED - Connection to 02:00:00:00:00:00 completed [id=0 id_str=]}. */
    void onEvent(String line);
}
