package wpa4j.hostapd.core;

import java.util.Optional;

import wpa4j.common.eapol.KeyData;

/**
 * The group keys a message 3 or group message 1 hands out: the GTK; the IGTK with its current IPN when the BSS uses
 * PMF, and the BIGTK with its current BIPN when it also protects its Beacons (both sent only to stations that
 * negotiated PMF).
 */
record GroupKeys(Gtk gtk, Optional<KeyData.Igtk> igtk, Optional<KeyData.Bigtk> bigtk) {
    static GroupKeys of(Gtk gtk) {
        return new GroupKeys(gtk, Optional.empty(), Optional.empty());
    }
}
