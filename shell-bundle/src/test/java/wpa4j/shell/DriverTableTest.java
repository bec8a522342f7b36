package wpa4j.shell;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import wpa4j.driver.BackendStatus;

class DriverTableTest {
    @Test
    void listsBackendsAndDriversBestFirstPerInterface() {
        String out = DriverTable.format(List.of(BackendStatus.inactive("ndis", "1.0.0", "not Windows (os.name=Linux)")),
                List.of(new DriverTable.DriverRow("wlan0", "wext", "1.0.0", 50, List.of("station")),
                        new DriverTable.DriverRow("wlan0", "nl80211", "1.0.0", 100, List.of("station", "ap"))));
        assertTrue(out.contains("ndis     1.0.0              inactive: not Windows (os.name=Linux)"), out);
        assertTrue(out.indexOf("nl80211") < out.indexOf("wext"), "higher ranking first:\n" + out);
        assertTrue(out.contains("station,ap"), out);
    }

    @Test
    void saysSoWhenNothingIsThere() {
        String out = DriverTable.format(List.of(), List.of());
        assertTrue(out.contains("(none installed)") && out.contains("(no WifiDriver registered)"), out);
    }
}
