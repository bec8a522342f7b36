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
    private static final System.Logger LOG = System.getLogger(FaultGuard.class.getName());
    private static final int EIO = 5;
    private static final int ETIMEDOUT = 110;
    /** One watchdog thread for all guards, running the sweeps; it ends when none is booked. */
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

    /** A timed op under way: the sweep declares it hung once its deadline passes (state 0 running, 1 returned, 2 hung). */
    private static final class Call {
        final FaultGuard guard;
        final Method method;
        final Thread caller;
        final long deadline;
        final AtomicInteger state = new AtomicInteger();
        final CountDownLatch declared = new CountDownLatch(1);

        Call(FaultGuard guard, Method method, Thread caller, long deadline) {
            this.guard = guard;
            this.method = method;
            this.caller = caller;
            this.deadline = deadline;
        }
    }

    /** Ops being timed, of every guard; a sweep at the earliest deadline, not a watchdog task per op (2000 stations make many). */
    private static final Set<Call> IN_FLIGHT = ConcurrentHashMap.newKeySet();
    private static final long NO_SWEEP = Long.MIN_VALUE;
    private static final AtomicLong NEXT_SWEEP = new AtomicLong(NO_SWEEP);

    private Object timed(Method method, Object[] args) throws Throwable {
        Call call = new Call(this, method, Thread.currentThread(), System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(hang.afterMs()));
        IN_FLIGHT.add(call);
        sweepBy(call.deadline);
        try {
            return forward(method, args);
        } finally {
            IN_FLIGHT.remove(call);
            // whichever of the op and the sweep moves first decides
            if (!call.state.compareAndSet(0, 1)) {
                // the core went on without this thread (once the policy has let it go: not before, or two threads
                // would run the loop); nothing the op did may reach the core
                awaitUninterruptibly(call.declared);
                throw new AbandonedCall(method.getName() + " of backend " + backend + " returned after it was declared hung");
            }
        }
    }

    /** Makes sure a sweep runs by {@code deadline}. */
    private static void sweepBy(long deadline) {
        while (true) {
            long next = NEXT_SWEEP.get();
            if (next != NO_SWEEP && next - deadline <= 0) {
                return;
            }
            if (NEXT_SWEEP.compareAndSet(next, deadline)) {
                WATCHDOG.schedule(FaultGuard::sweep, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                return;
            }
        }
    }

    /** Declares the ops past their deadline hung, and books the next sweep for the earliest of the others. */
    private static void sweep() {
        // cleared first: an op that starts while this sweep looks books a sweep of its own
        NEXT_SWEEP.set(NO_SWEEP);
        long now = System.nanoTime();
        long earliest = 0;
        boolean any = false;
        for (Call c : IN_FLIGHT) {
            if (c.deadline - now > 0) {
                earliest = !any || c.deadline - earliest < 0 ? c.deadline : earliest;
                any = true;
            } else if (c.state.compareAndSet(0, 2)) {
                IN_FLIGHT.remove(c);
                try {
                    c.guard.declareHung(c.method, c.caller);
                } catch (RuntimeException | Error e) {
                    // one failed recovery must not leave the other hung calls undeclared
                    LOG.log(System.Logger.Level.ERROR, "driver hang: handling a hang failed", e);
                } finally {
                    c.declared.countDown();
                }
            }
        }
        if (any) {
            sweepBy(earliest);
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
