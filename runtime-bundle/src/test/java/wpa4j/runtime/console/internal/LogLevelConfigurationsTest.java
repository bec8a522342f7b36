package wpa4j.runtime.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.service.log.LogLevel;

/** The PID and property rules of the Log Service's Config Admin integration, without a framework. */
class LogLevelConfigurationsTest {
    @Test
    void pidsNameTheRootOrABundlesLoggerContext() {
        assertTrue(LogLevelConfigurations.isLogLevelPid("org.osgi.service.log.admin"));
        assertTrue(LogLevelConfigurations.isLogLevelPid("org.osgi.service.log.admin|wpa4j.supplicant"));
        assertFalse(LogLevelConfigurations.isLogLevelPid("org.osgi.service.log.admin|"));
        assertFalse(LogLevelConfigurations.isLogLevelPid("org.osgi.service.log.adminX"));
        assertFalse(LogLevelConfigurations.isLogLevelPid("wpa4j.supplicant"));
        assertNull(LogLevelConfigurations.contextName("org.osgi.service.log.admin"));
        assertEquals("wpa4j.supplicant", LogLevelConfigurations.contextName("org.osgi.service.log.admin|wpa4j.supplicant"));
        assertEquals("wpa4j.supplicant|1.0.0", LogLevelConfigurations.contextName("org.osgi.service.log.admin|wpa4j.supplicant|1.0.0"));
    }

    @Test
    void levelsAreReadCaseInsensitivelyCmPropertiesSkippedAndOthersRefusedByNameOnly() {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("ROOT", "debug");
        props.put("wpa4j.supplicant.core", " WARN ");
        props.put("wpa4j.x", LogLevel.TRACE);
        props.put("wpa4j.bad", "secret-looking-value");
        props.put("service.pid", "org.osgi.service.log.admin|wpa4j.supplicant");
        props.put("felix.fileinstall.filename", "file:/etc/org.osgi.service.log.admin%7Cwpa4j.supplicant.cfg");
        List<String> refused = new ArrayList<>();
        Map<String, LogLevel> levels = LogLevelConfigurations.levels(props, refused::add);
        assertEquals(Map.of("ROOT", LogLevel.DEBUG, "wpa4j.supplicant.core", LogLevel.WARN, "wpa4j.x", LogLevel.TRACE), levels);
        assertEquals(List.of("wpa4j.bad"), refused);
    }

    @Test
    void filterValuesAreEscaped() {
        assertEquals("a\\*b\\(c\\)d\\\\e|f", LogLevelConfigurations.escape("a*b(c)d\\e|f"));
    }
}
