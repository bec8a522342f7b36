package wpa4j.supplicant.ctrl;

import java.util.HexFormat;

import wpa4j.driver.types.ScanResult;
import wpa4j.driver.types.Ssid;

/** The BSS command's reply for one entry, field by field as wpa_supplicant prints it, filtered by its MASK bits. */
final class BssFormat {
    static final long MASK_ALL = 0xfffdffffL;
    private static final long ID = 0x1;
    private static final long BSSID = 0x2;
    private static final long FREQ = 0x4;
    private static final long BEACON_INT = 0x8;
    private static final long CAPABILITIES = 0x10;
    private static final long QUAL = 0x20;
    private static final long NOISE = 0x40;
    private static final long LEVEL = 0x80;
    private static final long TSF = 0x100;
    private static final long AGE = 0x200;
    private static final long IE = 0x400;
    private static final long FLAGS = 0x800;
    private static final long SSID = 0x1000;
    /** WPA_BSS_MASK_DELIM (BIT(17), which WPA_BSS_MASK_ALL leaves out): "====" after each entry of a RANGE. */
    static final long DELIM = 0x20000;

    private BssFormat() {}

    static String format(int id, ScanResult r, String flags, long mask) {
        StringBuilder sb = new StringBuilder();
        field(sb, mask, ID, "id", String.valueOf(id));
        field(sb, mask, BSSID, "bssid", r.bssid().toString());
        field(sb, mask, FREQ, "freq", String.valueOf(r.freq()));
        field(sb, mask, BEACON_INT, "beacon_int", String.valueOf(r.beaconInt()));
        field(sb, mask, CAPABILITIES, "capabilities", String.format("0x%04x", r.caps()));
        field(sb, mask, QUAL, "qual", String.valueOf(r.qual()));
        field(sb, mask, NOISE, "noise", String.valueOf(r.noise()));
        field(sb, mask, LEVEL, "level", String.valueOf(r.level()));
        field(sb, mask, TSF, "tsf", String.format("%016d", r.tsf()));
        field(sb, mask, AGE, "age", String.valueOf(r.ageMs() / 1000));
        field(sb, mask, IE, "ie", HexFormat.of().formatHex(r.ies().toArray()));
        field(sb, mask, FLAGS, "flags", flags);
        field(sb, mask, SSID, "ssid", r.ssid().map(Ssid::toPrintable).orElse(""));
        if ((mask & DELIM) != 0) {
            sb.append("====\n");
        }
        return sb.toString();
    }

    private static void field(StringBuilder sb, long mask, long bit, String name, String value) {
        if ((mask & bit) != 0) {
            sb.append(name).append('=').append(value).append('\n');
        }
    }
}
