package wpa4j.driver.types;

/** RFC 2863 operational state a supplicant sets on its interface ({@code set_operstate}). */
public enum Operstate {
    /** Link up but not yet authorized: IP traffic must wait. */ DORMANT,
    /** Authorized: the link carries traffic. */ UP;
}
