package wpa4j.ctrl;

/**
 * One control request split as hostap's ctrl_iface does: the command word, and the rest after one space.
 *
 * @param command e.g. {@code SET_NETWORK}
 * @param args everything after the first space, or empty
 */
public record CtrlRequest(String command, String args) {
    public static CtrlRequest parse(String request) {
        int sp = request.indexOf(' ');
        return sp < 0 ? new CtrlRequest(request, "") : new CtrlRequest(request.substring(0, sp), request.substring(sp + 1));
    }
}
