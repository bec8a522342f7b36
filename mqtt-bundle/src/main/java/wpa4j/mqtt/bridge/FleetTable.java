package wpa4j.mqtt.bridge;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * The fleet as the retained statuses describe it: one line per gateway (online or not, version, when it reported)
 * and one per interface (role, state, SSID, driver). A status that is not the JSON {@link StatusReport} writes is
 * shown as unreadable, not skipped: somebody publishes on our topics who should not.
 */
public final class FleetTable {
    private final Map<String, String> statuses = new TreeMap<>();

    /** The status retained on {@code wpa4j/<gatewayId>/status}; an empty payload (a cleared retained message) removes it. */
    public void put(String gatewayId, String json) {
        if (json.isEmpty()) {
            statuses.remove(gatewayId);
        } else {
            statuses.put(gatewayId, json);
        }
    }

    public int size() {
        return statuses.size();
    }

    public String format() {
        if (statuses.isEmpty()) {
            return "no gateway has a retained status on this broker\n";
        }
        StringBuilder sb = new StringBuilder();
        long online = 0;
        for (Map.Entry<String, String> e : statuses.entrySet()) {
            List<String> lines = lines(e.getKey(), e.getValue());
            online += lines.get(0).contains(" online ") ? 1 : 0;
            lines.forEach(l -> sb.append(l).append('\n'));
        }
        return statuses.size() + " gateways, " + online + " online\n" + sb;
    }

    private static List<String> lines(String gatewayId, String json) {
        List<String> out = new ArrayList<>();
        JsonObject o;
        try {
            JsonElement e = JsonParser.parseString(json);
            if (!e.isJsonObject()) {
                throw new JsonParseException("not an object");
            }
            o = e.getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            out.add(gatewayId + " unreadable status (" + json.length() + " bytes)");
            return out;
        }
        boolean isOnline = o.has("online") && o.get("online").isJsonPrimitive() && o.get("online").getAsBoolean();
        out.add(gatewayId + (isOnline ? " online " + text(o, "version") + " since " + text(o, "started") + " (reported " + text(o, "time") + ")" : " OFFLINE"));
        if (isOnline && o.get("interfaces") instanceof JsonArray ifaces) {
            for (JsonElement i : ifaces) {
                if (i instanceof JsonObject f) {
                    out.add("  " + text(f, "ifname") + " " + text(f, "role") + " " + text(f, "state") + " ssid=" + text(f, "ssid") + " driver=" + text(f, "driver")
                            + ("ap".equals(text(f, "role")) ? " stations=" + text(f, "stations") : " bssid=" + text(f, "bssid")));
                }
            }
        }
        return out;
    }

    private static String text(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || !e.isJsonPrimitive() ? "?" : e.getAsString();
    }
}
