package wpa4j.ctrl;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Where a {@link CtrlEndpoint} sends its unsolicited messages while a control socket is open. The transport
 * implements it: a call never blocks for long and may come from any thread.
 */
@ProviderType
@FunctionalInterface
public interface CtrlEvents {
    /** wpa_supplicant's message levels; a monitor gets the messages at or above its LEVEL (MSG_INFO at ATTACH). */
    int MSG_EXCESSIVE = 0;
    int MSG_MSGDUMP = 1;
    int MSG_DEBUG = 2;
    int MSG_INFO = 3;
    int MSG_WARNING = 4;
    int MSG_ERROR = 5;

    /**
     * Sends {@code <level>text} to the attached monitors whose threshold is at most {@code level}, e.g.
     * {@code event(MSG_INFO, "CTRL-EVENT-SCAN-RESULTS")}. The text goes out as ISO-8859-1: one char per octet.
     */
    void event(int level, String text);
}
