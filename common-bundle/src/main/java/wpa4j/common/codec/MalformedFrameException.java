package wpa4j.common.codec;

/**
 * Untrusted input that does not decode: truncated, oversized, inconsistent lengths, unknown or invalid
 * values. Carries the octet offset where decoding stopped and the reason; never the content (it may be
 * key material).
 */
public class MalformedFrameException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int offset;
    private final String reason;

    public MalformedFrameException(int offset, String reason) {
        super("malformed at offset " + offset + ": " + reason);
        this.offset = offset;
        this.reason = reason;
    }

    public int offset() {
        return offset;
    }

    public String reason() {
        return reason;
    }
}
