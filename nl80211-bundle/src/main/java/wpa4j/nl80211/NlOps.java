package wpa4j.nl80211;

import wpa4j.driver.DriverException;
import wpa4j.linux.netlink.NetlinkException;

/** One netlink request per op: a failure becomes the op's DriverException with the kernel's errno and message. */
final class NlOps {
    private NlOps() {}

    interface Call {
        void run() throws NetlinkException;
    }

    interface Query<T> {
        T get() throws NetlinkException;
    }

    static DriverException failed(String op, NetlinkException e) {
        return new DriverException(op, e.getMessage(), e.errno(), e);
    }

    static void run(String op, Call call) throws DriverException {
        try {
            call.run();
        } catch (NetlinkException e) {
            throw failed(op, e);
        }
    }

    static <T> T get(String op, Query<T> query) throws DriverException {
        try {
            return query.get();
        } catch (NetlinkException e) {
            throw failed(op, e);
        }
    }
}
