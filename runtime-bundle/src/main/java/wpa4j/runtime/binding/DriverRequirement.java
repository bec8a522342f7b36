package wpa4j.runtime.binding;

import java.util.List;

import wpa4j.driver.types.Validate;

/**
 * What a core configuration asks of its driver.
 *
 * @param ifname the interface
 * @param driverName a specific backend (e.g. "wext"), or empty for any
 * @param capabilities capability tags every candidate must offer (e.g. "ap", "sme", "ccmp")
 */
public record DriverRequirement(String ifname, String driverName, List<String> capabilities) {
    public DriverRequirement {
        Validate.ifname("ifname", ifname);
        Validate.nonNull("driverName", driverName);
        capabilities = Validate.list("capabilities", capabilities, 64);
    }

    /** Why {@code c} does not qualify, or null when it does. */
    public String mismatch(DriverCandidate c) {
        if (!c.ifname().equals(ifname)) {
            return "drives " + c.ifname();
        }
        if (!driverName.isEmpty() && !driverName.equals(c.driverName())) {
            return "not the required driver " + driverName;
        }
        for (String cap : capabilities) {
            if (!c.capabilities().contains(cap)) {
                return "lacks capability " + cap;
            }
        }
        return null;
    }
}
