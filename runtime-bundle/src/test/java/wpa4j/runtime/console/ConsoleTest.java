package wpa4j.runtime.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import wpa4j.runtime.console.internal.Callers;
import wpa4j.runtime.console.sink.ConsoleSink;
import wpa4j.runtime.console.sink.ConsoleSinks;

/** The console line and the sink, without a framework. */
class ConsoleTest {
    private static final String LINE = "\\d\\d:\\d\\d:\\d\\d\\.\\d\\d\\d \\[wpa4j\\] ";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream stdout;
    private final List<String> published = new CopyOnWriteArrayList<>();
    private final ConsoleSink recorder = (level, text) -> published.add(level + " " + text);

    @BeforeEach
    void captureStdout() {
        stdout = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(stdout);
        ConsoleSinks.uninstall(recorder);
    }

    private List<String> printed() {
        String s = out.toString(StandardCharsets.UTF_8);
        return s.isEmpty() ? List.of() : List.of(s.split("\n"));
    }

    @Test
    void withoutASinkLinesArePrintedAsBeforeAndDebugGoesNowhere() {
        assertFalse(ConsoleSinks.installed());
        Console.line("sim1: State: DISCONNECTED -> SCANNING");
        Console.warn("wpa4j.supplicant~x: refused");
        Console.debug("EAPOL-Key dropped");
        List<String> lines = printed();
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).matches(LINE + "sim1: State: DISCONNECTED -> SCANNING"), lines.get(0));
        assertTrue(lines.get(1).matches(LINE + "wpa4j.supplicant~x: refused"), lines.get(1));
    }

    @Test
    void everyLineReachesTheSinkWithItsLevelAndTheConsoleDoesNotChange() {
        ConsoleSinks.install(recorder);
        Console.line("a");
        Console.warn("b");
        Console.debug("c");
        assertEquals(List.of("INFO a", "WARN b", "DEBUG c"), published);
        List<String> lines = printed();
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).matches(LINE + "a"), lines.get(0));
        assertTrue(lines.get(1).matches(LINE + "b"), lines.get(1));
    }

    @Test
    void aFailingSinkNeverFailsTheCallerNorHidesTheLine() {
        ConsoleSink broken = (level, text) -> {
            throw new IllegalStateException("log service gone");
        };
        ConsoleSinks.install(broken);
        try {
            Console.line("still printed");
            Console.debug("dropped quietly");
        } finally {
            ConsoleSinks.uninstall(broken);
        }
        assertTrue(printed().get(0).matches(LINE + "still printed"));
    }

    @Test
    void uninstallingAnOlderSinkKeepsTheNewerOne() {
        ConsoleSink older = (level, text) -> published.add("older " + text);
        ConsoleSinks.install(older);
        ConsoleSinks.install(recorder);
        ConsoleSinks.uninstall(older);
        Console.line("x");
        assertEquals(List.of("INFO x"), published);
        ConsoleSinks.uninstall(recorder);
        assertFalse(ConsoleSinks.installed());
    }

    /** A helper of the shared bundle that prints on behalf of its caller (as CoreComponent.line does). */
    static final class SharedHelper {
        static void say(String text) {
            Console.line(text);
        }

        static void sayOnItsOwn() {
            say("from a shared loop");
        }
    }

    @Test
    void theCallerIsTheNearestNonSharedOriginAboveConsoleElseTheNearestSharedOne() throws Exception {
        // ConsoleTest plays a core bundle, SharedHelper runtime-bundle; JUnit and JDK classes are nobody's
        Map<Class<?>, String> bundles = Map.of(ConsoleTest.class, "wpa4j.supplicant", SharedHelper.class, "wpa4j.runtime");
        Callers<String> callers = new Callers<>(bundles::get, "wpa4j.runtime"::equals);
        List<Optional<Callers.Caller<String>>> found = new CopyOnWriteArrayList<>();
        ConsoleSink sink = (level, text) -> found.add(callers.find());
        ConsoleSinks.install(sink);
        try {
            Console.line("direct");
            SharedHelper.say("through the shared helper");
            Thread t = new Thread(SharedHelper::sayOnItsOwn);
            t.start();
            t.join();
        } finally {
            ConsoleSinks.uninstall(sink);
        }
        assertEquals(3, found.size());
        assertEquals(new Callers.Caller<>("wpa4j.supplicant", ConsoleTest.class), found.get(0).orElseThrow());
        assertEquals(new Callers.Caller<>("wpa4j.supplicant", ConsoleTest.class), found.get(1).orElseThrow());
        assertEquals(new Callers.Caller<>("wpa4j.runtime", SharedHelper.class), found.get(2).orElseThrow());
    }

    @Test
    void noResolvingFrameMeansNoCaller() {
        Callers<String> callers = new Callers<>(type -> null, s -> false);
        assertTrue(callers.find().isEmpty());
    }
}
