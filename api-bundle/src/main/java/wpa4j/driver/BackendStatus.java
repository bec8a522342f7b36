package wpa4j.driver;

import java.util.List;

import wpa4j.driver.types.Validate;

/**
 * What a backend reports about itself.
 *
 * @param name backend name ({@code nl80211}, {@code wext}, {@code ndis}, {@code sim})
 * @param version backend version (its bundle version)
 * @param active whether the backend can work on this host at all
 * @param reason why it is inactive, or what it found when active; one line
 * @param interfaces interfaces it currently offers a {@link WifiDriver} for
 */
public record BackendStatus(String name, String version, boolean active, String reason, List<String> interfaces) {
    public BackendStatus {
        Validate.nonNull("name", name);
        Validate.nonNull("version", version);
        Validate.nonNull("reason", reason);
        interfaces = Validate.list("interfaces", interfaces, 4096);
    }

    public static BackendStatus inactive(String name, String version, String reason) {
        return new BackendStatus(name, version, false, reason, List.of());
    }

    @Override
    public String toString() {
        return name + " " + version + ": " + (active ? "active" : "inactive") + ": " + reason
                + (interfaces.isEmpty() ? "" : " " + interfaces);
    }
}
