package wpa4j.ctrl;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * What answers one control socket: a whiteboard service a core registers per interface, with {@link #DIR} and
 * {@link #NAME} (and optionally {@link #GROUP}) as service properties; the transport binds
 * {@code <dir>/<name>} and serves wpa_cli / hostapd_cli there. Also usable without OSGi through
 * {@link CtrlServer#open}.
 * <p>
 * Requests and replies are ISO-8859-1 strings, one char per octet, so SSIDs and other raw bytes survive.
 * ATTACH, DETACH and LEVEL never reach the endpoint: the transport keeps the monitors.
 */
@ConsumerType
public interface CtrlEndpoint {
    /** Service property: the socket directory, e.g. /var/run/wpa_supplicant or /var/run/hostapd. */
    String DIR = "wpa4j.ctrl.dir";
    /** Service property: the socket file name, the interface name. */
    String NAME = "wpa4j.ctrl.name";
    /** Optional service property: group name or numeric gid given to the directory and the socket. */
    String GROUP = "wpa4j.ctrl.group";

    /**
     * The reply to one request (one trailing newline already removed), e.g. {@code "PONG\n"} for PING; unknown
     * commands are the endpoint's to answer ({@code "UNKNOWN COMMAND\n"}). Called on the socket's own thread;
     * may block a few seconds. A throw or null answers {@code "FAIL\n"}.
     */
    String handle(String request);

    /**
     * Called while the socket opens: from then on the endpoint reports its unsolicited messages to
     * {@code sink}, until the transport closes the returned handle. Endpoints without events keep the default.
     */
    default AutoCloseable subscribe(CtrlEvents sink) {
        return () -> {
        };
    }
}
