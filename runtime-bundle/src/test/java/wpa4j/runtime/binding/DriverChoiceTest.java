package wpa4j.runtime.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import wpa4j.driver.Capabilities;
import wpa4j.driver.DriverInterface;
import wpa4j.driver.WifiDriver;
import wpa4j.driver.event.DriverEventSink;

class DriverChoiceTest {
    static final WifiDriver NONE = new WifiDriver() {
        @Override public String name() { return "x"; }
        @Override public String description() { return "x"; }
        @Override public String ifname() { return "wlan0"; }
        @Override public Capabilities capabilities() { return Capabilities.none(); }
        @Override public DriverInterface open(String ifname, DriverEventSink sink) { throw new UnsupportedOperationException(); }
    };

    static DriverCandidate c(long id, int ranking, String ifname, String name, String... caps) {
        return new DriverCandidate(id, ranking, ifname, name, "1.0.0", List.of(caps), NONE);
    }

    @Test
    void highestRankingEligibleWinsThenTheOldest() {
        DriverChoice choice = new DriverChoice();
        choice.requirement(new DriverRequirement("wlan0", "", List.of("station")));
        assertEquals(Optional.empty(), choice.best());
        choice.add(c(5, 50, "wlan0", "wext", "station"));
        choice.add(c(6, 100, "wlan0", "nl80211", "station", "ap"));
        choice.add(c(7, 100, "wlan0", "nl80211", "station", "ap"));
        choice.add(c(8, 1000, "wlan1", "nl80211", "station"));
        choice.add(c(9, 500, "wlan0", "ndis"));
        assertEquals(6, choice.best().orElseThrow().serviceId());
        choice.remove(6);
        assertEquals(7, choice.best().orElseThrow().serviceId());
        choice.remove(7);
        assertEquals("wext", choice.best().orElseThrow().driverName());
        List<String> why = choice.explain();
        assertTrue(why.get(0).contains("ndis") && why.get(0).endsWith("not eligible, lacks capability station"), why.toString());
        assertTrue(why.get(1).endsWith("bound (best eligible)"), why.toString());
    }

    @Test
    void aRequiredDriverNameExcludesTheOthers() {
        DriverChoice choice = new DriverChoice();
        choice.requirement(new DriverRequirement("wlan0", "wext", List.of()));
        choice.add(c(1, 100, "wlan0", "nl80211"));
        choice.add(c(2, 50, "wlan0", "wext"));
        assertEquals("wext", choice.best().orElseThrow().driverName());
    }

    @Test
    void atEqualRankingTheNewerVersionWinsThenTheOlderService() {
        DriverChoice choice = new DriverChoice();
        choice.requirement(new DriverRequirement("wlan0", "", List.of()));
        choice.add(new DriverCandidate(1, 100, "wlan0", "nl80211", "1.0.0.SNAPSHOT", List.of(), NONE));
        choice.add(new DriverCandidate(2, 100, "wlan0", "nl80211", "1.0.10", List.of(), NONE));
        choice.add(new DriverCandidate(3, 100, "wlan0", "nl80211", "1.0.9", List.of(), NONE));
        choice.add(new DriverCandidate(4, 50, "wlan0", "wext", "9.0.0", List.of(), NONE));
        assertEquals(2, choice.best().orElseThrow().serviceId(), "1.0.10 is newer than 1.0.9 (numeric, not text)");
        choice.remove(2);
        assertEquals(3, choice.best().orElseThrow().serviceId());
        choice.add(new DriverCandidate(5, 100, "wlan0", "nl80211", "1.0.9", List.of(), NONE));
        assertEquals(3, choice.best().orElseThrow().serviceId(), "same version: the older service stays");
        assertTrue(DriverChoice.compareVersions("1.0.0.update2", "1.0.0.update1") < 0);
        assertTrue(DriverChoice.compareVersions("1.0.0", "not-a-version") < 0);
    }
}
