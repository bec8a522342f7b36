package wpa4j.hostapd.internal;

import java.nio.file.Path;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import wpa4j.config.ConfigException;
import wpa4j.fuzz.ConfigAdminValues;

/** Config Admin values of wpa4j.hostapd (the web console, a .cfg file): refused with a reason, never a crash. */
class ApSettingsFuzzTest {
    @FuzzTest(maxDuration = "10s")
    void configAdminValues(FuzzedDataProvider in) {
        try {
            ApSettings.parse("wpa4j.hostapd~fuzz", ConfigAdminValues.draw(in, ApSettings.KEYS), Path.of("/nonexistent-fuzz-dir"));
        } catch (ConfigException refused) {
            // refused with its reason
        }
    }
}
