package wpa4j.hostapd.core;

/** What the AP core reports: hostapd_cli-style event lines (without the level prefix), e.g. {@code AP-STA-CONNECTED <mac>}. */
@FunctionalInterface
public interface ApListener {
    void onEvent(String line);
}
