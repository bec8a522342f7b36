package wpa4j.driver.types;

/**
 * What {@code if_add} created ({@code force_ifname}, {@code if_addr} out-parameters).
 *
 * @param ifname the name the interface really got
 * @param addr its address
 */
public record IfAddResult(String ifname, MacAddress addr) {
    public IfAddResult {
        Validate.ifname("ifname", ifname);
        Validate.nonNull("addr", addr);
    }
}
