package wpa4j.linux.custody.plain;

import wpa4j.linux.custody.SocketCustody;
import wpa4j.linux.custody.internal.Custody;

/** Socket custody without a framework (tests, benchmarks, a backend used as a library). */
public final class PlainCustody {
    private PlainCustody() {
    }

    /** A custody of the caller's own over the running kernel's sockets; closing it closes every socket it holds. */
    public static SocketCustody.Owned create() {
        return Custody.create();
    }
}
