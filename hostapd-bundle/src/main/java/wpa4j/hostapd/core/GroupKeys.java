package wpa4j.hostapd.core;

import java.util.Optional;

import wpa4j.common.eapol.KeyData;

/**
 * The group keys a message 3 or group message 1 hands out: the GTK, and the IGTK with its current IPN when the BSS
 * uses PMF (sent only to stations that negotiated it).
 */
record GroupKeys(Gtk gtk, Optional<KeyData.Igtk> igtk) {
    static GroupKeys of(Gtk gtk) {
        return new GroupKeys(gtk, Optional.empty());
    }
}
