package wpa4j.supplicant;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** A running station core for one interface (service property {@code wifi.ifname}). */
@ProviderType
public interface SupplicantControl {
    String ifname();

    StationStatus status();

    /** Requests a scan now. */
    void scan();

    /** Scan results as wpa_cli SCAN_RESULTS prints them (header line first). */
    List<String> scanResults();

    /** Drops the connection and stays disconnected until {@link #reconnect()}. */
    void disconnect();

    /** Connects again (after {@link #disconnect()}): scan, select, associate. */
    void reconnect();

    /** The drivers this core could use for its interface, best first, and which one it uses and why. */
    List<String> driverCandidates();

    /** The most recent event lines (wpa_cli/hostapd_cli monitor style, without the level prefix), oldest first. */
    List<String> recentEvents();

    /**
     * The settings of this station that were refused or are not used, one line each (source, key, why), newest last.
     *
     * @since 1.1
     */
    default List<String> problems() {
        return List.of();
    }
}
