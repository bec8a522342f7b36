package wpa4j.config.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import wpa4j.config.ConfigException;
import wpa4j.config.Problem;

/** Collects the errors and warnings of one parse, so a file is checked to its end before failing. */
public final class Problems {
    private final List<Problem> errors = new ArrayList<>();
    private final List<Problem> warnings = new ArrayList<>();

    public void add(Problem p) {
        (p.error() ? errors : warnings).add(p);
    }

    public void addAll(Collection<Problem> ps) {
        ps.forEach(this::add);
    }

    /** Records the errors and warnings a {@link ConfigException} carries. */
    public void add(ConfigException e) {
        addAll(e.problems());
        addAll(e.warnings());
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public int errorCount() {
        return errors.size();
    }

    public List<Problem> errors() {
        return List.copyOf(errors);
    }

    public List<Problem> warnings() {
        return List.copyOf(warnings);
    }

    /** Throws one exception carrying every error (and the warnings) if there is any error. */
    public void throwIfErrors() {
        if (hasErrors()) {
            throw new ConfigException(errors, warnings);
        }
    }
}
