package wpa4j.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import com.google.gson.JsonParser;

import wpa4j.mqtt.bridge.CommandRequests;
import wpa4j.mqtt.bridge.FleetTable;
import wpa4j.mqtt.link.Message;
import wpa4j.mqtt.link.Topics;
import wpa4j.runtime.eloop.EventLoop;
import wpa4j.supplicant.core.Supplicant;
import wpa4j.supplicant.core.SupplicantListener;
import wpa4j.supplicant.core.SupplicantTiming;
import wpa4j.supplicant.ctrl.StationCommands;
import wpa4j.supplicant.station.Station;
import wpa4j.web.auth.BasicAuth;

/**
 * What the fleet and the web send a gateway: MQTT command topics and payloads (served by a real station's control
 * endpoint, answered with a JSON reply, never a throw), other gateways' retained statuses (listed or shown as
 * unreadable), and the page's Authorization headers (accepted or not, never a throw).
 */
class FleetInputFuzzTest {
    private static final EventLoop LOOP = new EventLoop("fuzz-fleet");

    @AfterAll
    static void close() {
        LOOP.close();
    }

    @FuzzTest(maxDuration = "10s")
    void mqttCommands(@NotNull String topicTail, byte @NotNull [] payload) {
        Supplicant core = new Supplicant(LOOP, "wlan9", List.of(), SupplicantTiming.DEFAULT, SupplicantListener.of((a, b) -> { }, l -> { }));
        StationCommands station = new StationCommands(LOOP, new Station("wlan9", core, p -> { }), p -> { });
        CommandRequests requests = new CommandRequests(new Topics("gw"), 1, ifname -> ifname.equals("wlan9") ? Optional.of(station) : Optional.empty());
        Optional<Message> reply = requests.serve("wpa4j/gw/" + topicTail, payload);
        if (reply.isPresent()) {
            JsonParser.parseString(reply.get().text()).getAsJsonObject();
            if (!reply.get().topic().startsWith("wpa4j/gw/") || !reply.get().topic().contains("/reply/")) {
                throw new IllegalStateException("a reply outside the gateway's reply topics: " + reply.get().topic());
            }
        }
        String text = new String(payload, StandardCharsets.UTF_8);
        int sp = text.indexOf(' ');
        // the arguments must not come back (a passphrase); the topic's own levels (the interface name) may
        if (reply.isPresent() && sp > 0 && text.length() > sp + 8 && !topicTail.contains(text.substring(sp).strip())
                && reply.get().text().contains(text.substring(sp))) {
            throw new IllegalStateException("the arguments of a request were echoed");
        }
    }

    @FuzzTest(maxDuration = "10s")
    void retainedStatuses(@NotNull String gatewayId, @NotNull String json) {
        FleetTable t = new FleetTable();
        t.put(gatewayId, json);
        t.format();
    }

    @FuzzTest(maxDuration = "10s")
    void authorizationHeaders(@NotNull String header) {
        new BasicAuth("operator", "page password").check(header);
    }
}
