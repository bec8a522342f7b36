package wpa4j.ndis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

import wpa4j.driver.BackendStatus;

class NdisBackendTest {
    @Test
    void inactiveOffWindowsWithTheReason() {
        BackendStatus s = NdisBackend.status("1.0.0", "Linux");
        assertFalse(s.active());
        assertEquals("not Windows (os.name=Linux)", s.reason());
        assertEquals("ndis 1.0.0: inactive: not Windows (os.name=Linux)", s.toString());
    }

    @Test
    void onWindowsStillInactiveUntilTheTransportExists() {
        assertFalse(NdisBackend.status("1.0.0", "Windows 11").active());
    }
}
