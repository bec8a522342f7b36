package wpa4j.hostapd.core;

/**
 * A token bucket: {@code perSecond} tokens a second, at most {@code burst} saved. Time comes from the caller (a
 * {@code System.nanoTime()} reading), so tests need no clock. Used on the event loop only.
 */
final class TokenBucket {
    private final double perNano;
    private final double burst;
    private double tokens;
    private long lastNanos;

    TokenBucket(int perSecond, int burst, long nowNanos) {
        this.perNano = perSecond / 1e9;
        this.burst = burst;
        this.tokens = burst;
        this.lastNanos = nowNanos;
    }

    /** Takes a token if there is one. */
    boolean take(long nowNanos) {
        tokens = Math.min(burst, tokens + Math.max(0, nowNanos - lastNanos) * perNano);
        lastNanos = nowNanos;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }
}
