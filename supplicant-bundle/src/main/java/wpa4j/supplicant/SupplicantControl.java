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
}
