package wpa4j.runtime.events;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.service.event.Event;

/**
 * Turns a core's monitor line into an Event Admin event. The topic is the event name without its
 * {@code CTRL-EVENT-}/{@code AP-} prefix, dashes as underscores ({@code CTRL-EVENT-CONNECTED} →
 * {@code wpa4j/station/CONNECTED}, {@code AP-STA-CONNECTED} → {@code wpa4j/ap/STA_CONNECTED}); every
 * {@code key=value} of the line is a property, with {@code ifname} and the whole {@code line}. Lines that are not
 * events (SME progress, debug) give nothing.
 */
public final class ControlEvents {
    public static final String STATION_TOPIC = "wpa4j/station/";
    public static final String AP_TOPIC = "wpa4j/ap/";
    private static final Pattern FIELD = Pattern.compile("([a-z_]+)=(\"(?:[^\"\\\\]|\\\\.)*\"|[^\\s\\]]*)");
    private static final Pattern CONNECTED = Pattern.compile("Connection to (\\S+) completed");
    private static final Pattern STATE = Pattern.compile("State: (\\S+) -> (\\S+)");
    private static final Pattern MAC = Pattern.compile("[0-9a-f]{2}(:[0-9a-f]{2}){5}");

    private ControlEvents() {}

    /** A station line ({@code CTRL-EVENT-*}, {@code State: A -> B}) as an event on {@code wpa4j/station/...}. */
    public static Optional<Event> station(String ifname, String line) {
        Matcher st = STATE.matcher(line);
        if (st.matches()) {
            return Optional.of(new Event(STATION_TOPIC + "STATE", Map.of("ifname", ifname, "from", st.group(1), "to", st.group(2), "line", line)));
        }
        if (!line.startsWith("CTRL-EVENT-")) {
            return Optional.empty();
        }
        String name = firstWord(line).substring("CTRL-EVENT-".length());
        Map<String, Object> props = fields(ifname, line);
        Matcher c = CONNECTED.matcher(line);
        if (c.find()) {
            props.put("bssid", c.group(1));
        }
        return Optional.of(new Event(STATION_TOPIC + topic(name), props));
    }

    /** An AP line ({@code AP-*}, {@code WPA-GROUP-*}) as an event on {@code wpa4j/ap/...}; a station address is {@code addr}. */
    public static Optional<Event> ap(String ifname, String line) {
        String first = firstWord(line);
        if (!first.startsWith("AP-") && !first.startsWith("WPA-GROUP-")) {
            return Optional.empty();
        }
        Map<String, Object> props = fields(ifname, line);
        String[] words = line.split(" ");
        if (words.length > 1 && MAC.matcher(words[1]).matches()) {
            props.put("addr", words[1]);
        }
        return Optional.of(new Event(AP_TOPIC + topic(first.startsWith("AP-") ? first.substring(3) : first), props));
    }

    private static String firstWord(String line) {
        int sp = line.indexOf(' ');
        return sp < 0 ? line : line.substring(0, sp);
    }

    private static String topic(String name) {
        return name.replace('-', '_');
    }

    /**
     * Every {@code key=value} of a monitor line, in order; a quoted value without its quotes ({@code ssid="a b"} gives
     * {@code a b}). Also what the MQTT bridge puts in an event's JSON.
     *
     * @since 1.1
     */
    public static Map<String, String> fields(String line) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher m = FIELD.matcher(line);
        while (m.find()) {
            String v = m.group(2);
            fields.put(m.group(1), v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v);
        }
        return fields;
    }

    private static Map<String, Object> fields(String ifname, String line) {
        Map<String, Object> props = new LinkedHashMap<>(fields(line));
        props.put("ifname", ifname);
        props.put("line", line);
        return props;
    }
}
