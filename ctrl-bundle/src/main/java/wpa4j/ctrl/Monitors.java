package wpa4j.ctrl;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The attached monitors of one control socket and their LEVEL thresholds, with wpa_supplicant's rules for
 * giving up on one: at once when its socket is gone or refuses, after more than ten failures in a row otherwise.
 */
final class Monitors {
    /** How a message leaves: 0 or the errno of the failed send. */
    @FunctionalInterface
    interface Sender {
        int send(UnixAddress to, byte[] message);
    }

    private static final int MAX_ERRORS = 10;

    private static final class Monitor {
        int level = CtrlEvents.MSG_INFO;
        int errors;
    }

    private final Map<UnixAddress, Monitor> attached = new LinkedHashMap<>();

    /** A repeated ATTACH from the same address starts over rather than doubling every event. */
    synchronized void attach(UnixAddress address) {
        attached.put(address, new Monitor());
    }

    synchronized boolean detach(UnixAddress address) {
        return attached.remove(address) != null;
    }

    synchronized boolean level(UnixAddress address, int level) {
        Monitor m = attached.get(address);
        if (m == null) {
            return false;
        }
        m.level = level;
        return true;
    }

    synchronized int size() {
        return attached.size();
    }

    synchronized void clear() {
        attached.clear();
    }

    /** Sends {@code message} to every monitor whose threshold is at most {@code level}. */
    synchronized void send(int level, byte[] message, Sender sender) {
        for (Iterator<Map.Entry<UnixAddress, Monitor>> it = attached.entrySet().iterator(); it.hasNext();) {
            Map.Entry<UnixAddress, Monitor> e = it.next();
            Monitor m = e.getValue();
            if (level < m.level) {
                continue;
            }
            int errno = sender.send(e.getKey(), message);
            if (errno == 0) {
                m.errors = 0;
            } else if (gone(errno) || ++m.errors > MAX_ERRORS) {
                it.remove();
            }
        }
    }

    private static boolean gone(int errno) {
        return errno == LibC.ENOENT || errno == LibC.ECONNREFUSED || errno == LibC.EPERM;
    }
}
