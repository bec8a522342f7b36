package wpa4j.web.view;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import wpa4j.hostapd.ApControl;
import wpa4j.hostapd.ApStatus;
import wpa4j.hostapd.StationInfo;
import wpa4j.supplicant.StationStatus;
import wpa4j.supplicant.SupplicantControl;

/**
 * The page's one JSON document, {@code api/status}: every station and AP with its bound driver and the candidates
 * it ranked (as {@code wifi:drivers}), its state, the station's scan results, the AP's station table and the recent
 * event lines of each. Built from the cores' status records and event lines, which never carry key material.
 */
public final class GatewayView {
    /** Event lines shown per interface, newest last. */
    static final int EVENTS = 30;

    private GatewayView() {}

    public static String json(List<SupplicantControl> stations, List<ApControl> aps, boolean actions, Instant now) {
        JsonObject o = new JsonObject();
        o.addProperty("time", now.toString());
        o.addProperty("actions", actions);
        JsonArray ifaces = new JsonArray();
        stations.stream().sorted(Comparator.comparing(SupplicantControl::ifname)).forEach(s -> ifaces.add(guarded(s.ifname(), "station", () -> station(s))));
        aps.stream().sorted(Comparator.comparing(ApControl::ifname)).forEach(a -> ifaces.add(guarded(a.ifname(), "ap", () -> ap(a))));
        o.add("interfaces", ifaces);
        return o.toString();
    }

    /** One interface that cannot answer (its core stopping, its loop gone) is shown with why, the others as usual. */
    static JsonObject guarded(String ifname, String role, Supplier<JsonObject> view) {
        try {
            return view.get();
        } catch (RuntimeException e) {
            JsonObject o = new JsonObject();
            o.addProperty("ifname", ifname);
            o.addProperty("role", role);
            o.addProperty("state", "UNKNOWN");
            o.addProperty("error", "no answer from the core: " + e.getClass().getSimpleName());
            return o;
        }
    }

    private static JsonObject station(SupplicantControl s) {
        StationStatus st = s.status();
        JsonObject o = common(st.ifname(), "station", st.state().wpaName(), st.driver(), s.driverCandidates(), s.problems(), s.recentEvents());
        o.addProperty("ssid", st.ssid());
        o.addProperty("bssid", st.bssid());
        o.addProperty("freq", st.freq());
        o.addProperty("keyMgmt", st.keyMgmt());
        o.addProperty("address", st.address());
        o.add("scanResults", scanResults(s.scanResults()));
        return o;
    }

    private static JsonObject ap(ApControl a) {
        ApStatus st = a.status();
        JsonObject o = common(st.ifname(), "ap", st.state(), st.driver(), a.driverCandidates(), a.problems(), a.recentEvents());
        o.addProperty("ssid", st.ssid());
        o.addProperty("bssid", st.bssid());
        o.addProperty("freq", st.freq());
        o.addProperty("channel", st.channel());
        o.addProperty("security", st.security());
        JsonArray table = new JsonArray();
        for (StationInfo i : a.stations()) {
            JsonObject r = new JsonObject();
            r.addProperty("addr", i.addr());
            r.addProperty("aid", i.aid());
            r.addProperty("flags", i.flags());
            r.addProperty("keys", i.keyState());
            table.add(r);
        }
        o.add("stations", table);
        return o;
    }

    private static JsonObject common(String ifname, String role, String state, String driver, List<String> candidates, List<String> problems,
            List<String> events) {
        JsonObject o = new JsonObject();
        o.addProperty("ifname", ifname);
        o.addProperty("role", role);
        o.addProperty("state", state);
        o.addProperty("driver", driver);
        o.add("candidates", strings(candidates));
        o.add("problems", strings(problems));
        o.add("events", strings(events.subList(Math.max(0, events.size() - EVENTS), events.size())));
        return o;
    }

    /** wpa_cli SCAN_RESULTS lines (a header, then bssid, frequency, signal, flags, ssid separated by tabs) as objects. */
    static JsonArray scanResults(List<String> lines) {
        JsonArray a = new JsonArray();
        for (String line : lines) {
            String[] f = line.split("\t", 5);
            if (f.length < 5 || line.startsWith("bssid / ")) {
                continue;
            }
            JsonObject r = new JsonObject();
            r.addProperty("bssid", f[0]);
            r.addProperty("freq", f[1]);
            r.addProperty("signal", f[2]);
            r.addProperty("flags", f[3]);
            r.addProperty("ssid", f[4]);
            a.add(r);
        }
        return a;
    }

    private static JsonArray strings(List<String> lines) {
        JsonArray a = new JsonArray();
        lines.forEach(a::add);
        return a;
    }
}
