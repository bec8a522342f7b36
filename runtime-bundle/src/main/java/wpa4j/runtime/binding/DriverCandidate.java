package wpa4j.runtime.binding;

import java.util.List;

import wpa4j.driver.WifiDriver;
import wpa4j.driver.types.Validate;

/**
 * A registered WifiDriver as a core sees it.
 *
 * @param serviceId the service id (lower = registered earlier)
 * @param ranking service.ranking
 * @param ifname wifi.ifname
 * @param driverName wifi.driver
 * @param version wifi.driver.version
 * @param capabilities wifi.capabilities
 * @param driver the service object
 */
public record DriverCandidate(long serviceId, int ranking, String ifname, String driverName, String version, List<String> capabilities,
        WifiDriver driver) {
    public DriverCandidate {
        Validate.nonNull("ifname", ifname);
        Validate.nonNull("driverName", driverName);
        Validate.nonNull("version", version);
        capabilities = Validate.list("capabilities", capabilities, 256);
        Validate.nonNull("driver", driver);
    }

    @Override
    public String toString() {
        return driverName + " " + version + " for " + ifname + " (service " + serviceId + ", ranking " + ranking + ")";
    }
}
