package wpa4j.nl80211;

import static wpa4j.nl80211.NlOps.run;

import java.io.IOException;

import wpa4j.driver.DriverException;
import wpa4j.driver.event.DriverEvent;
import wpa4j.driver.event.DriverEventSink;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.MacAddress;
import wpa4j.linux.custody.Channel;
import wpa4j.nl80211.cmd.InterfaceRecord;
import wpa4j.nl80211.cmd.Nl80211;

/**
 * Where an interface's EAPOL travels: the nl80211 control port (the command socket owns the link, EAPOL
 * comes to it as CONTROL_PORT_FRAME) or a PF_PACKET socket on the interface (a link no socket owns), which
 * custody holds like the netlink sockets, so EAPOL that arrives during an update waits for the successor.
 */
final class EapolPath {
    /** Destination, source, EtherType: what precedes the PDU in a PF_PACKET/SOCK_RAW frame. */
    private static final int ETHERNET_HEADER = 14;
    private static final int ETH_P_PAE = 0x888e;
    /** IEEE 802.1X's PAE group address (a port's EAPOL may go there instead of to us). */
    private static final MacAddress PAE_GROUP = MacAddress.parse("01:80:c2:00:00:03");

    private final Nl80211 nl;
    private final InterfaceSockets sockets;
    private final InterfaceRecord iface;
    private final DriverEventSink sink;
    /** What this instance uses for links it makes (AUTO and the wiphy's support), whatever a link taken over uses. */
    private final boolean configured;
    private volatile boolean controlPort;
    private Channel packet;

    EapolPath(Nl80211 nl, InterfaceSockets sockets, InterfaceRecord iface, DriverEventSink sink, boolean controlPort) {
        this.nl = nl;
        this.sockets = sockets;
        this.iface = iface;
        this.sink = sink;
        this.configured = controlPort;
        this.controlPort = controlPort;
    }

    /** A link this instance makes (authentication starts): back to the configured path, after an adopted link used PF_PACKET. */
    synchronized void forNewLink() {
        controlPort = configured;
        if (controlPort || packet == null) {
            // over the control port the PF_PACKET socket would only sit in custody; one a predecessor left (its link
            // ended in the gap) holds that link's frames, which a new handshake must not see
            sockets.drop(InterfaceSockets.EAPOL_PACKET);
            packet = null;
        }
    }

    boolean controlPort() {
        return controlPort;
    }

    /** Before a link is made: the PF_PACKET socket must be open first when the control port is not used. */
    void ready() throws IOException {
        if (!controlPort) {
            openPacket();
        }
    }

    /** A link taken over from a predecessor: its EAPOL path is the one it was made with. */
    void follow(boolean owned) throws IOException {
        if (owned) {
            controlPort = true;
        } else {
            usePacket();
        }
    }

    /** A link nobody here made is owned by no socket: its EAPOL arrives on the interface from now on. */
    void usePacket() throws IOException {
        controlPort = false;
        openPacket();
    }

    /** One EAPOL PDU out: NL80211_CMD_CONTROL_PORT_FRAME on the owner socket, else the PF_PACKET socket. */
    void send(String op, MacAddress dest, Bytes data, boolean noEncrypt) throws DriverException {
        if (controlPort) {
            run(op, () -> nl.controlPortFrame(iface.ifindex(), dest, data, noEncrypt));
            return;
        }
        byte[] frame = new byte[ETHERNET_HEADER + data.length()];
        dest.writeTo(frame, 0);
        iface.mac().writeTo(frame, 6);
        frame[12] = (byte) (ETH_P_PAE >> 8);
        frame[13] = (byte) ETH_P_PAE;
        data.asReadOnlyBuffer().get(frame, ETHERNET_HEADER, data.length());
        try {
            openPacket().send(frame);
        } catch (IOException | IllegalStateException e) {
            throw new DriverException(op, e.getMessage(), 0, e);
        }
    }

    private synchronized Channel openPacket() throws IOException {
        if (packet == null) {
            packet = sockets.eapolPacket(ETH_P_PAE, this::onFrame);
        }
        return packet;
    }

    /** One frame from the PF_PACKET socket (custody delivers none shorter than its header), if it is for us. */
    private void onFrame(byte[] frame) {
        MacAddress dst = MacAddress.of(frame, 0);
        if (!dst.equals(iface.mac()) && !dst.equals(PAE_GROUP)) {
            return;
        }
        sink.onEvent(new DriverEvent.EapolRx(MacAddress.of(frame, 6), Bytes.of(frame, ETHERNET_HEADER, frame.length - ETHERNET_HEADER)));
    }

    /** This instance stops using the PF_PACKET socket; custody keeps it for a successor or closes it with the lease. */
    synchronized void close() {
        packet = null;
    }
}
