package wpa4j.supplicant.station;

/**
 * Who owns a network block: the station's configuration file (saved by SAVE_CONFIG, re-read by RECONFIGURE),
 * a Config Admin configuration (owned by it, never written to the file), or the control interface (ADD_NETWORK:
 * saved to the file by SAVE_CONFIG, dropped by RECONFIGURE as in wpa_supplicant).
 *
 * @param kind what kind of owner
 * @param name the Config Admin PID for {@link Kind#CONFIG_ADMIN}, else empty
 */
public record NetworkOrigin(Kind kind, String name) {
    public enum Kind { FILE, CONFIG_ADMIN, CONTROL }

    public static final NetworkOrigin FILE = new NetworkOrigin(Kind.FILE, "");
    public static final NetworkOrigin CONTROL = new NetworkOrigin(Kind.CONTROL, "");

    public static NetworkOrigin configAdmin(String pid) {
        return new NetworkOrigin(Kind.CONFIG_ADMIN, pid);
    }

    /** Whether SAVE_CONFIG writes it to the file. */
    public boolean saved() {
        return kind != Kind.CONFIG_ADMIN;
    }
}
