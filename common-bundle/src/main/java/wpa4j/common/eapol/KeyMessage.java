package wpa4j.common.eapol;

import wpa4j.common.codec.MalformedFrameException;

/**
 * Which message of the 4-way or group key handshake an EAPOL-Key frame is, judged by the rules of the role
 * that received it (IEEE 802.11-2012 11.6.6, 11.6.7; hostap's wpa_sm_rx_eapol and wpa_receive). A frame
 * that fits no message for that role is malformed.
 */
public enum KeyMessage {
    PAIRWISE_1, PAIRWISE_2, PAIRWISE_3, PAIRWISE_4, GROUP_1, GROUP_2, REQUEST;

    /** The role that receives the frame. */
    public enum Role { SUPPLICANT, AUTHENTICATOR }

    public static KeyMessage classify(EapolKey key, Role role) throws MalformedFrameException {
        KeyInfo ki = key.keyInfo();
        int version = ki.descriptorVersion();
        if (version > KeyInfo.VERSION_AES_CMAC_AES) {
            // 0 is AKM-defined (SAE); the handshake checks the version against the negotiated AKM
            throw new MalformedFrameException(1, "key descriptor version " + version);
        }
        return role == Role.SUPPLICANT ? atSupplicant(key, ki) : atAuthenticator(key, ki);
    }

    private static KeyMessage atSupplicant(EapolKey key, KeyInfo ki) throws MalformedFrameException {
        if (!ki.ack()) {
            throw new MalformedFrameException(1, "frame to the supplicant without the Ack bit");
        }
        if (ki.request()) {
            throw new MalformedFrameException(1, "Request bit set in a frame from the authenticator");
        }
        boolean rsn = key.descriptorType() == EapolKey.DESCRIPTOR_RSN;
        if (ki.pairwise()) {
            if (!ki.mic()) {
                if (ki.install()) {
                    throw new MalformedFrameException(1, "message 1 with the Install bit");
                }
                return PAIRWISE_1;
            }
            if (!ki.install()) {
                throw new MalformedFrameException(1, "pairwise frame with MIC but without Install is no message for the supplicant");
            }
            if (rsn && (!ki.secure() || !ki.encryptedKeyData())) {
                throw new MalformedFrameException(1, "RSN message 3 without the Secure and Encrypted Key Data bits");
            }
            return PAIRWISE_3;
        }
        if (!ki.mic() || !ki.secure()) {
            throw new MalformedFrameException(1, "group message 1 without the MIC and Secure bits");
        }
        if (ki.install()) {
            throw new MalformedFrameException(1, "group message 1 with the Install bit");
        }
        if (rsn && !ki.encryptedKeyData()) {
            throw new MalformedFrameException(1, "RSN group message 1 without encrypted key data");
        }
        return GROUP_1;
    }

    private static KeyMessage atAuthenticator(EapolKey key, KeyInfo ki) throws MalformedFrameException {
        if (ki.ack()) {
            throw new MalformedFrameException(1, "frame to the authenticator with the Ack bit");
        }
        if (!ki.mic()) {
            throw new MalformedFrameException(1, "frame to the authenticator without a MIC");
        }
        if (ki.install()) {
            throw new MalformedFrameException(1, "frame to the authenticator with the Install bit");
        }
        if (ki.request()) {
            return REQUEST;
        }
        if (!ki.pairwise()) {
            if (!ki.secure()) {
                throw new MalformedFrameException(1, "group message 2 without the Secure bit");
            }
            return GROUP_2;
        }
        if (ki.secure()) {
            return PAIRWISE_4;
        }
        // WPA (v1) message 4 has no Secure bit; it is the pairwise reply without key data
        if (key.descriptorType() == EapolKey.DESCRIPTOR_WPA && key.keyData().isEmpty()) {
            return PAIRWISE_4;
        }
        if (key.keyData().isEmpty()) {
            throw new MalformedFrameException(EapolKey.FIXED_LENGTH, "message 2 without key data (the station's RSN element)");
        }
        return PAIRWISE_2;
    }
}
