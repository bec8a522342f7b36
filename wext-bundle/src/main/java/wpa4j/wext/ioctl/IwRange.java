package wpa4j.wext.ioctl;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import wpa4j.wext.uapi.Uapi;

/**
 * What SIOCGIWRANGE says of an interface (struct iw_range): the WE version the kernel was built with and
 * the driver's source version, the encoding capabilities (IW_ENC_CAPA_*), and the channels in MHz.
 */
public record IwRange(int weVersionCompiled, int weVersionSource, int encCapa, List<Integer> frequenciesMhz) {

    public boolean has(int encCapaBit) {
        return (encCapa & encCapaBit) != 0;
    }

    /** Decodes the iw_range the kernel filled; {@code length} is what it reported in iw_point.length. */
    static IwRange decode(byte[] range, int length) throws WextException {
        if (length < Uapi.IW_RANGE_ENC_CAPA + 4 || length > range.length) {
            throw new WextException("SIOCGIWRANGE: " + length + " octets, too short for an iw_range of WE >= 18", 71);
        }
        ByteBuffer b = ByteBuffer.wrap(range, 0, length).order(ByteOrder.nativeOrder());
        int n = Math.min(b.get(Uapi.IW_RANGE_NUM_FREQUENCY) & 0xff, Uapi.IW_MAX_FREQUENCIES);
        List<Integer> freqs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int at = Uapi.IW_RANGE_FREQ + i * Uapi.SIZEOF_IW_FREQ;
            freqs.add(IwFreq.mhz(b.getInt(at), b.getShort(at + 4)));
        }
        return new IwRange(b.get(Uapi.IW_RANGE_WE_VERSION_COMPILED) & 0xff, b.get(Uapi.IW_RANGE_WE_VERSION_SOURCE) & 0xff,
                b.getInt(Uapi.IW_RANGE_ENC_CAPA), List.copyOf(freqs));
    }
}
