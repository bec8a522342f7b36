package wpa4j.mqtt.bridge;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.osgi.service.event.EventConstants;

import com.google.gson.JsonObject;

import wpa4j.ctrl.CtrlEvents;
import wpa4j.mqtt.link.Message;
import wpa4j.mqtt.link.Topics;
import wpa4j.runtime.events.ControlEvents;

/**
 * A core's monitor line as an MQTT event: lines whose first word is an event name ({@code CTRL-EVENT-CONNECTED},
 * {@code AP-STA-CONNECTED}, {@code WPA-GROUP-KEY-COMPLETED}, ...) at MSG_INFO or above go to
 * {@code wpa4j/<gw>/<ifname>/event/<EVENT>} as
 * {@code {"gateway","ifname","event","level","time","fields":{key:value...},"text"}}; progress and debug lines
 * ({@code SME: ...}, {@code Trying to associate ...}) are not events. Monitor lines never carry key material.
 */
public final class EventMessages {
    private static final Pattern EVENT = Pattern.compile("[A-Z][A-Z0-9]*(-[A-Z0-9_]+)+");
    /** Event Admin properties that are the message itself, not fields of it. */
    private static final Set<String> NOT_FIELDS = Set.of("ifname", "line", EventConstants.EVENT_TOPIC);

    private EventMessages() {}

    /** {@code octets}: the line as the endpoint gives it, one char per octet. */
    public static Optional<Message> of(Topics topics, int qos, String ifname, int level, String octets, Instant time) {
        // checked first: this runs on the cores' loops for every line, debug lines included
        if (level < CtrlEvents.MSG_INFO) {
            return Optional.empty();
        }
        String text = Octets.text(octets);
        int sp = text.indexOf(' ');
        String name = sp < 0 ? text : text.substring(0, sp);
        if (!EVENT.matcher(name).matches()) {
            return Optional.empty();
        }
        JsonObject o = new JsonObject();
        o.addProperty("gateway", topics.gatewayId());
        o.addProperty("ifname", ifname);
        o.addProperty("event", name);
        o.addProperty("level", level);
        o.addProperty("time", time.toString());
        JsonObject fields = new JsonObject();
        // the same properties as the Event Admin event of the line (with bssid of a connection, addr of an AP event)
        ControlEvents.station(ifname, text).or(() -> ControlEvents.ap(ifname, text)).ifPresentOrElse(e -> {
            for (String key : e.getPropertyNames()) {
                if (!NOT_FIELDS.contains(key)) {
                    fields.addProperty(key, String.valueOf(e.getProperty(key)));
                }
            }
        }, () -> ControlEvents.fields(text).forEach(fields::addProperty));
        o.add("fields", fields);
        o.addProperty("text", text);
        return Optional.of(Message.json(topics.event(ifname, name), o.toString(), qos, false));
    }
}
