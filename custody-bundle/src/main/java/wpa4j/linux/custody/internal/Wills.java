package wpa4j.linux.custody.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import wpa4j.linux.custody.ChannelOptions;
import wpa4j.linux.custody.Will;

/** Runs the wills of an expired lease, in order, each on its held channel or on a short-lived socket. */
final class Wills {
    private static final System.Logger LOG = System.getLogger(Wills.class.getName());
    static final Duration TIMEOUT = Duration.ofSeconds(2);

    /** Opens the short-lived socket of a will whose channel is not held. */
    interface Opener {
        HeldChannel open(String key, String name, int protocol, ChannelOptions options) throws IOException;
    }

    private final Opener opener;

    Wills(Opener opener) {
        this.opener = opener;
    }

    /** One failing will is logged and the next still runs: each undoes a separate piece of the link. */
    void run(String key, List<Will> wills, Map<String, HeldChannel> held) {
        for (int i = 0; i < wills.size(); i++) {
            Will w = wills.get(i);
            try {
                // the kernel's ack tells custody the will went through; without NLM_F_ACK a success is silent
                byte[] message = Nlmsg.withAck(w.message());
                List<byte[]> answer = sendOn(key, w, held.get(w.channel()), message);
                int errno = Nlmsg.errno(answer.get(answer.size() - 1));
                if (errno != 0) {
                    LOG.log(System.Logger.Level.WARNING, "lease {0}: will {1} (type {2}) refused: errno {3}", key, i, Nlmsg.type(message), errno);
                }
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "lease {0}: will {1} failed: {2}", key, i, e.toString());
            }
        }
    }

    private List<byte[]> sendOn(String key, Will w, HeldChannel channel, byte[] message) throws IOException {
        if (channel != null && channel.isOpen()) {
            return channel.request(message, TIMEOUT);
        }
        HeldChannel once = opener.open(key, "will", w.protocol(), ChannelOptions.defaults());
        try {
            return once.request(message, TIMEOUT);
        } finally {
            once.close();
        }
    }
}
