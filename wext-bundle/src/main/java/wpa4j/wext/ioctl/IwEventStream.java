package wpa4j.wext.ioctl;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.FreqParams;
import wpa4j.driver.types.HwModeType;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.ScanResult;
import wpa4j.driver.types.ScanResultFlag;
import wpa4j.wext.uapi.Uapi;

/**
 * The iw_event stream SIOCGIWSCAN returns, as the 64-bit kernel writes it: each event is len/cmd
 * (IW_EV_LCP_LEN), then its payload; point events carry length/flags at IW_EV_LCP_LEN and their data at
 * IW_EV_POINT_LEN. SIOCGIWAP starts a BSS; ESSID, frequency, quality, encode, IWEVGENIE IEs and IWEVCUSTOM
 * "wpa_ie="/"rsn_ie=" hex fill it; SIOCGIWRATE, SIOCGIWMODE and SIOCGIWNAME carry nothing a scan result keeps.
 * Unknown commands are skipped and counted; a truncated or inconsistent event ends the stream (counted).
 */
public final class IwEventStream {
    private static final int CAP_ESS = 0x0001;
    private static final int CAP_PRIVACY = 0x0010;

    /** The BSSs found, and how many events were skipped (unknown) or found malformed. */
    public record Parsed(List<ScanResult> results, int skipped, int malformed) {}

    private IwEventStream() {}

    /** A BSS being filled from its events. */
    private static final class Bss {
        final MacAddress bssid;
        byte[] ssid;
        int freq;
        int channel;
        int level;
        boolean levelValid;
        boolean privacy;
        final ByteArrayOutputStream ies = new ByteArrayOutputStream();

        Bss(MacAddress bssid) {
            this.bssid = bssid;
        }

        /** As driver_wext: the SSID element first, then the IEs the kernel gave as IWEVGENIE. */
        ScanResult result() {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            if (ssid != null) {
                all.write(0);
                all.write(ssid.length);
                all.write(ssid, 0, ssid.length);
            }
            byte[] rest = ies.toByteArray();
            all.write(rest, 0, rest.length);
            Set<ScanResultFlag> flags = EnumSet.of(ScanResultFlag.QUAL_INVALID, ScanResultFlag.NOISE_INVALID);
            flags.add(levelValid ? ScanResultFlag.LEVEL_DBM : ScanResultFlag.LEVEL_INVALID);
            return new ScanResult(flags, bssid, freq, 0, CAP_ESS | (privacy ? CAP_PRIVACY : 0), 0, 0, levelValid ? level : 0, 0, 0,
                    Bytes.of(all.toByteArray()), Bytes.EMPTY);
        }

        boolean complete() {
            return freq >= 2400 || channelFreq() != 0;
        }

        /** The channel SIOCGIWFREQ gave as a number (no exponent) in MHz: 1..14 is 2.4 GHz, 32..177 is 5 GHz, else 0 (unknown). */
        int channelFreq() {
            if (channel >= 1 && channel <= 14) {
                return FreqParams.channelToFrequency(HwModeType.IEEE80211G, channel);
            }
            return channel >= 32 && channel <= 177 ? FreqParams.channelToFrequency(HwModeType.IEEE80211A, channel) : 0;
        }
    }

    public static Parsed parse(byte[] buf, int length) {
        ByteBuffer b = ByteBuffer.wrap(buf, 0, Math.min(length, buf.length)).order(ByteOrder.nativeOrder());
        int end = Math.min(length, buf.length);
        List<ScanResult> results = new ArrayList<>();
        int skipped = 0;
        int malformed = 0;
        Bss cur = null;
        int pos = 0;
        while (end - pos >= Uapi.IW_EV_LCP_LEN) {
            int len = b.getShort(pos) & 0xffff;
            int cmd = b.getShort(pos + 2) & 0xffff;
            if (len <= Uapi.IW_EV_LCP_LEN || len > end - pos) {
                malformed++;
                break;
            }
            int u = pos + Uapi.IW_EV_LCP_LEN;
            boolean point = cmd == Uapi.SIOCGIWESSID || cmd == Uapi.SIOCGIWENCODE || cmd == Uapi.IWEVGENIE || cmd == Uapi.IWEVCUSTOM;
            if (point && len < Uapi.IW_EV_POINT_LEN) {
                // too short to hold the point's length field (fuzzing found it read past the stream)
                malformed++;
                break;
            }
            int dataLen = point ? b.getShort(u) & 0xffff : 0;
            if (point && Uapi.IW_EV_POINT_LEN + dataLen > len) {
                malformed++;
                break;
            }
            if (cmd == Uapi.SIOCGIWAP) {
                if (len < Uapi.IW_EV_ADDR_LEN) {
                    malformed++;
                    break;
                }
                if (cur != null && cur.complete() && !finish(cur, results)) {
                    malformed++;
                }
                cur = new Bss(MacAddress.of(buf, u + 2));
            } else if (cur == null) {
                skipped++; // an event before any SIOCGIWAP belongs to no BSS
            } else if (cmd == Uapi.SIOCGIWESSID) {
                if (dataLen > Uapi.IW_ESSID_MAX_SIZE) {
                    malformed++;
                    break;
                }
                cur.ssid = new byte[dataLen];
                System.arraycopy(buf, pos + Uapi.IW_EV_POINT_LEN, cur.ssid, 0, dataLen);
            } else if (cmd == Uapi.SIOCGIWFREQ && len >= Uapi.IW_EV_FREQ_LEN) {
                int m = b.getInt(u);
                int e = b.getShort(u + 4);
                if (e > 0) {
                    cur.freq = IwFreq.mhz(m, e);
                } else {
                    cur.channel = m;
                }
            } else if (cmd == Uapi.IWEVQUAL && len >= Uapi.IW_EV_QUAL_LEN) {
                int level = b.get(u + 1) & 0xff;
                int updated = b.get(u + 3) & 0xff;
                cur.levelValid = (updated & Uapi.IW_QUAL_DBM) != 0 && (updated & Uapi.IW_QUAL_LEVEL_INVALID) == 0;
                cur.level = level - 256;
            } else if (cmd == Uapi.SIOCGIWENCODE) {
                cur.privacy = (b.getShort(u + 2) & Uapi.IW_ENCODE_DISABLED) == 0;
            } else if (cmd == Uapi.IWEVGENIE) {
                cur.ies.write(buf, pos + Uapi.IW_EV_POINT_LEN, dataLen);
            } else if (cmd == Uapi.IWEVCUSTOM) {
                if (!customIe(new String(buf, pos + Uapi.IW_EV_POINT_LEN, dataLen, StandardCharsets.ISO_8859_1), cur.ies)) {
                    skipped++;
                }
            } else if (cmd != Uapi.SIOCGIWRATE && cmd != Uapi.SIOCGIWMODE && cmd != Uapi.SIOCGIWNAME) {
                skipped++;
            }
            pos += len;
        }
        if (cur != null && cur.complete() && !finish(cur, results)) {
            malformed++;
        }
        return new Parsed(List.copyOf(results), skipped, malformed);
    }

    /**
     * Drivers older than IWEVGENIE report the WPA/RSN element as IWEVCUSTOM text "wpa_ie=&lt;hex&gt;" or
     * "rsn_ie=&lt;hex&gt;" (driver_wext reads both); other custom texts are not IEs. True when the text was used
     * (an element added) or is one cfg80211 always sends ("tsf="); false when it is neither, or its hex is not an element.
     */
    static boolean customIe(String text, ByteArrayOutputStream ies) {
        String hex = text.startsWith("wpa_ie=") ? text.substring(7) : text.startsWith("rsn_ie=") ? text.substring(7) : null;
        if (hex == null || hex.length() < 4 || hex.length() % 2 != 0) {
            return text.startsWith("tsf=");
        }
        try {
            byte[] ie = Bytes.fromHex(hex).toArray();
            if ((ie[1] & 0xff) != ie.length - 2) {
                return false;
            }
            ies.write(ie, 0, ie.length);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Adds the BSS; false when its values are not a BSS 802.11 can have (a frequency off every channel). */
    private static boolean finish(Bss bss, List<ScanResult> results) {
        if (bss.freq < 2400) {
            bss.freq = bss.channelFreq();
        }
        try {
            results.add(bss.result());
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
