package wpa4j.driver.event;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives the events of one open interface ({@code wpa_supplicant_event()}). A backend calls it from its
 * own reader thread; implementations only enqueue onto their event loop and return at once, and must not
 * throw (a throwing sink is the consumer's bug: backends catch, count and go on).
 */
@ConsumerType
@FunctionalInterface
public interface DriverEventSink {
    void onEvent(DriverEvent event);
}
