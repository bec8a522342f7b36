package wpa4j.common.crypto;

import wpa4j.common.codec.MalformedFrameException;

/** Received octets that fail their integrity check (CCMP MIC, BIP MIC, AES key wrap): tampered with, or under another key. */
public class IntegrityCheckException extends MalformedFrameException {
    private static final long serialVersionUID = 1L;

    public IntegrityCheckException(int offset, String reason) {
        super(offset, reason);
    }
}
