package wpa4j.linux.custody.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;

import wpa4j.linux.custody.Will;

/** What custody holds under one key. Guarded by the custody's lock; {@code ended} is read without it. */
final class Holding {
    final String key;
    final Map<String, HeldChannel> channels = new LinkedHashMap<>();
    final Map<String, String> notes = new LinkedHashMap<>();
    /** The current lessee's handle; earlier ones are revoked. */
    LeaseHandle handle;
    /** Set while released and waiting for a successor. */
    Expiry expiry;
    volatile boolean ended;

    Holding(String key) {
        this.key = key;
    }

    /** A release waiting for its grace to pass; a successor cancels it by replacing or clearing {@link #expiry}. */
    static final class Expiry {
        final List<Will> will;
        ScheduledFuture<?> timer;

        Expiry(List<Will> will) {
            this.will = will;
        }

        void cancel() {
            if (timer != null) {
                timer.cancel(false);
            }
        }
    }

    void cancelExpiry() {
        if (expiry != null) {
            expiry.cancel();
            expiry = null;
        }
    }

    List<HeldChannel> channelList() {
        return List.copyOf(channels.values());
    }
}
