package wpa4j.common.console;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** The gateway's console log: one timestamped line per event on standard output. Never pass it a secret. */
public final class Console {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private Console() {}

    public static void line(String text) {
        System.out.println(LocalTime.now().format(TIME) + " [wpa4j] " + text);
    }
}
