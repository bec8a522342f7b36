package wpa4j.hostapd.core;

import java.util.List;
import java.util.Optional;

import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.Validate;

/**
 * The SAE settings of a BSS (hostapd.conf {@code sae_*}); common's {@link wpa4j.common.sae.SaeSettings} is what one
 * protocol instance runs with, made from these.
 *
 * @param passwords the passwords in file order, {@code wpa_passphrase} last when it is the fallback; never printed
 * @param pwe sae_pwe: 0 hunting-and-pecking, 1 hash-to-element, 2 both
 * @param groups sae_groups: the finite cyclic groups accepted, in preference order (19, 20, 21)
 * @param antiCloggingThreshold sae_anti_clogging_threshold: open SAE sessions before a token is required, 0 always
 */
public record ApSaeSettings(List<SaeCredential> passwords, int pwe, List<Integer> groups, int antiCloggingThreshold) {
    /** hostapd's defaults: group 19, tokens from the fifth open session on. */
    public static final List<Integer> DEFAULT_GROUPS = List.of(19);
    public static final int DEFAULT_ANTI_CLOGGING_THRESHOLD = 5;
    public static final ApSaeSettings NONE = new ApSaeSettings(List.of(), 0, DEFAULT_GROUPS, DEFAULT_ANTI_CLOGGING_THRESHOLD);

    public ApSaeSettings {
        passwords = List.copyOf(passwords);
        Validate.range("pwe", pwe, 0, 2);
        groups = List.copyOf(groups);
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("groups: empty");
        }
        groups.forEach(g -> Validate.range("groups", g, 19, 21));
        Validate.range("antiCloggingThreshold", antiCloggingThreshold, 0, Integer.MAX_VALUE);
    }

    /** The password station {@code sta} must use, as hostapd's sae_get_password picks it: the first line that names it or no one. */
    public Optional<SaeCredential> passwordFor(MacAddress sta) {
        return passwords.stream().filter(p -> p.appliesTo(sta)).findFirst();
    }

    /** Whether the Beacon's RSNXE announces hash-to-element. */
    boolean h2e() {
        return pwe == 1 || pwe == 2;
    }

    /**
     * Whether only hash-to-element is allowed, which the Beacon tells with the SAE H2E only membership selector
     * (hostapd: sae_pwe=1, or every password with an identifier, which wpa4j's AP does not take).
     */
    boolean h2eOnly() {
        return pwe == 1;
    }

    @Override
    public String toString() {
        return "ApSaeSettings[passwords=" + passwords.size() + ", pwe=" + pwe + ", groups=" + groups + ", antiCloggingThreshold=" + antiCloggingThreshold + "]";
    }
}
