package wpa4j.driver.types;

/**
 * The arguments of {@code p2p_invite}.
 *
 * @param peer P2P device address of the peer
 * @param role 0 = invite to an active group as client, 1 = as GO, 2 = to a persistent group
 * @param bssid group BSSID, or {@code null}
 * @param ssid group SSID
 * @param goDevAddr GO device address, or {@code null}
 * @param persistentGroup whether this invites to a persistent group
 */
public record P2pInviteParams(MacAddress peer, int role, MacAddress bssid, Ssid ssid, MacAddress goDevAddr, boolean persistentGroup) {
    public P2pInviteParams {
        Validate.nonNull("peer", peer);
        Validate.range("role", role, 0, 2);
        Validate.nonNull("ssid", ssid);
    }
}
