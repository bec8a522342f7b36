package wpa4j.wext;

import wpa4j.driver.DriverException;
import wpa4j.linux.netlink.NetlinkException;
import wpa4j.wext.ioctl.WextException;

/** One ioctl (or rtnetlink request) per op: a failure becomes the op's DriverException with the kernel's errno. */
final class WextOps {
    private WextOps() {}

    interface Call {
        void run() throws WextException, NetlinkException;
    }

    interface Query<T> {
        T get() throws WextException;
    }

    static void run(String op, Call call) throws DriverException {
        try {
            call.run();
        } catch (WextException e) {
            throw new DriverException(op, e.getMessage(), e.errno(), e);
        } catch (NetlinkException e) {
            throw new DriverException(op, e.getMessage(), e.errno(), e);
        }
    }

    static <T> T get(String op, Query<T> query) throws DriverException {
        try {
            return query.get();
        } catch (WextException e) {
            throw new DriverException(op, e.getMessage(), e.errno(), e);
        }
    }
}
