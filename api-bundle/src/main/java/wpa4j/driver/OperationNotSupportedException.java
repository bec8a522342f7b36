package wpa4j.driver;

/**
 * An op this backend cannot do (a NULL pointer in the C ops table). The message names the op and the
 * backend; {@link Capabilities#supportedOps()} says the same in advance.
 */
public class OperationNotSupportedException extends UnsupportedOperationException {
    private static final long serialVersionUID = 1L;

    private final String op;
    private final String backend;

    public OperationNotSupportedException(String op, String backend) {
        super(op + " is not supported by the " + backend + " backend");
        this.op = op;
        this.backend = backend;
    }

    public String op() {
        return op;
    }

    public String backend() {
        return backend;
    }
}
