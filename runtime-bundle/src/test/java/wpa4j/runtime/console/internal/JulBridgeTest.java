package wpa4j.runtime.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.osgi.service.log.Logger;

/** System.Logger records reach the Log Service logger of their name and level; JUL's level is restored. */
class JulBridgeTest {
    @Test
    void wpa4jRecordsOfEveryLevelGoToTheCallersLoggerAndCloseRestoresJul() {
        List<String> calls = new CopyOnWriteArrayList<>();
        List<String> asked = new CopyOnWriteArrayList<>();
        Logger logger = (Logger) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Logger.class},
                (proxy, method, args) -> {
                    calls.add(method.getName() + " " + args[0] + (args.length > 1 ? " +" + args[1].getClass().getSimpleName() : ""));
                    return null;
                });
        JulBridge bridge = new JulBridge((entry, name) -> {
            asked.add(entry.getSimpleName() + " " + name);
            return logger;
        });
        java.util.logging.Logger jul = java.util.logging.Logger.getLogger("wpa4j");
        assertNull(jul.getLevel());
        bridge.open();
        try {
            System.Logger log = System.getLogger("wpa4j.test.Core");
            log.log(System.Logger.Level.TRACE, "t");
            log.log(System.Logger.Level.DEBUG, "EAPOL-Key dropped: {0}", "MIC failure");
            log.log(System.Logger.Level.INFO, "i");
            log.log(System.Logger.Level.WARNING, "w");
            log.log(System.Logger.Level.ERROR, "task failed", new IllegalStateException("boom"));
            System.getLogger("other.Thing").log(System.Logger.Level.WARNING, "not ours");
        } finally {
            bridge.close();
        }
        assertEquals(List.of("trace t", "debug EAPOL-Key dropped: MIC failure", "info i", "warn w", "error task failed +IllegalStateException"), calls);
        assertEquals("Logger wpa4j.test.Core", asked.get(0));
        assertNull(jul.getLevel());
        System.getLogger("wpa4j.test.Core").log(System.Logger.Level.INFO, "after close: JUL only");
        assertEquals(5, calls.size());
    }
}
