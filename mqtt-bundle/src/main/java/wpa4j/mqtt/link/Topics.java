package wpa4j.mqtt.link;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The topic scheme of one gateway, {@code wpa4j/<gatewayId>/...}: its retained status, one topic per event of an
 * interface, and the command/reply pairs of an interface.
 *
 * @param gatewayId one topic level: no {@code /}, {@code +}, {@code #}
 */
public record Topics(String gatewayId) {
    public static final String ROOT = "wpa4j";
    /** Every gateway's retained status: what {@code fleet:list} subscribes to. */
    public static final String ALL_STATUS = ROOT + "/+/status";
    /** A request id: what a client may choose, short enough to log. */
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** A command topic taken apart: the interface it is for and the requester's id, echoed in the reply topic. */
    public record Command(String ifname, String requestId) {
    }

    public Topics {
        checkLevel("gatewayId", gatewayId);
    }

    /** Whether {@code s} can be one topic level: not empty, no separator or wildcard, no NUL (MQTT 3.1.1, 4.7). */
    public static boolean isLevel(String s) {
        return !s.isEmpty() && s.chars().noneMatch(c -> c == '/' || c == '+' || c == '#' || c == 0);
    }

    static void checkLevel(String what, String s) {
        if (!isLevel(s)) {
            throw new IllegalArgumentException(what + ": '" + s + "' cannot be an MQTT topic level (empty, or has / + # or NUL)");
        }
    }

    public String status() {
        return ROOT + "/" + gatewayId + "/status";
    }

    public String event(String ifname, String event) {
        return ROOT + "/" + gatewayId + "/" + ifname + "/event/" + event;
    }

    /** The subscription for every interface's commands. */
    public String commands() {
        return ROOT + "/" + gatewayId + "/+/cmd/+";
    }

    public String reply(String ifname, String requestId) {
        return ROOT + "/" + gatewayId + "/" + ifname + "/reply/" + requestId;
    }

    /**
     * The interface and request id of a command topic of this gateway; empty for any other topic. A request id outside
     * {@code [A-Za-z0-9._-]{1,64}} is refused here: it would be echoed into a reply topic and the log.
     */
    public Optional<Command> command(String topic) {
        String[] levels = topic.split("/", -1);
        if (levels.length != 5 || !levels[0].equals(ROOT) || !levels[1].equals(gatewayId) || !levels[3].equals("cmd")
                || !REQUEST_ID.matcher(levels[4]).matches() || !isLevel(levels[2])) {
            return Optional.empty();
        }
        return Optional.of(new Command(levels[2], levels[4]));
    }
}
