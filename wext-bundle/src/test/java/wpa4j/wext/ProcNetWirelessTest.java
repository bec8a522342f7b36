package wpa4j.wext;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class ProcNetWirelessTest {
    private static final String HEADER = "Inter-| sta-|   Quality        |   Discarded packets               | Missed | WE\n"
            + " face | tus | link level noise |  nwid  crypt   frag  retry   misc | beacon | 22\n";

    @Test
    void listsInterfacesAfterTheTwoHeaderLines() {
        String text = HEADER + " wlan0: 0000   70.  -40.  -256        0      0      0      0      0        0\n"
                + " wlan1: 0000    0.    0.     0        0      0      0      0      0        0\n";
        ProcNetWireless.Parsed p = ProcNetWireless.parse(text);
        assertEquals(List.of("wlan0", "wlan1"), p.interfaces());
        assertEquals(0, p.skippedLines());
    }

    @Test
    void headerOnlyMeansNoInterface() {
        assertEquals(List.of(), ProcNetWireless.parse(HEADER).interfaces());
        assertEquals(List.of(), ProcNetWireless.parse("").interfaces());
    }

    @Test
    void malformedLinesAreSkippedAndCounted() {
        String text = HEADER + "garbage without colon\n: empty name\n" + "x".repeat(20) + ": too long\n wlan2: ok\n";
        ProcNetWireless.Parsed p = ProcNetWireless.parse(text);
        assertEquals(List.of("wlan2"), p.interfaces());
        assertEquals(3, p.skippedLines());
    }
}
