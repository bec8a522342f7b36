package wpa4j.nl80211;

import java.util.List;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import wpa4j.common.codec.MalformedFrameException;
import wpa4j.driver.types.MacAddress;
import wpa4j.linux.netlink.NlAttr;
import wpa4j.nl80211.cmd.InterfaceRecord;
import wpa4j.nl80211.cmd.Nl80211Events;
import wpa4j.nl80211.uapi.Uapi;

/**
 * The nl80211 backend's event decoder as the kernel's multicast and unicast notifications reach it: an mlme command
 * (authenticate, associate, deauthenticate, frame, control port frame, TX status, CQM...) with fuzzed attributes, the
 * interface in station or AP mode. Whatever the attributes hold, the decoder turns them into driver events or drops them;
 * nothing may escape to the socket's reader thread.
 */
class EventDecoderFuzzTest {
    private static final int[] COMMANDS = {Uapi.NL80211_CMD_CONTROL_PORT_FRAME, Uapi.NL80211_CMD_FRAME, Uapi.NL80211_CMD_REMAIN_ON_CHANNEL,
        Uapi.NL80211_CMD_CANCEL_REMAIN_ON_CHANNEL, Uapi.NL80211_CMD_NOTIFY_CQM, Uapi.NL80211_CMD_PROBE_CLIENT, Uapi.NL80211_CMD_SCHED_SCAN_RESULTS,
        Uapi.NL80211_CMD_SCHED_SCAN_STOPPED, Uapi.NL80211_CMD_FRAME_TX_STATUS, Uapi.NL80211_CMD_NEW_SCAN_RESULTS, Uapi.NL80211_CMD_SCAN_ABORTED,
        Uapi.NL80211_CMD_AUTHENTICATE, Uapi.NL80211_CMD_ASSOCIATE, Uapi.NL80211_CMD_DEAUTHENTICATE, Uapi.NL80211_CMD_DISASSOCIATE,
        Uapi.NL80211_CMD_UNPROT_DEAUTHENTICATE, Uapi.NL80211_CMD_UNPROT_DISASSOCIATE, Uapi.NL80211_CMD_UNPROT_BEACON};
    /** An in-process custody: leases hold the notes the MLME writes; no socket is opened. */
    private static final wpa4j.linux.custody.SocketCustody CUSTODY = wpa4j.linux.custody.plain.PlainCustody.create();
    private static final InterfaceRecord IFACE = new InterfaceRecord(3, "wlan0", 0, Uapi.NL80211_IFTYPE_STATION,
            MacAddress.parse("02:00:00:00:01:00"), 2412);

    @FuzzTest(maxDuration = "10s")
    void mlmeNotifications(FuzzedDataProvider data) {
        boolean ap = data.consumeBoolean();
        int cmd = data.consumeBoolean() ? data.pickValue(COMMANDS) : data.consumeInt(0, 255);
        List<NlAttr> attrs;
        try {
            attrs = NlAttr.parse(wpa4j.driver.types.Bytes.of(data.consumeRemainingAsBytes()));
        } catch (MalformedFrameException refused) {
            return;
        }
        // an MLME with a lease and no sockets: the decoder only reads what the SME last sent and notes link changes
        InterfaceSockets sockets = InterfaceSockets.lease(CUSTODY, null, IFACE.ifindex(), "fuzz");
        try {
            StationMlme station = new StationMlme(null, sockets, IFACE, null, new EapolPath(null, sockets, IFACE, e -> { }, ap));
            Nl80211EventDecoder decoder = new Nl80211EventDecoder(IFACE, e -> {
                if (e == null) {
                    throw new AssertionError("a null event");
                }
            }, station, () -> ap);
            decoder.onNotification(new Nl80211Events.Notification(cmd, attrs));
        } finally {
            sockets.end();
        }
    }
}
