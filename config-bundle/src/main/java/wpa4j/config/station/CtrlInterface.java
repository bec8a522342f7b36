package wpa4j.config.station;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The control interface socket directory and the group allowed to use it: {@code ctrl_interface=/var/run/wpa_supplicant}
 * or {@code ctrl_interface=DIR=/var/run/wpa_supplicant GROUP=netdev}.
 *
 * @param dir   the socket directory
 * @param group the group name or number, when set
 */
public record CtrlInterface(Path dir, Optional<String> group) {
    public CtrlInterface {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(group, "group");
    }

    /** The value as wpa4j writes it: the {@code DIR=... GROUP=...} form when there is a group. */
    public String confValue() {
        return group.map(g -> "DIR=" + dir + " GROUP=" + g).orElse(dir.toString());
    }
}
