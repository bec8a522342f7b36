package wpa4j.driver.types;

/**
 * The arguments of {@code p2p_connect}.
 *
 * @param peerAddr P2P device address of the peer
 * @param wpsMethod provisioning method
 * @param goIntent group owner intent, 0..15
 * @param ownInterfaceAddr intended interface address
 * @param forceFreq frequency to force, 0 for none
 * @param persistentGroup whether to form a persistent group
 */
public record P2pConnectParams(MacAddress peerAddr, WpsMethod wpsMethod, int goIntent, MacAddress ownInterfaceAddr, int forceFreq,
        boolean persistentGroup) {
    public P2pConnectParams {
        Validate.nonNull("peerAddr", peerAddr);
        Validate.nonNull("wpsMethod", wpsMethod);
        Validate.range("goIntent", goIntent, 0, 15);
        Validate.nonNull("ownInterfaceAddr", ownInterfaceAddr);
        Validate.frequencyOrZero("forceFreq", forceFreq);
    }
}
