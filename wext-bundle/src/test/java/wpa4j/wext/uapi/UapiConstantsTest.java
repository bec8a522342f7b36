package wpa4j.wext.uapi;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import wpa4j.common.codec.UapiCheck;

/** The committed constants and struct layouts are what the installed linux/wireless.h says. */
class UapiConstantsTest {
    @TempDir
    Path dir;

    @Test
    void committedConstantsMatchTheHeaders() throws Exception {
        UapiCheck.generatedMatches("/usr/include/linux/wireless.h", "src/main/java/wpa4j/wext/uapi/Uapi.java", dir);
    }
}
