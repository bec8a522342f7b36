package wpa4j.hostapd.core;

import java.util.Set;

import org.junit.jupiter.api.AfterAll;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;

import wpa4j.driver.types.Mfp;
import wpa4j.hostapd.ctrl.ApCommands;
import wpa4j.runtime.eloop.EventLoop;

/**
 * hostapd_cli's requests to the AP (several in a row, on a running BSS): every request gets an answer (FAIL at worst),
 * nothing escapes to the event loop.
 */
class ApControlFuzzTest {
    private static final EventLoop LOOP = new EventLoop("fuzz-ap-ctrl");
    /** Made once: its PSK (PBKDF2, 4096 rounds) would otherwise cost more than the rest of a run. */
    private static final ApConfig CONFIG = PmfConfigs.config(Set.of(Akm.PSK), Mfp.OPTIONAL);

    @AfterAll
    static void close() {
        LOOP.close();
    }

    @FuzzTest(maxDuration = "10s")
    void controlRequests(@NotNull String request) throws Exception {
        Hostapd ap = new Hostapd(LOOP, "fake0", CONFIG, ApTiming.DEFAULT, line -> { });
        ApCommands commands = new ApCommands(LOOP, ap, () -> true);
        long failures = LOOP.failures();
        // one task on the AP's loop for the whole run (the commands' own loop calls run inline there): cheaper than a
        // hand-over between threads per request
        LOOP.call(() -> {
            ap.attach(new FakeApDriver());
            try {
                for (String line : request.split("\n", 4)) {
                    if (commands.handle(line) == null) {
                        throw new IllegalStateException("no answer to " + line);
                    }
                }
            } finally {
                ap.stop();
            }
            return null;
        });
        if (LOOP.failures() != failures) {
            throw new IllegalStateException("a request threw on the event loop: " + request);
        }
    }
}
