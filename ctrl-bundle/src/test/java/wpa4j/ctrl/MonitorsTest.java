package wpa4j.ctrl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** wpa_supplicant's monitor rules, without sockets. */
class MonitorsTest {
    private static final byte[] MSG = "<3>X".getBytes(StandardCharsets.ISO_8859_1);
    private final Monitors monitors = new Monitors();
    private final UnixAddress a = address("/tmp/a");
    private final UnixAddress b = address("/tmp/b");

    private static UnixAddress address(String path) {
        try {
            return UnixAddress.of(Path.of(path));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void levelsFilterAndDefaultIsInfo() {
        monitors.attach(a);
        monitors.attach(b);
        assertTrue(monitors.level(b, CtrlEvents.MSG_WARNING));
        List<UnixAddress> got = new ArrayList<>();
        Monitors.Sender recorder = (to, message) -> {
            got.add(to);
            return 0;
        };
        monitors.send(CtrlEvents.MSG_DEBUG, MSG, recorder);
        assertEquals(List.of(), got);
        monitors.send(CtrlEvents.MSG_INFO, MSG, recorder);
        assertEquals(List.of(a), got);
        monitors.send(CtrlEvents.MSG_WARNING, MSG, recorder);
        assertEquals(List.of(a, a, b), got);
    }

    @Test
    void goneMonitorsDroppedAtOnce() {
        for (int errno : new int[] {LibC.ENOENT, LibC.ECONNREFUSED, LibC.EPERM}) {
            monitors.attach(a);
            monitors.send(CtrlEvents.MSG_INFO, MSG, (to, m) -> errno);
            assertEquals(0, monitors.size(), "errno " + errno);
        }
    }

    @Test
    void moreThanTenFailuresInARowDrop() {
        monitors.attach(a);
        for (int i = 0; i < 10; i++) {
            monitors.send(CtrlEvents.MSG_INFO, MSG, (to, m) -> LibC.EAGAIN);
        }
        monitors.send(CtrlEvents.MSG_INFO, MSG, (to, m) -> 0); // a success starts the count over
        for (int i = 0; i < 10; i++) {
            monitors.send(CtrlEvents.MSG_INFO, MSG, (to, m) -> LibC.EAGAIN);
        }
        assertEquals(1, monitors.size());
        monitors.send(CtrlEvents.MSG_INFO, MSG, (to, m) -> LibC.EAGAIN);
        assertEquals(0, monitors.size());
    }

    @Test
    void detachAndLevelNeedAnAttachedAddress() {
        assertFalse(monitors.detach(a));
        assertFalse(monitors.level(a, 2));
        monitors.attach(a);
        monitors.attach(a);
        assertEquals(1, monitors.size(), "ATTACH twice is one monitor");
        assertTrue(monitors.detach(a));
        assertEquals(0, monitors.size());
    }
}
