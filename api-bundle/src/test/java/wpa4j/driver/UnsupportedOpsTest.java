package wpa4j.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Set;

import org.junit.jupiter.api.Test;

import wpa4j.driver.event.DriverEventSink;
import wpa4j.driver.types.MacAddress;

/** A backend that implements only the mandatory ops: every other op must fail clearly, naming op and backend. */
class UnsupportedOpsTest {
    static final class MinimalInterface implements DriverInterface {
        @Override public String driverName() { return "minimal"; }
        @Override public String getIfname() { return "wlan0"; }
        @Override public MacAddress getMacAddr() { return MacAddress.parse("02:00:00:00:00:01"); }
        @Override public Capabilities getCapa() { return Capabilities.none(); }
        @Override public void close() {}
    }

    static final class MinimalDriver implements WifiDriver {
        @Override public String name() { return "minimal"; }
        @Override public String description() { return "test"; }
        @Override public String ifname() { return "wlan0"; }
        @Override public Capabilities capabilities() { return Capabilities.none(); }
        @Override public DriverInterface open(String ifname, DriverEventSink sink) { return new MinimalInterface(); }
    }

    @Test
    void everyDefaultOpThrowsNamingOpAndBackend() throws Exception {
        DriverInterface di = new MinimalInterface();
        int checked = 0;
        for (Method m : DriverInterface.class.getMethods()) {
            DriverOp op = m.getAnnotation(DriverOp.class);
            if (op == null || !m.isDefault()) {
                continue;
            }
            Object[] args = new Object[m.getParameterCount()];
            Class<?>[] types = m.getParameterTypes();
            for (int i = 0; i < args.length; i++) {
                args[i] = types[i] == int.class ? 0 : types[i] == long.class ? 0L : types[i] == boolean.class ? false : null;
            }
            InvocationTargetException e = assertThrows(InvocationTargetException.class, () -> m.invoke(di, args), m.getName());
            OperationNotSupportedException ex = (OperationNotSupportedException) e.getCause();
            assertEquals(op.value()[0], ex.op());
            assertEquals("minimal", ex.backend());
            assertEquals(op.value()[0] + " is not supported by the minimal backend", ex.getMessage());
            checked++;
        }
        assertEquals(99, checked, "optional per-interface ops");
    }

    @Test
    void optionalServiceOpsToo() {
        WifiDriver d = new MinimalDriver();
        assertEquals("hapd_init", assertThrows(OperationNotSupportedException.class, () -> d.openAp(null, e -> {})).op());
        assertEquals("get_interfaces", assertThrows(OperationNotSupportedException.class, d::getInterfaces).op());
    }

    @Test
    void implementedByFindsTheMandatoryOpsOfAMinimalBackend() {
        assertEquals(Set.of("get_ifname", "get_mac_addr", "get_capa", "deinit", "hapd_deinit"), DriverOps.implementedBy(MinimalInterface.class));
        assertTrue(Capabilities.none().supportedOps().containsAll(DriverOps.implementedBy(MinimalInterface.class)));
    }
}
