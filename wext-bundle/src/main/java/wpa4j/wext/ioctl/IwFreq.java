package wpa4j.wext.ioctl;

/** struct iw_freq (m, e): a frequency m × 10^e Hz when e > 0, else a channel number m (drivers may give either). */
final class IwFreq {
    private IwFreq() {}

    /** MHz of (m, e); a channel number (e == 0, m < 1000) is returned as it is, for the caller to map. */
    static int mhz(int m, int e) {
        if (e <= 0) {
            return m;
        }
        double hz = m * Math.pow(10, e);
        return (int) Math.round(hz / 1e6);
    }
}
