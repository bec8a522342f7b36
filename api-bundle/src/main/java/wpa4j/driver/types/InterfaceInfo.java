package wpa4j.driver.types;

/**
 * One interface reported by {@code get_interfaces} ({@code struct wpa_interface_info}).
 *
 * @param ifname the interface name
 * @param desc a human description (adapter name), may be empty
 * @param drvName the backend that reports it, e.g. {@code nl80211}
 */
public record InterfaceInfo(String ifname, String desc, String drvName) {
    public InterfaceInfo {
        Validate.nonNull("ifname", ifname);
        Validate.nonNull("desc", desc);
        Validate.nonNull("drvName", drvName);
    }
}
