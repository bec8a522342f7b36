package wpa4j.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Min, median, p99 and max of a set of samples in milliseconds, as the harnesses print them. */
record Stats(int n, double min, double median, double p99, double max) {
    static Stats of(List<Double> samples) {
        List<Double> s = new ArrayList<>(samples);
        Collections.sort(s);
        if (s.isEmpty()) {
            return new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return new Stats(s.size(), s.get(0), at(s, 0.5), at(s, 0.99), s.get(s.size() - 1));
    }

    /** Nearest-rank percentile. */
    private static double at(List<Double> sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    /** min / median / max, for small sample sets where the p99 is the max. */
    String minMedianMax() {
        return String.format("min %.1f ms, median %.1f ms, max %.1f ms (n=%d)", min, median, max, n);
    }

    @Override
    public String toString() {
        return String.format("median %.1f ms, p99 %.1f ms, max %.1f ms (n=%d)", median, p99, max, n);
    }
}
