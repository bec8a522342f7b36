package wpa4j.ctrl;

import java.io.IOException;

/** A failed libc call: the errno decides what the caller does (stale socket, vanished monitor, ...). */
final class ErrnoException extends IOException {
    private static final long serialVersionUID = 1L;
    private final int errno;

    ErrnoException(String call, int errno) {
        super(call + ": " + describe(errno));
        this.errno = errno;
    }

    int errno() {
        return errno;
    }

    static String describe(int errno) {
        String text = LibC.INSTANCE.strerror(errno);
        return text != null ? text : "errno " + errno;
    }
}
