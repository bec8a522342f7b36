package wpa4j.config;

import java.util.List;

/**
 * A configuration that cannot be applied. It carries every error found (a file is checked to the end, so
 * the operator sees all mistakes at once) and the warnings found on the way; nothing of it was applied.
 * The message is the first error's line, plus {@code (and N more)}.
 */
public class ConfigException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final List<Problem> problems;
    private final List<Problem> warnings;

    /** @param problems the errors, at least one */
    public ConfigException(List<Problem> problems) {
        this(problems, List.of());
    }

    public ConfigException(List<Problem> problems, List<Problem> warnings) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
        this.warnings = List.copyOf(warnings);
    }

    /** One error. */
    public ConfigException(Problem problem) {
        this(List.of(problem));
    }

    private static String summary(List<Problem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("problems: a ConfigException needs at least one problem");
        }
        int more = problems.size() - 1;
        return problems.get(0) + (more > 0 ? " (and " + more + " more)" : "");
    }

    /** The errors, in the order found. */
    public List<Problem> problems() {
        return problems;
    }

    /** Warnings found before giving up (unknown keys and the like). */
    public List<Problem> warnings() {
        return warnings;
    }
}
