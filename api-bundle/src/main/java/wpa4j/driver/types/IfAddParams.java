package wpa4j.driver.types;

/**
 * The arguments of {@code if_add}.
 *
 * @param type kind of interface to add
 * @param ifname name for the new interface
 * @param addr address for it, or {@code null} for one the driver chooses
 * @param bridge bridge to add it to, or {@code null}
 */
public record IfAddParams(IfType type, String ifname, MacAddress addr, String bridge) {
    public IfAddParams {
        Validate.nonNull("type", type);
        Validate.ifname("ifname", ifname);
        if (bridge != null) {
            Validate.ifname("bridge", bridge);
        }
    }
}
