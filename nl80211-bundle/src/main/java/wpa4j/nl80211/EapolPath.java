package wpa4j.nl80211;

import static wpa4j.nl80211.NlOps.run;

import java.io.IOException;

import wpa4j.driver.DriverException;
import wpa4j.driver.event.DriverEvent;
import wpa4j.driver.event.DriverEventSink;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.MacAddress;
import wpa4j.linux.packet.EapolSocket;
import wpa4j.nl80211.cmd.InterfaceRecord;
import wpa4j.nl80211.cmd.Nl80211;

/**
 * Where an interface's EAPOL travels: the nl80211 control port (the command socket owns the link, EAPOL
 * comes to it as CONTROL_PORT_FRAME) or a PF_PACKET socket on the interface (a link no socket owns).
 */
final class EapolPath {
    private final Nl80211 nl;
    private final InterfaceRecord iface;
    private final DriverEventSink sink;
    /** What this instance uses for links it makes (AUTO and the wiphy's support), whatever a link taken over uses. */
    private final boolean configured;
    private volatile boolean controlPort;
    private EapolSocket packet;

    EapolPath(Nl80211 nl, InterfaceRecord iface, DriverEventSink sink, boolean controlPort) {
        this.nl = nl;
        this.iface = iface;
        this.sink = sink;
        this.configured = controlPort;
        this.controlPort = controlPort;
    }

    /** A link this instance makes (authentication starts): back to the configured path, after an adopted link used PF_PACKET. */
    void forNewLink() {
        controlPort = configured;
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
        try {
            openPacket().send(dest, data);
        } catch (IOException e) {
            throw new DriverException(op, e.getMessage(), 0, e);
        }
    }

    private synchronized EapolSocket openPacket() throws IOException {
        if (packet == null) {
            packet = EapolSocket.open(iface.ifindex(), (src, pdu) -> sink.onEvent(new DriverEvent.EapolRx(src, pdu)));
        }
        return packet;
    }

    /** The PF_PACKET socket (the control port belongs to the command socket, which custody keeps). */
    synchronized void close() {
        if (packet != null) {
            packet.close();
            packet = null;
        }
    }
}
