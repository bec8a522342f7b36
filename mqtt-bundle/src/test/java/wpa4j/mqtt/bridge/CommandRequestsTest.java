package wpa4j.mqtt.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import wpa4j.ctrl.CtrlEndpoint;
import wpa4j.mqtt.link.Message;
import wpa4j.mqtt.link.Topics;

class CommandRequestsTest {
    private final List<String> handled = new ArrayList<>();
    private final CtrlEndpoint station = request -> {
        handled.add(request);
        return switch (request) {
            case "PING" -> "PONG\n";
            case "ADD_NETWORK" -> handled.size() + "\n";
            case "BOOM" -> throw new IllegalStateException("a bug in the endpoint");
            default -> request.startsWith("SET_NETWORK") ? "OK\n" : "UNKNOWN COMMAND\n";
        };
    };
    private final CommandRequests requests = new CommandRequests(new Topics("gw1"), 1,
            ifname -> ifname.equals("wlan0") ? Optional.of(station) : Optional.empty());

    private JsonObject serve(String topic, byte[] payload) {
        Message m = requests.serve(topic, payload).orElseThrow();
        assertEquals(1, m.qos());
        return JsonParser.parseString(m.text()).getAsJsonObject();
    }

    private JsonObject serve(String id, String request) {
        return serve("wpa4j/gw1/wlan0/cmd/" + id, request.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aRequestIsAnsweredByTheEndpointOnTheReplyTopic() {
        Message m = requests.serve("wpa4j/gw1/wlan0/cmd/r-1", "PING".getBytes(StandardCharsets.UTF_8)).orElseThrow();
        assertEquals("wpa4j/gw1/wlan0/reply/r-1", m.topic());
        JsonObject o = JsonParser.parseString(m.text()).getAsJsonObject();
        assertEquals("PONG\n", o.get("reply").getAsString());
        assertTrue(o.get("ok").getAsBoolean());
        assertEquals("PING", o.get("command").getAsString());
        assertEquals("r-1", o.get("id").getAsString());
        assertFalse(serve("r-2", "NO_SUCH").get("ok").getAsBoolean());
    }

    @Test
    void aRepeatedRequestIdIsAnsweredAgainNotRunAgain() {
        JsonObject first = serve("add-1", "ADD_NETWORK");
        JsonObject again = serve("add-1", "ADD_NETWORK");
        assertEquals(first, again);
        assertEquals(List.of("ADD_NETWORK"), handled);
        serve("add-2", "ADD_NETWORK");
        assertEquals(2, handled.size());
    }

    @Test
    void theArgumentsOfARequestAreNeverEchoed() {
        JsonObject o = serve("s", "SET_NETWORK 0 psk \"secret passphrase\"");
        assertEquals("SET_NETWORK", o.get("command").getAsString());
        assertFalse(o.toString().contains("secret"), o.toString());
        JsonObject tabs = serve("t", "SET_NETWORK\t0\tpsk\t\"secret passphrase\"");
        assertFalse(tabs.toString().contains("secret"), tabs.toString());
        assertEquals("?", tabs.get("command").getAsString());
    }

    @Test
    void oneTrailingNewlineIsNoPartOfTheRequestAsOnTheSocket() {
        assertEquals("PONG\n", serve("n", "PING\n").get("reply").getAsString());
        assertTrue(serve("n2", "PING\n\n").get("error").getAsString().contains("line break"));
    }

    @Test
    void aRefusedRequestIdMayBeAskedAgain() {
        CommandRequests later = new CommandRequests(new Topics("gw1"), 1, new java.util.function.Function<>() {
            int calls;

            @Override
            public Optional<CtrlEndpoint> apply(String ifname) {
                return calls++ == 0 ? Optional.empty() : Optional.of(station);
            }
        });
        byte[] ping = "PING".getBytes(StandardCharsets.UTF_8);
        assertTrue(later.serve("wpa4j/gw1/wlan0/cmd/x", ping).orElseThrow().text().contains("no station or AP on wlan0"));
        assertTrue(later.serve("wpa4j/gw1/wlan0/cmd/x", ping).orElseThrow().text().contains("PONG"));
    }

    @Test
    void badRequestsGetAnErrorReplyAndNeverReachTheEndpoint() {
        assertTrue(serve("a", "").get("error").getAsString().startsWith("empty request"));
        assertTrue(serve("b", "PING\nPING").get("error").getAsString().contains("line break"));
        assertTrue(serve("c", "PI\0NG").get("error").getAsString().contains("NUL"));
        assertTrue(serve("d", "x".repeat(8193)).get("error").getAsString().contains("at most 8192"));
        assertTrue(serve("wpa4j/gw1/wlan0/cmd/e", new byte[] {(byte) 0xff, (byte) 0xfe}).get("error").getAsString().contains("not UTF-8"));
        assertTrue(serve("f", "ATTACH").get("error").getAsString().contains("control sockets"));
        assertTrue(serve("wpa4j/gw1/wlan9/cmd/g", "PING".getBytes(StandardCharsets.UTF_8)).get("error").getAsString().contains("no station or AP on wlan9"));
        assertEquals(List.of(), handled);
        assertEquals(7, requests.refused());
    }

    @Test
    void anEndpointThatThrowsAnswersFail() {
        JsonObject o = serve("x", "BOOM");
        assertEquals("FAIL\n", o.get("reply").getAsString());
        assertFalse(o.get("ok").getAsBoolean());
    }

    @Test
    void topicsThatAreNotCommandsOfThisGatewayGetNoReply() {
        byte[] ping = "PING".getBytes(StandardCharsets.UTF_8);
        assertTrue(requests.serve("wpa4j/gw2/wlan0/cmd/1", ping).isEmpty());
        assertTrue(requests.serve("wpa4j/gw1/wlan0/reply/1", ping).isEmpty());
        assertTrue(requests.serve("wpa4j/gw1/wlan0/cmd/" + "x".repeat(65), ping).isEmpty());
        assertTrue(requests.serve("wpa4j/gw1/wlan0/cmd/a b", ping).isEmpty());
        assertTrue(requests.serve("wpa4j/gw1/wlan0/cmd/1/2", ping).isEmpty());
        assertEquals(List.of(), handled);
    }

    @Test
    void utf8TextReachesTheEndpointAsItsOctets() {
        List<String> seen = new ArrayList<>();
        CommandRequests r = new CommandRequests(new Topics("gw1"), 0, i -> Optional.of(q -> {
            seen.add(q);
            return q.substring(q.indexOf(' ') + 1) + "\n";
        }));
        Message m = r.serve("wpa4j/gw1/wlan0/cmd/u", "SET_NETWORK 0 ssid \"café\"".getBytes(StandardCharsets.UTF_8)).orElseThrow();
        assertEquals("SET_NETWORK 0 ssid \"caf\u00c3\u00a9\"", seen.get(0));
        assertTrue(m.text().contains("café"), m.text());
    }
}
