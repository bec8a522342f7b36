package wpa4j.driver.types;

/**
 * The arguments of {@code set_rekey_info} (GTK rekey offload). Secret: never printed.
 *
 * @param kek 16-octet key encryption key
 * @param kck 16-octet key confirmation key
 * @param replayCtr 8-octet EAPOL-Key replay counter
 */
public record RekeyInfo(Bytes kek, Bytes kck, Bytes replayCtr) {
    public RekeyInfo {
        Validate.exactLength("kek", kek, 16);
        Validate.exactLength("kck", kck, 16);
        Validate.exactLength("replayCtr", replayCtr, 8);
    }

    @Override
    public String toString() {
        return "RekeyInfo[kek=<16 octets>, kck=<16 octets>, replayCtr=" + replayCtr + "]";
    }
}
