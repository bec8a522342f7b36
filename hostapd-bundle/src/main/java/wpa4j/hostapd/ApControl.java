package wpa4j.hostapd;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** A running AP core for one interface (service property {@code wifi.ifname}). */
@ProviderType
public interface ApControl {
    String ifname();

    ApStatus status();

    List<StationInfo> stations();

    /** Deauthenticates a station (hostapd_cli deauthenticate). */
    void deauthenticate(String addr);

    /** Starts a GTK rekey now. */
    void rekeyGroup();

    /** The drivers this core could use for its interface, best first, and which one it uses and why. */
    List<String> driverCandidates();

    /** The most recent event lines (wpa_cli/hostapd_cli monitor style, without the level prefix), oldest first. */
    List<String> recentEvents();

    /**
     * The settings of this AP that were refused or are ignored, one line each (source, key, why), newest last.
     *
     * @since 1.1
     */
    default List<String> problems() {
        return List.of();
    }
}
