package wpa4j.driver.types;

import java.util.List;

/**
 * The result of {@code get_scan_results2} ({@code struct wpa_scan_results}).
 *
 * @param results the BSSs found
 */
public record ScanResults(List<ScanResult> results) {
    public ScanResults {
        results = Validate.list("results", results, Integer.MAX_VALUE);
    }
}
