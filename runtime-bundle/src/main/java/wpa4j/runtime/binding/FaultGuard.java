package wpa4j.runtime.binding;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import wpa4j.driver.DriverException;
import wpa4j.driver.DriverInterface;

/**
 * A backend's bug must not become the core's: an op that throws anything but {@link DriverException} or
 * {@link UnsupportedOperationException} (a NullPointerException in a backend, a JNA error) reaches the core as a
 * {@link DriverException} of that op (errno EIO), which the cores handle as a failed op (a key that does not install
 * ends the link, which then reconnects), and is reported, at 1, 2, 4, 8... faults so a broken backend cannot flood the log.
 */
public final class FaultGuard implements InvocationHandler {
    private static final int EIO = 5;
    private final DriverInterface target;
    private final String backend;
    private final Consumer<String> report;
    private final AtomicLong faults = new AtomicLong();

    private FaultGuard(DriverInterface target, String backend, Consumer<String> report) {
        this.target = target;
        this.backend = backend;
        this.report = report;
    }

    /** {@code driver} seen through the guard; faults are reported to {@code report} naming {@code backend}. */
    public static DriverInterface guard(DriverInterface driver, String backend, Consumer<String> report) {
        return (DriverInterface) Proxy.newProxyInstance(DriverInterface.class.getClassLoader(), new Class<?>[] {DriverInterface.class},
                new FaultGuard(driver, backend, report));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof DriverException || cause instanceof UnsupportedOperationException || cause instanceof Error) {
                throw cause;
            }
            long n = faults.incrementAndGet();
            if (Long.bitCount(n) == 1) {
                report.accept("driver fault: backend " + backend + " threw in " + method.getName() + ": " + cause + " (" + n + " so far)");
            }
            if (Arrays.asList(method.getExceptionTypes()).contains(DriverException.class)) {
                throw new DriverException(method.getName(), "backend " + backend + " failed: " + cause, EIO, cause);
            }
            throw cause;
        }
    }
}
