package wpa4j.supplicant.internal;

import java.nio.file.Path;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import wpa4j.config.ConfigException;
import wpa4j.fuzz.ConfigAdminValues;

/** Config Admin values of wpa4j.supplicant: refused with a reason, never a crash. */
class StationSettingsFuzzTest {
    @FuzzTest(maxDuration = "10s")
    void configAdminValues(FuzzedDataProvider in) {
        try {
            StationSettings.parse("wpa4j.supplicant~fuzz", ConfigAdminValues.draw(in, StationSettings.KEYS), Path.of("/nonexistent-fuzz-dir"));
        } catch (ConfigException refused) {
            // refused with its reason
        }
    }
}
