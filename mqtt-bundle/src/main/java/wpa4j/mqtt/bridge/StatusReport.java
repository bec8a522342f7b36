package wpa4j.mqtt.bridge;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import wpa4j.hostapd.ApControl;
import wpa4j.hostapd.ApStatus;
import wpa4j.supplicant.StationStatus;
import wpa4j.supplicant.SupplicantControl;

/**
 * The retained {@code wpa4j/<gw>/status}: what a fleet console needs to list a gateway without asking it anything.
 * <pre>
 * {"gateway","online":true,"version","started","time",
 *  "interfaces":[{"ifname","role":"station"|"ap","state","driver","ssid","bssid","freq",...,"candidates":[...]}],
 *  "bundles":[{"name","version","state"}], "mqtt":{"published","dropped","buffered","refusedCommands"}}
 * </pre>
 * {@code candidates} are the drivers the core could use, best first, each with why it is bound or not (as
 * {@code wifi:drivers} shows them). Built from the cores' status records, which never carry key material.
 */
public final class StatusReport {
    /** One installed bundle. */
    public record BundleRow(String name, String version, String state) {
    }

    /** The link's and the command server's counters. */
    public record Counters(long published, long dropped, int buffered, long refusedCommands) {
    }

    private StatusReport() {}

    public static String json(String gatewayId, String version, Instant started, Instant now, List<SupplicantControl> stations, List<ApControl> aps,
            List<BundleRow> bundles, Counters counters) {
        JsonObject o = new JsonObject();
        o.addProperty("gateway", gatewayId);
        o.addProperty("online", true);
        o.addProperty("version", version);
        o.addProperty("started", started.toString());
        o.addProperty("time", now.toString());
        JsonArray ifaces = new JsonArray();
        stations.stream().sorted(Comparator.comparing(SupplicantControl::ifname)).forEach(s -> ifaces.add(station(s)));
        aps.stream().sorted(Comparator.comparing(ApControl::ifname)).forEach(a -> ifaces.add(ap(a)));
        o.add("interfaces", ifaces);
        JsonArray b = new JsonArray();
        bundles.forEach(r -> {
            JsonObject x = new JsonObject();
            x.addProperty("name", r.name());
            x.addProperty("version", r.version());
            x.addProperty("state", r.state());
            b.add(x);
        });
        o.add("bundles", b);
        JsonObject m = new JsonObject();
        m.addProperty("published", counters.published());
        m.addProperty("dropped", counters.dropped());
        m.addProperty("buffered", counters.buffered());
        m.addProperty("refusedCommands", counters.refusedCommands());
        o.add("mqtt", m);
        return o.toString();
    }

    private static JsonObject station(SupplicantControl s) {
        StationStatus st = s.status();
        JsonObject o = new JsonObject();
        o.addProperty("ifname", st.ifname());
        o.addProperty("role", "station");
        o.addProperty("state", st.state().wpaName());
        o.addProperty("driver", st.driver());
        o.addProperty("ssid", st.ssid());
        o.addProperty("bssid", st.bssid());
        o.addProperty("freq", st.freq());
        o.addProperty("keyMgmt", st.keyMgmt());
        o.add("candidates", strings(s.driverCandidates()));
        o.add("problems", strings(s.problems()));
        return o;
    }

    private static JsonObject ap(ApControl a) {
        ApStatus st = a.status();
        JsonObject o = new JsonObject();
        o.addProperty("ifname", st.ifname());
        o.addProperty("role", "ap");
        o.addProperty("state", st.state());
        o.addProperty("driver", st.driver());
        o.addProperty("ssid", st.ssid());
        o.addProperty("bssid", st.bssid());
        o.addProperty("freq", st.freq());
        o.addProperty("channel", st.channel());
        o.addProperty("stations", st.numSta());
        o.addProperty("security", st.security());
        o.add("candidates", strings(a.driverCandidates()));
        o.add("problems", strings(a.problems()));
        return o;
    }

    private static JsonArray strings(List<String> lines) {
        JsonArray a = new JsonArray();
        lines.forEach(a::add);
        return a;
    }
}
