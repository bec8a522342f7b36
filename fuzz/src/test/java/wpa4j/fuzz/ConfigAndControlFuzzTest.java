package wpa4j.fuzz;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;

import wpa4j.config.ConfigException;
import wpa4j.config.station.StationFile;
import wpa4j.config.station.WpaSupplicantConf;
import wpa4j.config.ap.HostapdConf;
import wpa4j.ctrl.CtrlRequest;
import wpa4j.runtime.eloop.EventLoop;
import wpa4j.supplicant.core.Supplicant;
import wpa4j.supplicant.core.SupplicantListener;
import wpa4j.supplicant.core.SupplicantTiming;
import wpa4j.supplicant.ctrl.StationCommands;
import wpa4j.supplicant.station.Station;

/**
 * Text from people and their tools: wpa_supplicant.conf and hostapd.conf lines, and wpa_cli's control requests. A
 * configuration is accepted or refused with a {@link ConfigException} that says why; what SAVE_CONFIG writes of an
 * accepted one parses again; a control request always gets an answer (FAIL at worst).
 */
class ConfigAndControlFuzzTest {
    private static final EventLoop LOOP = new EventLoop("fuzz-ctrl");

    @AfterAll
    static void close() {
        LOOP.close();
    }

    /** File references would read whatever the input names (config files are trusted, and /dev/zero never ends). */
    private static boolean namesAFile(String text) {
        return text.indexOf('/') >= 0 || text.contains("file");
    }

    @FuzzTest(maxDuration = "10s")
    void wpaSupplicantConf(@NotNull String text) {
        if (namesAFile(text)) {
            return;
        }
        StationFile parsed;
        try {
            parsed = WpaSupplicantConf.parse("fuzz", text.lines().toList());
        } catch (ConfigException refused) {
            return;
        }
        String saved = WpaSupplicantConf.format(parsed);
        WpaSupplicantConf.parse("saved", saved.lines().toList());
    }

    @FuzzTest(maxDuration = "10s")
    void hostapdConf(@NotNull String text) {
        if (namesAFile(text)) {
            return;
        }
        try {
            HostapdConf.parse("fuzz", text.lines().toList(), Path.of("/nonexistent-fuzz-dir"));
        } catch (ConfigException refused) {
            // refused with its reason
        }
    }

    @FuzzTest(maxDuration = "10s")
    void controlRequests(@NotNull String request) {
        CtrlRequest.parse(request);
        Supplicant core = new Supplicant(LOOP, "wlan9", List.of(), SupplicantTiming.DEFAULT, SupplicantListener.of((a, b) -> { }, l -> { }));
        StationCommands commands = new StationCommands(LOOP, new Station("wlan9", core, p -> { }), p -> { });
        // a few requests in a row: the first may set up what the next one reads (ADD_NETWORK, SET_NETWORK, GET_NETWORK)
        for (String line : request.split("\n", 4)) {
            String reply = commands.handle(line);
            // an empty reply is an answer (BSS with no such entry answers nothing, as wpa_supplicant)
            if (reply == null) {
                throw new IllegalStateException("no answer to " + line);
            }
        }
    }

}
