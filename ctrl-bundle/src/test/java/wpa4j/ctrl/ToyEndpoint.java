package wpa4j.ctrl;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/** A stand-in core: a few wpa_supplicant answers, an echo, failures on demand, and events pushed by the test. */
public final class ToyEndpoint implements CtrlEndpoint {
    public final List<String> requests = new CopyOnWriteArrayList<>();
    public final AtomicBoolean unsubscribed = new AtomicBoolean();
    private final AtomicReference<CtrlEvents> sink = new AtomicReference<>();

    @Override
    public String handle(String request) {
        requests.add(request);
        switch (request) {
            case "PING":
                return "PONG\n";
            case "STATUS":
                return "wpa_state=COMPLETED\n";
            case "THROW":
                throw new IllegalStateException("toy failure");
            case "NULL":
                return null;
            case "SLOW":
                sleep(1500);
                return "SLOW\n";
            default:
                return request.startsWith("ECHO ") ? request.substring(5) : "UNKNOWN COMMAND\n";
        }
    }

    @Override
    public AutoCloseable subscribe(CtrlEvents events) {
        sink.set(events);
        return () -> {
            sink.set(null);
            unsubscribed.set(true);
        };
    }

    /** What a core does for an unsolicited message. */
    public void event(int level, String text) {
        CtrlEvents s = sink.get();
        if (s == null) {
            throw new IllegalStateException("not subscribed");
        }
        s.event(level, text);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
