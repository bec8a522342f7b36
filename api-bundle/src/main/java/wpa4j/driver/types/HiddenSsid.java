package wpa4j.driver.types;

/** How an AP hides its SSID in beacons ({@code enum hide_ssid}). */
public enum HiddenSsid {
    /** SSID broadcast. */ NO_SSID_HIDING,
    /** Empty SSID element in beacons. */ ZERO_LEN,
    /** SSID element of the right length filled with zeros. */ ZERO_CONTENTS;
}
