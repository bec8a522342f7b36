package wpa4j.linux.uapi;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import wpa4j.common.codec.UapiCheck;

/** The committed constants are what the installed kernel headers (Debian linux-libc-dev) say. */
class UapiConstantsTest {
    @TempDir
    Path dir;

    @Test
    void committedConstantsMatchTheHeaders() throws Exception {
        UapiCheck.generatedMatches("/usr/include/linux/rtnetlink.h", "src/main/java/wpa4j/linux/uapi/Uapi.java", dir);
    }
}
