package wpa4j.driver.types;

/** Who changed the regulatory domain ({@code enum reg_change_initiator}). */
public enum RegInitiator {
    /** The wireless core. */
    CORE,
    /** User space (set_country). */
    USER,
    /** The driver. */
    DRIVER,
    /** A Country IE from an AP. */
    COUNTRY_IE
}
