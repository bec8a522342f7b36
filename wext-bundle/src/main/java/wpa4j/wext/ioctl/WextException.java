package wpa4j.wext.ioctl;

/** An ioctl the kernel refused: the request's name and the errno. */
public final class WextException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int errno;

    public WextException(String what, int errno) {
        super(what + ": errno " + errno);
        this.errno = errno;
    }

    public int errno() {
        return errno;
    }
}
