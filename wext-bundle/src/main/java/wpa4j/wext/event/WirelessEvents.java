package wpa4j.wext.event;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.MacAddress;
import wpa4j.wext.uapi.Uapi;

/**
 * Decodes the iw_event stream of an IFLA_WIRELESS attribute (64-bit layout, as the kernel's
 * wireless_send_event writes it: len/cmd in IW_EV_LCP_LEN, point events' length at IW_EV_LCP_LEN and data
 * at IW_EV_POINT_LEN). Commands the station has no use for are skipped and counted; an event whose lengths
 * do not fit ends the stream and is counted malformed.
 */
public final class WirelessEvents {
    /** The events found, and how many were skipped (unknown) or malformed. */
    public record Parsed(List<WirelessEvent> events, int skipped, int malformed) {}

    private WirelessEvents() {}

    public static Parsed parse(Bytes stream) {
        byte[] buf = stream.toArray();
        ByteBuffer b = ByteBuffer.wrap(buf).order(ByteOrder.nativeOrder());
        List<WirelessEvent> events = new ArrayList<>();
        int skipped = 0;
        int malformed = 0;
        int pos = 0;
        while (buf.length - pos >= Uapi.IW_EV_LCP_LEN) {
            int len = b.getShort(pos) & 0xffff;
            int cmd = b.getShort(pos + 2) & 0xffff;
            int u = pos + Uapi.IW_EV_LCP_LEN;
            if (len < Uapi.IW_EV_LCP_LEN || len > buf.length - pos) {
                malformed++;
                break;
            }
            boolean point = cmd == Uapi.IWEVASSOCREQIE || cmd == Uapi.IWEVASSOCRESPIE || cmd == Uapi.IWEVMICHAELMICFAILURE
                    || cmd == Uapi.SIOCGIWSCAN;
            int dataLen = point && len >= Uapi.IW_EV_POINT_LEN ? b.getShort(u) & 0xffff : 0;
            if (point && (len < Uapi.IW_EV_POINT_LEN || Uapi.IW_EV_POINT_LEN + dataLen > len)
                    || cmd == Uapi.SIOCGIWAP && len < Uapi.IW_EV_ADDR_LEN) {
                malformed++;
                break;
            }
            Bytes data = point ? Bytes.of(buf, pos + Uapi.IW_EV_POINT_LEN, dataLen) : Bytes.EMPTY;
            if (cmd == Uapi.SIOCGIWAP) {
                events.add(new WirelessEvent.ApAddress(MacAddress.of(buf, u + 2)));
            } else if (cmd == Uapi.IWEVASSOCREQIE) {
                events.add(new WirelessEvent.AssocReqIe(data));
            } else if (cmd == Uapi.IWEVASSOCRESPIE) {
                events.add(new WirelessEvent.AssocRespIe(data));
            } else if (cmd == Uapi.SIOCGIWSCAN) {
                events.add(new WirelessEvent.ScanDone());
            } else if (cmd == Uapi.IWEVMICHAELMICFAILURE) {
                if (dataLen < Uapi.IW_MICFAILURE_SRC_ADDR + 8) {
                    malformed++;
                    break;
                }
                int at = pos + Uapi.IW_EV_POINT_LEN;
                int flags = b.getInt(at + Uapi.IW_MICFAILURE_FLAGS);
                events.add(new WirelessEvent.MicFailure(flags & Uapi.IW_MICFAILURE_KEY_ID, (flags & Uapi.IW_MICFAILURE_GROUP) != 0,
                        MacAddress.of(buf, at + Uapi.IW_MICFAILURE_SRC_ADDR + 2)));
            } else {
                skipped++;
            }
            pos += len;
        }
        return new Parsed(List.copyOf(events), skipped, malformed);
    }
}
