package wpa4j.web.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonArray;

class GatewayViewTest {
    @Test
    void scanResultsAsWpaCliPrintsThemBecomeRowsAndAnSsidWithTabsStaysWhole() {
        JsonArray a = GatewayView.scanResults(List.of("bssid / frequency / signal level / flags / ssid",
                "02:00:00:00:00:00\t2412\t-40\t[WPA2-PSK-CCMP][ESS]\twpa4j-demo", "02:00:00:00:02:00\t2437\t-60\t[ESS]\ta\tb", "garbage"));
        assertEquals(2, a.size());
        assertEquals("wpa4j-demo", a.get(0).getAsJsonObject().get("ssid").getAsString());
        assertEquals("-40", a.get(0).getAsJsonObject().get("signal").getAsString());
        assertEquals("a\tb", a.get(1).getAsJsonObject().get("ssid").getAsString());
    }

    @Test
    void anInterfaceWhoseCoreDoesNotAnswerIsShownWithWhy() {
        com.google.gson.JsonObject o = GatewayView.guarded("sim1", "station", () -> {
            throw new IllegalStateException("event loop closed");
        });
        assertEquals("UNKNOWN", o.get("state").getAsString());
        assertEquals("no answer from the core: IllegalStateException", o.get("error").getAsString());
    }
}
