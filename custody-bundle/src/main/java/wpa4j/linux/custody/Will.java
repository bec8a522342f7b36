package wpa4j.linux.custody;

/**
 * One request custody sends when a released lease expires without a successor: on the held channel
 * {@code channel}, or, when that is {@code null} or not held, on a short-lived socket of {@code protocol}.
 * Custody asks for the kernel's ack and logs a refusal; the next will runs either way.
 */
public record Will(String channel, int protocol, byte[] message) {
    public Will {
        message = message.clone();
    }

    @Override
    public byte[] message() {
        return message.clone();
    }
}
