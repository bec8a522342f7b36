package wpa4j.driver.types;

import java.util.List;

/**
 * The result of {@code get_hw_feature_data}: the modes and the {@code flags} out-parameter.
 *
 * @param modes supported PHY modes
 * @param flags driver-specific flags reported with them
 */
public record HwFeatures(List<HwMode> modes, int flags) {
    public HwFeatures {
        modes = Validate.list("modes", modes, 16);
    }
}
