package wpa4j.nl80211;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import wpa4j.driver.event.DriverEvent;
import wpa4j.driver.types.AssociateParams;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.Cipher;
import wpa4j.driver.types.KeyMgmt;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.Proto;
import wpa4j.driver.types.Ssid;
import wpa4j.linux.netlink.GenlClient;
import wpa4j.linux.netlink.NlWriter;
import wpa4j.nl80211.cmd.InterfaceRecord;
import wpa4j.nl80211.cmd.WiphyInfo;
import wpa4j.nl80211.uapi.Uapi;

/**
 * Issue 15: an instance that goes leaves its interface's sockets in custody, and the next one takes the
 * link over from them: no ASSOCIATE, no frame registration, no scan dump, the EAPOL that arrived in
 * between delivered in order, EAPOL sent on the same owner socket. Without a grace the link ends as before.
 */
class Nl80211HandoverTest {
    private static final int IFINDEX = 99_999; // no such interface here: the rtnetlink calls fail quietly
    private static final MacAddress OWN = MacAddress.parse("02:00:00:00:01:00");
    private static final MacAddress AP = MacAddress.parse("02:00:00:00:00:00");
    private static final Ssid SSID = Ssid.of("home".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    private static final GenlClient.Family FAMILY = new GenlClient.Family("nl80211", 0x1c, Map.of("mlme", 5, "scan", 6, "config", 7));
    private static final WiphyInfo WIPHY = new WiphyInfo(0, "phy0", Set.of(0x000fac04L), Set.of(Uapi.NL80211_IFTYPE_STATION),
            Set.of(Uapi.NL80211_CMD_AUTHENTICATE, Uapi.NL80211_CMD_ASSOCIATE), 4, 0, 0, 5000, 0, false, List.of(), controlPortFeature());
    private static final InterfaceRecord IFACE = new InterfaceRecord(IFINDEX, "wlan9", 0, Uapi.NL80211_IFTYPE_STATION, OWN, 2412);

    private final FakeCustody custody = new FakeCustody();

    private static Bytes controlPortFeature() {
        byte[] ext = new byte[8];
        ext[Uapi.NL80211_EXT_FEATURE_CONTROL_PORT_OVER_NL80211 / 8] |= (byte) (1 << (Uapi.NL80211_EXT_FEATURE_CONTROL_PORT_OVER_NL80211 % 8));
        return Bytes.of(ext);
    }

    private Nl80211Interface open(String lessee, Duration grace, List<DriverEvent> events) throws Exception {
        return open(lessee, grace, events, true);
    }

    private Nl80211Interface open(String lessee, Duration grace, List<DriverEvent> events, boolean controlPort) throws Exception {
        InterfaceSockets sockets = InterfaceSockets.lease(custody, FAMILY, IFINDEX, lessee);
        // as Nl80211Driver.open: the configured path (control port by default) for new links; resumeLink follows the note of a link it takes over
        Nl80211Interface i = new Nl80211Interface(sockets, IFACE, WIPHY, events::add, controlPort, new Nl80211Interface.Handover(grace, () -> false),
                () -> { });
        if (sockets.inherited()) {
            i.resumeLink();
        }
        i.start();
        return i;
    }

    private FakeCustody.FakeChannel channel(String name) {
        return custody.held.get("nl80211/" + IFINDEX).channels.get(name);
    }

    /** A associates as the control-port owner; the AP's Association Response arrives on the events socket. */
    private Nl80211Interface associated(Duration grace, List<DriverEvent> events) throws Exception {
        return associated(grace, events, true);
    }

    private Nl80211Interface associated(Duration grace, List<DriverEvent> events, boolean controlPort) throws Exception {
        Nl80211Interface a = open("A", grace, events, controlPort);
        a.associate(AssociateParams.builder().bssid(AP).ssid(SSID).freq(2412).wpaIe(Bytes.fromHex("30140100000fac040100000fac040100000fac020000"))
                .wpaProto(Set.of(Proto.RSN)).pairwiseSuite(Cipher.CCMP).groupSuite(Cipher.CCMP).keyMgmtSuite(KeyMgmt.PSK).build());
        channel(InterfaceSockets.EVENTS).inject(FakeCustody.notification(Uapi.NL80211_CMD_ASSOCIATE, IFINDEX,
                w -> w.attr(Uapi.NL80211_ATTR_FRAME, Wpa3BackendTest.frame(0x0010, OWN, AP, "110000000100" + "010182"))));
        return a;
    }

    private static byte[] eapol(int n) {
        return FakeCustody.notification(Uapi.NL80211_CMD_CONTROL_PORT_FRAME, IFINDEX,
                w -> w.attr(Uapi.NL80211_ATTR_MAC, AP.octets()).attr(Uapi.NL80211_ATTR_FRAME, pdu(n)));
    }

    /** An EAPOL PDU whose one body octet tells it apart. */
    private static Bytes pdu(int n) {
        return Bytes.of((byte) 2, (byte) 3, (byte) 0, (byte) 1, (byte) n);
    }

    @Test
    void theNextInstanceTakesTheOwnedLinkOverWithoutSendingAnythingToSetItUp() throws Exception {
        List<DriverEvent> aEvents = new ArrayList<>();
        Nl80211Interface a = associated(Duration.ofSeconds(10), aEvents);
        assertInstanceOf(DriverEvent.Assoc.class, aEvents.get(aEvents.size() - 1));
        FakeCustody.FakeChannel cmd = channel(InterfaceSockets.CMD);
        assertTrue(cmd.commands.contains(Uapi.NL80211_CMD_ASSOCIATE));

        a.handOver();
        a.close(); // the core lets go after the backend did: nothing may end the link
        assertFalse(cmd.commands.contains(Uapi.NL80211_CMD_DEAUTHENTICATE), "a handover must not deauthenticate");
        assertFalse(cmd.closed);
        cmd.inject(eapol(1)); // group key message 1 while nobody drives the interface
        cmd.inject(eapol(2));

        int sentBefore = cmd.commands.size();
        cmd.replies.put(Uapi.NL80211_CMD_GET_STATION, NlWriter.genl(Uapi.NL80211_CMD_NEW_STATION, 1).u32(Uapi.NL80211_ATTR_IFINDEX, IFINDEX)
                .nestStart(Uapi.NL80211_ATTR_STA_INFO).u32(Uapi.NL80211_STA_INFO_INACTIVE_TIME, 10).nestEnd().build(0x1c, 0, 0, 0));
        List<DriverEvent> bEvents = new ArrayList<>();
        Nl80211Interface b = open("B", Duration.ofSeconds(10), bEvents);

        assertEquals(Optional.of(AP), b.getBssid(), "the link from the notes, checked with GET_STATION");
        assertTrue(b.eapolOverControlPort(), "the link's EAPOL path from the notes");
        assertEquals(List.of(Uapi.NL80211_CMD_GET_STATION), cmd.commands.subList(sentBefore, cmd.commands.size()),
                "no ASSOCIATE, no REGISTER_FRAME, no scan dump");
        assertEquals(List.of(pdu(1), pdu(2)),
                bEvents.stream().map(e -> ((DriverEvent.EapolRx) e).data()).toList(), "the queued EAPOL, in order");
        b.sendEapol(AP, 0x888e, pdu(9));
        assertEquals(Uapi.NL80211_CMD_CONTROL_PORT_FRAME, cmd.commands.get(cmd.commands.size() - 1), "EAPOL out on the owner socket");
        assertEquals(List.of(5, 6), channel(InterfaceSockets.EVENTS).groups, "mlme and scan joined once, by the first instance");
    }

    @Test
    void withoutAGraceClosingEndsTheOwnedLinkAndClosesTheSockets() throws Exception {
        Nl80211Interface a = associated(Duration.ZERO, new ArrayList<>());
        FakeCustody.FakeChannel cmd = channel(InterfaceSockets.CMD);
        a.close();
        assertTrue(cmd.commands.contains(Uapi.NL80211_CMD_DEAUTHENTICATE), "reason 3 before the owner socket closes");
        assertTrue(cmd.closed);
        assertNull(custody.held.get("nl80211/" + IFINDEX));
    }

    @Test
    void theNotedLinkIsTheKernelsUnlessTheKernelsBeganLater() {
        long noted = 100_000;
        // the same link read 40.7 s later: the kernel's connected time is whole seconds, so its start reads up to 1 s late
        assertTrue(StationMlme.sameLink(noted, 40, noted + 40_700));
        assertTrue(StationMlme.sameLink(noted, 0, noted + 999));
        // a kernel that does not report the connected time: the note is trusted
        assertTrue(StationMlme.sameLink(noted, -1, noted + 60_000));
        // the link ended and another was made to the same BSS 30 s after the noted one began (read 5.5 s into it)
        assertFalse(StationMlme.sameLink(noted, 5, noted + 35_500));
        // ... or 3 s after (the grace's shortest case: a deauthentication right after the update, a reconnection)
        assertFalse(StationMlme.sameLink(noted, 0, noted + 3_000));
    }

    @Test
    void aLinkThatEndedWhileNobodyHeldItIsNotResumed() throws Exception {
        Nl80211Interface a = associated(Duration.ofSeconds(10), new ArrayList<>());
        a.handOver();
        // GET_STATION without a reply: the kernel no longer has the AP as a station
        FakeCustody.FakeChannel cmd = channel(InterfaceSockets.CMD);
        cmd.replies.clear();
        Nl80211Interface b = open("B", Duration.ofSeconds(10), new ArrayList<>());
        assertTrue(cmd.commands.contains(Uapi.NL80211_CMD_GET_STATION));
        assertEquals(Optional.empty(), b.getBssid(), "not taken over: the scan dump shows no association either");
        assertEquals(AP.toString(), custody.held.get("nl80211/" + IFINDEX).notes.get(InterfaceSockets.BSSID), "notes stay until the deauth event");
        b.close();
    }

    /** An EAPOL frame as the PF_PACKET socket receives it: destination, source, EtherType, PDU. */
    private static byte[] ethernet(MacAddress dst, MacAddress src, Bytes pdu) {
        byte[] f = new byte[14 + pdu.length()];
        dst.writeTo(f, 0);
        src.writeTo(f, 6);
        f[12] = (byte) 0x88;
        f[13] = (byte) 0x8e;
        System.arraycopy(pdu.toArray(), 0, f, 14, pdu.length());
        return f;
    }

    /** eapol=PACKET (or a link adopted from wext): the PF_PACKET socket is custody's too, so EAPOL in the gap waits for the successor. */
    @Test
    void aPfPacketLinksSocketStaysHeldAndTheEapolThatCameMeanwhileReachesTheNextInstance() throws Exception {
        Nl80211Interface a = associated(Duration.ofSeconds(10), new ArrayList<>(), false);
        assertFalse(a.eapolOverControlPort());
        a.sendEapol(AP, 0x888e, pdu(7));
        FakeCustody.FakeChannel packet = channel(InterfaceSockets.EAPOL_PACKET);
        assertEquals(List.of(Bytes.of(ethernet(AP, OWN, pdu(7)))), packet.frames.stream().map(Bytes::of).toList(), "an Ethernet frame from our address");

        a.handOver();
        a.close();
        assertFalse(packet.closed, "the socket stays in custody");
        packet.inject(ethernet(OWN, AP, pdu(1)));
        packet.inject(ethernet(OWN, AP, pdu(2)));

        FakeCustody.FakeChannel cmd = channel(InterfaceSockets.CMD);
        cmd.replies.put(Uapi.NL80211_CMD_GET_STATION, NlWriter.genl(Uapi.NL80211_CMD_NEW_STATION, 1).u32(Uapi.NL80211_ATTR_IFINDEX, IFINDEX)
                .nestStart(Uapi.NL80211_ATTR_STA_INFO).u32(Uapi.NL80211_STA_INFO_INACTIVE_TIME, 10).nestEnd().build(0x1c, 0, 0, 0));
        List<DriverEvent> bEvents = new ArrayList<>();
        // the successor is configured for the control port: the link it takes over keeps the path it was made with
        Nl80211Interface b = open("B", Duration.ofSeconds(10), bEvents, true);
        assertFalse(b.eapolOverControlPort());
        assertEquals(List.of(pdu(1), pdu(2)), bEvents.stream().filter(DriverEvent.EapolRx.class::isInstance)
                .map(e -> ((DriverEvent.EapolRx) e).data()).toList(), "the EAPOL that came in the gap, in order");
        assertEquals(AP, ((DriverEvent.EapolRx) bEvents.stream().filter(DriverEvent.EapolRx.class::isInstance).findFirst().orElseThrow()).src());
        assertEquals(1, custody.held.get("nl80211/" + IFINDEX).packetOpens, "the same PF_PACKET socket, not a second one");
        b.close();
    }

    /** A PF_PACKET socket a predecessor left for a link that ended in the gap is dropped by the next link: its frames are stale. */
    @Test
    void aNewLinkDropsThePfPacketSocketOfALinkThatEndedInTheGap() throws Exception {
        Nl80211Interface a = associated(Duration.ofSeconds(10), new ArrayList<>(), false);
        a.sendEapol(AP, 0x888e, pdu(7));
        a.handOver();
        a.close();
        FakeCustody.FakeChannel packet = channel(InterfaceSockets.EAPOL_PACKET);
        packet.inject(ethernet(OWN, AP, pdu(1))); // the old link's, queued
        channel(InterfaceSockets.CMD).replies.clear(); // GET_STATION: the AP is gone, the link is not taken over
        List<DriverEvent> bEvents = new ArrayList<>();
        Nl80211Interface b = open("B", Duration.ofSeconds(10), bEvents, true);
        assertEquals(Optional.empty(), b.getBssid());
        b.authenticate(Wpa3BackendTest.auth(wpa4j.driver.types.AuthAlg.OPEN, Bytes.EMPTY));
        assertTrue(packet.closed, "the stale PF_PACKET socket went with the new link over the control port");
        assertTrue(bEvents.stream().noneMatch(DriverEvent.EapolRx.class::isInstance), "no stale EAPOL reached the new link: " + bEvents);
        b.close();
    }
}
