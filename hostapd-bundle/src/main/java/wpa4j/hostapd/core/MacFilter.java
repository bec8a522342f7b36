package wpa4j.hostapd.core;

import java.util.Set;

import wpa4j.driver.types.MacAddress;

/**
 * hostapd's macaddr_acl: which stations may authenticate.
 *
 * @param denyUnlessAccepted true for macaddr_acl=1 (only the accept list), false for 0 (everyone but the deny list)
 * @param accept accept_mac_file entries
 * @param deny deny_mac_file entries
 */
public record MacFilter(boolean denyUnlessAccepted, Set<MacAddress> accept, Set<MacAddress> deny) {
    public static final MacFilter OPEN = new MacFilter(false, Set.of(), Set.of());

    public MacFilter {
        accept = Set.copyOf(accept);
        deny = Set.copyOf(deny);
    }

    /** As hostapd_check_acl: the accept list first, then the deny list, then the policy. */
    public boolean allows(MacAddress sta) {
        if (accept.contains(sta)) {
            return true;
        }
        if (deny.contains(sta)) {
            return false;
        }
        return !denyUnlessAccepted;
    }
}
