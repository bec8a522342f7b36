package wpa4j.driver.types;

/** What happened to a network interface ({@code EVENT_INTERFACE_STATUS}: {@code EVENT_INTERFACE_ADDED} or {@code _REMOVED}). */
public enum InterfaceChange {
    /** The interface was added. */ ADDED,
    /** The interface was removed. */ REMOVED;
}
