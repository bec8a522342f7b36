package wpa4j.driver.types;

import java.util.List;

/**
 * The arguments of {@code p2p_set_params} ({@code struct p2p_params}).
 *
 * @param devName P2P device name (at most 32 octets in UTF-8)
 * @param priDevType 8-octet primary device type
 * @param secDevTypes 8-octet secondary device types, at most 5
 */
public record P2pParams(String devName, Bytes priDevType, List<Bytes> secDevTypes) {
    public P2pParams {
        Validate.nonNull("devName", devName);
        Validate.range("devName", devName.getBytes(java.nio.charset.StandardCharsets.UTF_8).length, 0, 32);
        Validate.exactLength("priDevType", priDevType, 8);
        secDevTypes = Validate.list("secDevTypes", secDevTypes, 5);
        secDevTypes.forEach(t -> Validate.exactLength("secDevTypes", t, 8));
    }
}
