package wpa4j.linux.netlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import wpa4j.linux.uapi.Uapi;

/** Real netlink against the kernel the build runs on (no cfg80211 needed): nlctrl always answers. */
class NetlinkOnThisKernelTest {
    @Test
    void nlctrlResolvesItselfAndAnUnknownFamilyIsEnoent() throws Exception {
        try (GenlClient c = GenlClient.open()) {
            GenlClient.Family ctrl = c.resolve("nlctrl");
            assertEquals(Uapi.GENL_ID_CTRL, ctrl.id());
            assertTrue(ctrl.groups().containsKey("notify"), ctrl.groups().toString());
            NetlinkException e = assertThrows(NetlinkException.class, () -> c.resolve("wpa4jnone"));
            assertEquals(2, e.errno(), e.getMessage());
        }
    }

    @Test
    void nl80211ResolvesExactlyWhenTheKernelHasCfg80211() throws Exception {
        boolean cfg80211 = Files.isDirectory(Path.of("/sys/class/ieee80211")) || Files.isDirectory(Path.of("/sys/module/cfg80211"));
        try (GenlClient c = GenlClient.open()) {
            if (cfg80211) {
                GenlClient.Family f = c.resolve("nl80211");
                assertTrue(f.groups().keySet().containsAll(java.util.List.of("scan", "mlme", "regulatory", "config")), f.groups().toString());
            } else {
                assertEquals(2, assertThrows(NetlinkException.class, () -> c.resolve("nl80211")).errno());
            }
        }
    }
}
