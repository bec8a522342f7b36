package wpa4j.driver;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The op table itself: every C op name of {@code struct wpa_driver_ops} (2.0) with the Java element that
 * stands for it, read from the {@link DriverOp} annotations of {@link WifiDriver} and {@link DriverInterface}.
 */
public final class DriverOps {
    private static final Map<String, AnnotatedElement> OPS = scan();

    private DriverOps() {}

    /** All C op names the API covers, in declaration order. */
    public static Set<String> names() {
        return OPS.keySet();
    }

    /** Whether {@code op} is a C op name of the API. */
    public static boolean isOp(String op) {
        return OPS.containsKey(op);
    }

    /** The Java element (a {@link Method}, or a type for the global lifecycle) for {@code op}, or {@code null}. */
    public static AnnotatedElement element(String op) {
        return OPS.get(op);
    }

    /**
     * The ops {@code impl} overrides among the optional ones (plus the mandatory ones), by reflection: a
     * starting point for {@link Capabilities#supportedOps()}, which a backend narrows to what the device
     * really answers.
     */
    public static Set<String> implementedBy(Class<? extends DriverInterface> impl) {
        List<String> ops = new ArrayList<>();
        for (Method m : DriverInterface.class.getMethods()) {
            DriverOp op = m.getAnnotation(DriverOp.class);
            if (op == null) {
                continue;
            }
            try {
                Method actual = impl.getMethod(m.getName(), m.getParameterTypes());
                if (!actual.isDefault()) {
                    Collections.addAll(ops, op.value());
                }
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("public method " + m + " missing in " + impl, e);
            }
        }
        return Set.copyOf(ops);
    }

    private static Map<String, AnnotatedElement> scan() {
        Map<String, AnnotatedElement> ops = new LinkedHashMap<>();
        add(ops, WifiDriver.class);
        for (Class<?> type : List.of(WifiDriver.class, DriverInterface.class)) {
            for (Method m : type.getDeclaredMethods()) {
                add(ops, m);
            }
        }
        return Collections.unmodifiableMap(ops);
    }

    private static void add(Map<String, AnnotatedElement> ops, AnnotatedElement element) {
        DriverOp op = element.getAnnotation(DriverOp.class);
        if (op != null) {
            for (String name : op.value()) {
                if (ops.put(name, element) != null) {
                    throw new IllegalStateException("op " + name + " annotated twice");
                }
            }
        }
    }
}
