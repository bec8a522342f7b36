package wpa4j.mqtt.bridge;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.google.gson.JsonObject;

import wpa4j.ctrl.CtrlEndpoint;
import wpa4j.ctrl.CtrlRequest;
import wpa4j.ctrl.CtrlServer;
import wpa4j.mqtt.link.Message;
import wpa4j.mqtt.link.Topics;

/**
 * Serves {@code wpa4j/<gw>/<ifname>/cmd/<request-id>}: the payload is one control request as wpa_cli or hostapd_cli
 * sends it ({@code STATUS}, {@code SCAN}, {@code SELECT_NETWORK 1}, {@code ALL_STA}, {@code DEAUTHENTICATE <addr>}),
 * handed to the interface's {@link CtrlEndpoint}, the same object that answers the control socket, so it is checked
 * exactly as control-interface input. The reply goes to {@code .../reply/<request-id>} as
 * {@code {"gateway","ifname","id","command","ok","reply"}} or, for a request refused here, {@code "error"}. The command
 * word is echoed, never its arguments (they may hold a passphrase). A request id seen again (QoS 1 delivers at least
 * once) gets its first reply again, the request is not run twice. Not thread-safe: one thread serves the requests.
 */
public final class CommandRequests {
    /** How many request ids are remembered for the at-least-once duplicates. */
    static final int REMEMBERED = 256;
    /** Requests the socket transport keeps for itself: they mean nothing over MQTT. */
    private static final java.util.Set<String> TRANSPORT = java.util.Set.of("ATTACH", "DETACH", "LEVEL");
    private static final java.util.regex.Pattern COMMAND_WORD = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{1,32}");

    private final Topics topics;
    private final int qos;
    private final Function<String, Optional<CtrlEndpoint>> endpoints;
    private final Map<String, Message> answered = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Message> eldest) {
            return size() > REMEMBERED;
        }
    };
    private long refused;

    public CommandRequests(Topics topics, int qos, Function<String, Optional<CtrlEndpoint>> endpoints) {
        this.topics = topics;
        this.qos = qos;
        this.endpoints = endpoints;
    }

    /** The reply to publish; empty for a topic that is not one of this gateway's command topics (nothing to answer to). */
    public Optional<Message> serve(String topic, byte[] payload) {
        Optional<Topics.Command> cmd = topics.command(topic);
        if (cmd.isEmpty()) {
            refused++;
            return Optional.empty();
        }
        String key = cmd.get().ifname() + "/" + cmd.get().requestId();
        Message again = answered.get(key);
        if (again != null) {
            return Optional.of(again);
        }
        long before = refused;
        Message reply = answer(cmd.get(), payload);
        if (refused == before) {
            // only what reached an endpoint: a refusal ("no station on wlan0" while it starts) may be asked again
            answered.put(key, reply);
        }
        return Optional.of(reply);
    }

    /** Requests refused before reaching an endpoint (bad topic, payload or interface). */
    public long refused() {
        return refused;
    }

    private Message answer(Topics.Command cmd, byte[] payload) {
        JsonObject o = new JsonObject();
        o.addProperty("gateway", topics.gatewayId());
        o.addProperty("ifname", cmd.ifname());
        o.addProperty("id", cmd.requestId());
        String error = null;
        String request = null;
        if (payload.length == 0) {
            error = "empty request; send one control command, e.g. STATUS";
        } else if (payload.length > CtrlServer.MAX_REQUEST) {
            error = "request of " + payload.length + " bytes; at most " + CtrlServer.MAX_REQUEST;
        } else {
            request = utf8(payload);
            if (request != null && request.endsWith("\n")) {
                request = request.substring(0, request.length() - 1); // as the socket: one trailing newline is no part of it
            }
            if (request == null) {
                error = "request is not UTF-8 text";
            } else if (request.chars().anyMatch(c -> c == 0 || c == '\n' || c == '\r')) {
                error = "request has a NUL or line break; send one command per message";
            }
        }
        Optional<CtrlEndpoint> endpoint = Optional.empty();
        if (error == null) {
            String word = CtrlRequest.parse(request).command();
            // the command word only, and only when it looks like one: arguments (a passphrase) are never echoed
            o.addProperty("command", COMMAND_WORD.matcher(word).matches() ? word : "?");
            endpoint = endpoints.apply(cmd.ifname());
            if (TRANSPORT.contains(word.toUpperCase(java.util.Locale.ROOT))) {
                error = word + " is for control sockets; over MQTT every event is published";
            } else if (endpoint.isEmpty()) {
                error = "no station or AP on " + cmd.ifname();
            }
        }
        if (error != null) {
            refused++;
            o.addProperty("ok", false);
            o.addProperty("error", error);
        } else {
            String reply = handle(endpoint.get(), request);
            o.addProperty("ok", !reply.startsWith("FAIL") && !reply.startsWith("UNKNOWN COMMAND"));
            o.addProperty("reply", Octets.text(reply));
        }
        return Message.json(topics.reply(cmd.ifname(), cmd.requestId()), o.toString(), qos, false);
    }

    /** As the socket transport does: a throw (but the JVM's own distress) or null answers FAIL. */
    private static String handle(CtrlEndpoint endpoint, String request) {
        try {
            String r = endpoint.handle(Octets.of(request));
            return r == null ? "FAIL\n" : r;
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            return "FAIL\n";
        }
    }

    private static String utf8(byte[] payload) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(payload)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
