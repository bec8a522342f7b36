package wpa4j.runtime.binding;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import wpa4j.driver.DriverException;
import wpa4j.driver.DriverInterface;

/**
 * A backend's bug must not become the core's.
 * <ul>
 * <li>An op that throws anything but {@link DriverException} or {@link UnsupportedOperationException} (a
 * NullPointerException in a backend, a JNA error) reaches the core as a {@link DriverException} of that op (errno EIO),
 * which the cores handle as a failed op (a key that does not install ends the link, which then reconnects), and is
 * reported, at 1, 2, 4, 8... faults so a broken backend cannot flood the log.</li>
 * <li>With a {@link HangPolicy}, an op that has not returned after its time is declared hung: reported, the policy told
 * (which frees the caller's event loop), and the driver is given up: every later op fails at once (close() is passed
 * on in the background), and if the hung op ever returns, its thread leaves with {@link AbandonedCall} instead of going
 * back into the core.</li>
 * </ul>
 */
public final class FaultGuard implements InvocationHandler {
    private static final int EIO = 5;
    private static final int ETIMEDOUT = 110;
    /** One watchdog thread for all guards; it ends when no op is being timed. */
    private static final ScheduledThreadPoolExecutor WATCHDOG = watchdog();

    /** When an op counts as hung, and what to do then (called on the watchdog thread). */
    public record HangPolicy(long afterMs, OnHang onHang) {
        public HangPolicy {
            if (afterMs < 1) {
                throw new IllegalArgumentException("afterMs: " + afterMs + ", expected at least 1");
            }
        }
    }

    /** Told of a hang: {@code driver} is the guarded driver that hung, {@code stuck} the thread left in its op. */
    @FunctionalInterface
    public interface OnHang {
        void hung(DriverInterface driver, Thread stuck);
    }

    /** Thrown out of an op that returned after it was declared hung: its thread was given up and must unwind. */
    public static final class AbandonedCall extends Error {
        private static final long serialVersionUID = 1L;

        AbandonedCall(String message) {
            super(message, null, false, false);
        }
    }

    private final DriverInterface target;
    private final String backend;
    private final Consumer<String> report;
    private final HangPolicy hang;
    private final AtomicLong faults = new AtomicLong();
    private final AtomicBoolean hung = new AtomicBoolean();
    /** Answers of the ops that describe the instance and cannot change, kept for after a hang. */
    private final Map<String, Object> identity = new ConcurrentHashMap<>();
    private static final Set<String> IDENTITY = Set.of("driverName", "getIfname", "getMacAddr", "getCapa");
    private DriverInterface self;
    private volatile Thread closer;

    private FaultGuard(DriverInterface target, String backend, Consumer<String> report, HangPolicy hang) {
        this.target = target;
        this.backend = backend;
        this.report = report;
        this.hang = hang;
    }

    /** {@code driver} seen through the guard; faults are reported to {@code report} naming {@code backend}. */
    public static DriverInterface guard(DriverInterface driver, String backend, Consumer<String> report) {
        return proxy(new FaultGuard(driver, backend, report, null));
    }

    /** As {@link #guard(DriverInterface, String, Consumer)}, and ops that do not return in time are handled by {@code hang}. */
    public static DriverInterface guard(DriverInterface driver, String backend, Consumer<String> report, HangPolicy hang) {
        return proxy(new FaultGuard(driver, backend, report, hang));
    }

    /** True while the background close() of a given-up {@code driver} runs (its backend may still act on the link). */
    public static boolean closing(DriverInterface driver) {
        if (Proxy.isProxyClass(driver.getClass()) && Proxy.getInvocationHandler(driver) instanceof FaultGuard g) {
            Thread t = g.closer;
            return t != null && t.isAlive();
        }
        return false;
    }

    /** True if {@code driver} is a guard that has declared an op of its hung. */
    public static boolean hasHung(DriverInterface driver) {
        return Proxy.isProxyClass(driver.getClass()) && Proxy.getInvocationHandler(driver) instanceof FaultGuard g && g.hung.get();
    }

    private static DriverInterface proxy(FaultGuard guard) {
        DriverInterface p = (DriverInterface) Proxy.newProxyInstance(DriverInterface.class.getClassLoader(), new Class<?>[] {DriverInterface.class}, guard);
        guard.self = p;
        return p;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "FaultGuard[" + backend + "]";
            };
        }
        if (hung.get()) {
            return afterHang(method, args);
        }
        Object result = hang == null ? forward(method, args) : timed(method, args);
        if (result != null && method.getParameterCount() == 0 && IDENTITY.contains(method.getName())) {
            identity.putIfAbsent(method.getName(), result);
        }
        return result;
    }

    private Object timed(Method method, Object[] args) throws Throwable {
        // 0 running, 1 returned, 2 declared hung: whichever of the op and the watchdog moves first decides
        AtomicInteger state = new AtomicInteger();
        CountDownLatch declared = new CountDownLatch(1);
        Thread caller = Thread.currentThread();
        ScheduledFuture<?> watch = WATCHDOG.schedule(() -> {
            if (state.compareAndSet(0, 2)) {
                try {
                    declareHung(method, caller);
                } finally {
                    declared.countDown();
                }
            }
        }, hang.afterMs(), TimeUnit.MILLISECONDS);
        try {
            return forward(method, args);
        } finally {
            watch.cancel(false);
            if (!state.compareAndSet(0, 1)) {
                // the core went on without this thread (once the policy has let it go: not before, or two threads
                // would run the loop); nothing the op did may reach the core
                awaitUninterruptibly(declared);
                throw new AbandonedCall(method.getName() + " of backend " + backend + " returned after it was declared hung");
            }
        }
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void declareHung(Method method, Thread caller) {
        hung.set(true);
        try {
            report.accept("driver hang: backend " + backend + " did not return from " + method.getName() + " in " + hang.afterMs()
                    + " ms; the driver is given up");
        } catch (RuntimeException e) {
            // the report is not worth losing the recovery for
        }
        hang.onHang().hung(self, caller);
    }

    private Object afterHang(Method method, Object[] args) throws DriverException {
        if (method.getName().equals("close") && method.getParameterCount() == 0) {
            // it may hang as well: not on the caller's thread
            Thread t = new Thread(() -> {
                try {
                    target.close();
                } catch (RuntimeException e) {
                    report.accept("driver hang: closing backend " + backend + " failed: " + e);
                }
            }, "wpa4j-close-hung-" + backend);
            t.setDaemon(true);
            closer = t;
            t.start();
            return null;
        }
        if (identity.containsKey(method.getName()) && method.getParameterCount() == 0) {
            // what the instance is (its name, address, capabilities) stays answerable for tasks queued before the swap
            return identity.get(method.getName());
        }
        String why = "backend " + backend + " hung earlier and is given up";
        if (Arrays.asList(method.getExceptionTypes()).contains(DriverException.class)) {
            throw new DriverException(method.getName(), why, ETIMEDOUT, null);
        }
        throw new IllegalStateException(method.getName() + ": " + why);
    }

    private Object forward(Method method, Object[] args) throws Throwable {
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

    private static ScheduledThreadPoolExecutor watchdog() {
        ScheduledThreadPoolExecutor w = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "wpa4j-driver-watchdog");
            t.setDaemon(true);
            return t;
        });
        w.setRemoveOnCancelPolicy(true);
        w.setKeepAliveTime(10, TimeUnit.SECONDS);
        w.allowCoreThreadTimeOut(true);
        return w;
    }
}
