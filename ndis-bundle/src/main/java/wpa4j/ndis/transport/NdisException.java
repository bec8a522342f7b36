package wpa4j.ndis.transport;

/** An NDIS request failed; carries the OID (0 for none) and the Windows error code. */
public class NdisException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int oid;
    private final int error;

    public NdisException(int oid, int error, String message) {
        super(message + (error != 0 ? " (error " + error + ")" : ""));
        this.oid = oid;
        this.error = error;
    }

    public int oid() {
        return oid;
    }

    public int error() {
        return error;
    }
}
