package wpa4j.nl80211.cmd;

import java.util.List;
import java.util.Optional;

import wpa4j.common.codec.MalformedFrameException;
import wpa4j.linux.netlink.NlAttr;
import wpa4j.nl80211.uapi.Uapi;

/**
 * NL80211_ATTR_STA_INFO of one station: signal (dBm), TX bitrate (100 kbps), inactivity (ms), counters, and how long
 * the link has been up (whole seconds; -1 when the kernel did not say).
 */
public record StationRecord(int signal, int txBitrate, long inactiveMs, long rxBytes, long txBytes, long rxPackets, long txPackets, long txFailed,
        long txRetries, long connectedSeconds) {

    static StationRecord parse(List<NlAttr> info) throws MalformedFrameException {
        int signal = NlAttr.find(info, Uapi.NL80211_STA_INFO_SIGNAL).map(a -> (int) (byte) NlAttrs.u8OrZero(a)).orElse(0);
        int rate = 0;
        Optional<NlAttr> tx = NlAttr.find(info, Uapi.NL80211_STA_INFO_TX_BITRATE);
        if (tx.isPresent()) {
            rate = NlAttr.find(tx.get().nested(), Uapi.NL80211_RATE_INFO_BITRATE32).map(a -> (int) NlAttrs.u32OrZero(a)).orElse(0);
        }
        return new StationRecord(signal, rate, u32(info, Uapi.NL80211_STA_INFO_INACTIVE_TIME), u32(info, Uapi.NL80211_STA_INFO_RX_BYTES),
                u32(info, Uapi.NL80211_STA_INFO_TX_BYTES), u32(info, Uapi.NL80211_STA_INFO_RX_PACKETS), u32(info, Uapi.NL80211_STA_INFO_TX_PACKETS),
                u32(info, Uapi.NL80211_STA_INFO_TX_FAILED), u32(info, Uapi.NL80211_STA_INFO_TX_RETRIES),
                NlAttr.find(info, Uapi.NL80211_STA_INFO_CONNECTED_TIME).map(NlAttrs::u32OrZero).orElse(-1L));
    }

    private static long u32(List<NlAttr> info, int type) {
        return NlAttr.find(info, type).map(NlAttrs::u32OrZero).orElse(0L);
    }
}
