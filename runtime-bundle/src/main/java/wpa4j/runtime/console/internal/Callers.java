package wpa4j.runtime.console.internal;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

import wpa4j.runtime.console.Console;

/**
 * Finds who wrote a {@code Console} line, from the current stack: the nearest frame above {@code Console} whose
 * class resolves to an origin (in the gateway: a bundle that uses runtime-bundle, with its logger) that is not
 * <em>shared</em> (runtime-bundle itself, whose helpers such as {@code CoreComponent.line} print on behalf of a
 * core). If every resolving frame is shared (a common helper on a core's loop thread), the nearest shared one.
 * Frames that do not resolve (the JDK, SCR, the framework) are skipped. Resolutions are cached per class.
 *
 * @param <T> the origin type
 */
public final class Callers<T> {
    /** The frame chosen: its origin and the class that wrote the line (the logger name). */
    public record Caller<T>(T origin, Class<?> type) {}

    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    private static final int MAX_DEPTH = 256;

    private final ClassValue<Optional<T>> origins;
    private final Predicate<? super T> shared;

    /** {@code resolve} returns the origin of a class, or null for a class that is nobody's; called once per class. */
    public Callers(Function<Class<?>, T> resolve, Predicate<? super T> shared) {
        this.origins = new ClassValue<>() {
            @Override
            protected Optional<T> computeValue(Class<?> type) {
                return Optional.ofNullable(resolve.apply(type));
            }
        };
        this.shared = shared;
    }

    /** The writer of the line being published, or empty if no frame above {@code Console} resolves (or Console is not on the stack). */
    public Optional<Caller<T>> find() {
        return find(Console.class);
    }

    /** The writer of what is being published through {@code entry}: as {@link #find()}, above {@code entry}'s frames. */
    public Optional<Caller<T>> find(Class<?> entry) {
        return WALKER.walk(frames -> {
            Caller<T> firstShared = null;
            boolean aboveEntry = false;
            for (var it = frames.limit(MAX_DEPTH).iterator(); it.hasNext();) {
                Class<?> type = it.next().getDeclaringClass();
                if (type == entry) {
                    aboveEntry = true;
                    continue;
                }
                if (!aboveEntry) {
                    continue; // the sink and this finder, below the entry
                }
                Optional<T> origin = origins.get(type);
                if (origin.isEmpty()) {
                    continue;
                }
                if (!shared.test(origin.get())) {
                    return Optional.of(new Caller<>(origin.get(), type));
                }
                if (firstShared == null) {
                    firstShared = new Caller<>(origin.get(), type);
                }
            }
            return Optional.ofNullable(firstShared);
        });
    }
}
