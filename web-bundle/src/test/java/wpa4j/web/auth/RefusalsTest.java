package wpa4j.web.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class RefusalsTest {
    @Test
    void theFirstWrongCredentialsAreReportedAtOnceTheNextOnesCountedNotPrinted() {
        List<String> lines = new ArrayList<>();
        Refusals r = new Refusals(lines::add);
        r.refused("10.0.0.9", false);
        assertEquals(List.of(), lines, "no credentials at all: a browser's first try, not a guess");
        r.refused("10.0.0.9", true);
        for (int i = 0; i < 50; i++) {
            r.refused("10.0.0.9", true);
        }
        assertEquals(List.of("web: wrong credentials for an action from 10.0.0.9"), lines);
    }
}
