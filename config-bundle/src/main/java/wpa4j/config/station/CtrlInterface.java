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

    /**
     * The value as wpa4j writes it: the {@code DIR=... GROUP=...} form when there is a group, and for a directory that
     * itself begins with {@code DIR=} (the plain form would be read as the other). A directory holding {@code " GROUP="}
     * fits neither form with a group: {@link WpaSupplicantConf#format} writes its group as {@code ctrl_interface_group}.
     */
    public String confValue() {
        String d = dir.toString();
        if (group.isEmpty() && !d.startsWith("DIR=")) {
            return d;
        }
        return "DIR=" + d + group.map(g -> " GROUP=" + g).orElse("");
    }

    /** Whether the group has to go on a line of its own: the DIR= form would split the directory at its {@code " GROUP="}. */
    boolean groupApart() {
        return group.isPresent() && dir.toString().contains(" GROUP=");
    }
}
