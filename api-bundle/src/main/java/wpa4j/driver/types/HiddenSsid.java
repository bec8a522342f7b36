package wpa4j.driver.types;

/** How an AP hides its SSID in beacons ({@code enum hide_ssid}). */
public enum HiddenSsid {
    /** SSID broadcast. */ NO_SSID_HIDING,
    /** Empty SSID element in beacons. */ ZERO_LEN,
    /** SSID element of the right length filled with zeros. */ ZERO_CONTENTS;

    /**
     * Whether an AP whose SSID is {@code own}, hidden this way, answers a Probe Request for {@code requested}: for its
     * SSID always, for the wildcard (empty) SSID only when it broadcasts it (hostapd's ssid_match with
     * ignore_broadcast_ssid).
     */
    public boolean answersProbe(Ssid requested, Ssid own) {
        return requested.isEmpty() ? this == NO_SSID_HIDING : requested.equals(own);
    }
}
