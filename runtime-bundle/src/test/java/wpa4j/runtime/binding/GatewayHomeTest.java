package wpa4j.runtime.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewayHomeTest {
    private static final Path WORKING_DIR = Path.of(System.getProperty("user.dir"));

    @Test
    void noneOrABlankPropertyMeansTheWorkingDirectory() {
        assertEquals(WORKING_DIR, GatewayHome.of((String) null));
        assertEquals(WORKING_DIR, GatewayHome.of(""));
        assertEquals(WORKING_DIR, GatewayHome.of("  "));
    }

    @Test
    void aPropertyNamesTheHomeAsGivenRelativeOrNot() {
        assertEquals(Path.of("/opt/wpa4j"), GatewayHome.of("/opt/wpa4j"));
        assertEquals(Path.of("gateways/one"), GatewayHome.of("gateways/one"));
    }

    @Test
    void aSecretFileIsReadRelativeToTheHomeAndABlankHomeIsTheWorkingDirectory(@TempDir Path home) throws Exception {
        Files.writeString(home.resolve("sta.psk"), "correct horse battery\n");
        assertEquals("correct horse battery", PassphraseFile.read("sta.psk", home.toString()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PassphraseFile.read("sta-does-not-exist.psk", " "));
        assertEquals("passphraseFile: " + WORKING_DIR.resolve("sta-does-not-exist.psk") + " cannot be read (NoSuchFileException)", e.getMessage());
    }
}
