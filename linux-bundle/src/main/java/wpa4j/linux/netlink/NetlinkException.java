package wpa4j.linux.netlink;

/** The kernel refused a netlink request: errno (positive) and the extended-ack message, if any. */
public class NetlinkException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int errno;
    private final String kernelMessage;

    public NetlinkException(String what, int errno, String kernelMessage) {
        super(what + ": errno " + errno + (kernelMessage.isEmpty() ? "" : " (" + kernelMessage + ")"));
        this.errno = errno;
        this.kernelMessage = kernelMessage;
    }

    public int errno() {
        return errno;
    }

    public String kernelMessage() {
        return kernelMessage;
    }
}
