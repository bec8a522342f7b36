package wpa4j.supplicant.core;

import java.util.function.BiConsumer;
import java.util.function.Consumer;

import wpa4j.supplicant.SupplicantState;

/** What the station core reports: state changes and wpa_cli-style event lines (without the level prefix). */
public interface SupplicantListener {
    void onState(SupplicantState from, SupplicantState to);

    /** e.g. {@code CTRL-EVENT-CONNECTED - Connection to 02:00:00:00:00:00 completed [id=0 id_str=]}. */
    void onEvent(String line);

    static SupplicantListener of(BiConsumer<SupplicantState, SupplicantState> onState, Consumer<String> onEvent) {
        return new SupplicantListener() {
            @Override
            public void onState(SupplicantState from, SupplicantState to) {
                onState.accept(from, to);
            }

            @Override
            public void onEvent(String line) {
                onEvent.accept(line);
            }
        };
    }
}
