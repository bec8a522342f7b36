package wpa4j.driver.types;

/**
 * A regulatory domain as {@code set_country} takes it: ISO/IEC 3166-1 alpha-2 upper-case letters, or
 * {@code 00} for the world domain.
 *
 * @param alpha2 two upper-case ASCII letters, or "00"
 */
public record CountryCode(String alpha2) {
    public static final CountryCode WORLD = new CountryCode("00");

    public CountryCode {
        Validate.nonNull("alpha2", alpha2);
        boolean letters = alpha2.length() == 2 && alpha2.chars().allMatch(c -> c >= 'A' && c <= 'Z');
        if (!letters && !"00".equals(alpha2)) {
            throw new IllegalArgumentException("alpha2: '" + alpha2 + "' is not two upper-case letters or 00");
        }
    }

    @Override
    public String toString() {
        return alpha2;
    }
}
