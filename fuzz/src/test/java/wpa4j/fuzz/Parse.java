package wpa4j.fuzz;

import wpa4j.common.codec.MalformedFrameException;

/**
 * The contract of every parser fed from outside: it decodes, or refuses with {@link MalformedFrameException}. Any
 * other exception escapes to Jazzer, which reports it as a finding with its input.
 */
public final class Parse {
    @FunctionalInterface
    public interface Step {
        void run() throws MalformedFrameException;
    }

    private Parse() {}

    /** Runs {@code step}; a clear refusal is fine. */
    public static void orRefuse(Step step) {
        try {
            step.run();
        } catch (MalformedFrameException refused) {
            // the contract: malformed input is refused, counted by the caller in production
        }
    }
}
