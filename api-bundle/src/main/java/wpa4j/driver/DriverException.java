package wpa4j.driver;

/**
 * An op failed in the driver: the Java form of an op returning -1. Carries the C op name and, where
 * the OS said why, its errno.
 */
public class DriverException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String op;
    private final int errno;

    public DriverException(String op, String message) {
        this(op, message, 0, null);
    }

    public DriverException(String op, String message, int errno, Throwable cause) {
        super(op + ": " + message + (errno != 0 ? " (errno " + errno + ")" : ""), cause);
        this.op = op;
        this.errno = errno;
    }

    /** The C op that failed, e.g. {@code associate}. */
    public String op() {
        return op;
    }

    /** The OS error number, or 0 when none applies. */
    public int errno() {
        return errno;
    }
}
