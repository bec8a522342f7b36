package wpa4j.web.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class BasicAuthTest {
    private final BasicAuth auth = new BasicAuth("operator", "pass wörd");

    private static String header(String pair) {
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void onlyTheRightPairPasses() {
        assertEquals(Optional.of("operator"), auth.check(header("operator:pass wörd")));
        assertEquals(Optional.of("operator"), auth.check("basic " + header("operator:pass wörd").substring(6)));
        assertTrue(auth.check(header("operator:pass word")).isEmpty());
        assertTrue(auth.check(header("Operator:pass wörd")).isEmpty());
        assertTrue(auth.check(header("operator:pass wörd ")).isEmpty());
        assertTrue(auth.check(null).isEmpty());
        assertTrue(auth.check("Bearer x").isEmpty());
        assertTrue(auth.check("Basic !!!not base64").isEmpty());
        assertTrue(auth.check("Basic").isEmpty());
    }

    @Test
    void aUserNameWithAColonCannotBeMatched() {
        assertThrows(IllegalArgumentException.class, () -> new BasicAuth("a:b", "x"));
        assertThrows(IllegalArgumentException.class, () -> new BasicAuth("", "x"));
    }
}
