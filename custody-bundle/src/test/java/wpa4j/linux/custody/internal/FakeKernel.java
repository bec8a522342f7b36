package wpa4j.linux.custody.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** An in-memory socket layer: tests push datagrams in, see what was sent, and may answer requests. */
final class FakeKernel implements SocketLayer {
    /** The protocol a packet socket is listed with. */
    static final int PACKET = -1;

    /** Everything sent, on every socket, in order ("portId:type"), so tests can check order across sockets. */
    final List<String> sent = new CopyOnWriteArrayList<>();
    final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger ports = new AtomicInteger(100);
    /** Answers a sent message with datagrams (none by default). */
    volatile Function<byte[], List<byte[]>> answer = m -> List.of();

    @Override
    public RawSocket open(int protocol, int receiveBuffer) {
        Socket s = new Socket(protocol, ports.incrementAndGet());
        sockets.add(s);
        return s;
    }

    @Override
    public RawSocket openPacket(int ifindex, int ethertype, int receiveBuffer) {
        Socket s = new Socket(PACKET, 0);
        sockets.add(s);
        return s;
    }

    Socket socket(int i) {
        return sockets.get(i);
    }

    /** The acknowledgement (NLMSG_ERROR with error {@code -errno}) of {@code request}. */
    static byte[] ack(byte[] request, int errno) {
        byte[] m = Messages.message(Nlmsg.NLMSG_ERROR, Nlmsg.seq(request), 4 + 16);
        Nlmsg.putU32(m, 16, -errno);
        System.arraycopy(request, 0, m, 20, 16);
        return m;
    }

    final class Socket implements RawSocket {
        final int protocol;
        final int portId;
        final List<byte[]> sentHere = new CopyOnWriteArrayList<>();
        final List<Integer> groups = new CopyOnWriteArrayList<>();
        private final BlockingQueue<Object> inbound = new LinkedBlockingQueue<>();
        volatile boolean closed;
        volatile Thread closedBy;

        Socket(int protocol, int portId) {
            this.protocol = protocol;
            this.portId = portId;
        }

        /** One unicast datagram of these messages, back to back (each padded to 4). */
        void deliver(byte[]... messages) {
            inbound.add(new Datagram(Messages.concat(messages), 0));
        }

        void deliverMulticast(int group, byte[]... messages) {
            inbound.add(new Datagram(Messages.concat(messages), group));
        }

        void deliverRaw(byte[] datagram) {
            inbound.add(new Datagram(datagram, 0));
        }

        void overrun() {
            inbound.add(OVERRUN);
        }

        @Override
        public int portId() {
            return portId;
        }

        @Override
        public void send(byte[] datagram) throws IOException {
            if (closed) {
                throw new IOException("sendto: errno 9");
            }
            sentHere.add(datagram.clone());
            sent.add(portId + ":" + (protocol == PACKET ? "frame" : String.valueOf(Nlmsg.type(datagram))));
            for (byte[] d : answer.apply(datagram)) {
                deliver(d);
            }
        }

        @Override
        public int receive(byte[] buf, int[] groups) throws IOException {
            Object o;
            try {
                o = inbound.poll(10, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                throw new IOException(e);
            }
            if (o == null) {
                return TIMEOUT;
            }
            if (o instanceof Integer code) {
                return code;
            }
            Datagram d = (Datagram) o;
            System.arraycopy(d.bytes, 0, buf, 0, d.bytes.length);
            groups[0] = d.group;
            return d.bytes.length;
        }

        @Override
        public void joinGroup(int group) {
            groups.add(group);
        }

        @Override
        public void close() {
            closed = true;
            closedBy = Thread.currentThread();
        }

        List<Integer> sentTypes() {
            List<Integer> types = new ArrayList<>();
            sentHere.forEach(m -> types.add(Nlmsg.type(m)));
            return types;
        }
    }

    private static final Integer OVERRUN = RawSocket.OVERRUN;

    private record Datagram(byte[] bytes, int group) {
    }
}
