package wpa4j.common.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import wpa4j.common.codec.Fuzz;
import wpa4j.common.codec.MalformedFrameException;
import wpa4j.common.ie.DsParameterSet;
import wpa4j.common.ie.IeList;
import wpa4j.common.ie.InformationElement;
import wpa4j.common.ie.Rates;
import wpa4j.common.ie.RsnElement;
import wpa4j.common.ie.Suite;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.Ssid;

class MgmtFrameTest {
    private static final MacAddress AP = MacAddress.parse("02:00:00:00:00:00");
    private static final MacAddress STA = MacAddress.parse("02:00:00:00:01:00");

    /**
     * A Beacon as hostapd sends it for ssid=wpa4j-demo on channel 1 with WPA2-PSK-CCMP: header, timestamp,
     * interval 100, capability ESS|Privacy|ShortSlot, SSID, rates, DS, TIM, ERP, RSN, extended rates.
     */
    static final Bytes BEACON = Bytes.fromHex("80000000ffffffffffff020000000000020000000000" + "1000"
            + "0000000000000000" + "6400" + "1104"
            + "000a777061346a2d64656d6f" + "010882848b960c121824" + "030101" + "050400010000" + "2a0104"
            + "30140100000fac040100000fac040100000fac020000" + "32043048606c");

    static IeList demoIes() {
        List<InformationElement> l = new ArrayList<>();
        l.add(new InformationElement(0, Ssid.ofUtf8("wpa4j-demo").octets()));
        l.addAll(Rates.of(List.of(2, 4, 11, 22, 12, 18, 24, 36, 48, 72, 96, 108), List.of(2, 4, 11, 22)).toElements());
        l.add(new DsParameterSet(1).toElement());
        l.add(RsnElement.psk(Suite.RSN_CCMP, Suite.RSN_CCMP, 0).toElement());
        return new IeList(l);
    }

    static List<MgmtFrame> oneOfEach(Random r) {
        IeList ies = demoIes();
        long ts = r.nextLong();
        int seq = r.nextInt(0x10000);
        return List.of(
                new MgmtFrame.Beacon(MgmtHeader.of(MgmtSubtype.BEACON, MacAddress.BROADCAST, AP, AP).withSeqCtrl(seq), ts, 100, 0x0411, ies),
                new MgmtFrame.ProbeRequest(MgmtHeader.of(MgmtSubtype.PROBE_REQ, MacAddress.BROADCAST, STA, MacAddress.BROADCAST), ies),
                new MgmtFrame.ProbeResponse(MgmtHeader.of(MgmtSubtype.PROBE_RESP, STA, AP, AP), ts, 100, 0x0411, ies),
                new MgmtFrame.Authentication(MgmtHeader.of(MgmtSubtype.AUTH, AP, STA, AP), 0, 1, 0, IeList.EMPTY),
                new MgmtFrame.Authentication(MgmtHeader.of(MgmtSubtype.AUTH, STA, AP, AP), 0, 2, r.nextInt(0x10000), IeList.EMPTY),
                new MgmtFrame.AssocRequest(MgmtHeader.of(MgmtSubtype.ASSOC_REQ, AP, STA, AP), 0x0431, 10, ies),
                new MgmtFrame.ReassocRequest(MgmtHeader.of(MgmtSubtype.REASSOC_REQ, AP, STA, AP), 0x0431, 10, AP, ies),
                MgmtFrame.AssocResponse.of(MgmtHeader.of(MgmtSubtype.ASSOC_RESP, STA, AP, AP), 0x0411, 0, 1 + r.nextInt(2007), IeList.EMPTY),
                MgmtFrame.AssocResponse.of(MgmtHeader.of(MgmtSubtype.REASSOC_RESP, STA, AP, AP), 0x0411, 17, 0, IeList.EMPTY),
                new MgmtFrame.Deauthentication(MgmtHeader.of(MgmtSubtype.DEAUTH, STA, AP, AP), ReasonCode.DEAUTH_LEAVING, IeList.EMPTY),
                new MgmtFrame.Disassociation(MgmtHeader.of(MgmtSubtype.DISASSOC, STA, AP, AP), r.nextInt(0x10000), IeList.EMPTY),
                new MgmtFrame.Action(MgmtHeader.of(MgmtSubtype.ACTION, STA, AP, AP), 4, ElementsRandom.bytes(r, 0, 30)),
                new MgmtFrame.Opaque(new MgmtHeader(MgmtSubtype.ACTION.value() << 4 | MgmtHeader.FC_PROTECTED, 0, STA, AP, AP, seq, null),
                        ElementsRandom.bytes(r, 0, 30)),
                new MgmtFrame.Opaque(MgmtHeader.of(MgmtSubtype.ATIM, STA, AP, AP), Bytes.EMPTY),
                new MgmtFrame.Beacon(new MgmtHeader(MgmtSubtype.BEACON.value() << 4 | MgmtHeader.FC_ORDER, 0, MacAddress.BROADCAST, AP, AP, 0,
                        r.nextLong() & 0xffffffffL), ts, 100, 0x0401, IeList.EMPTY));
    }

    @Test
    void realBeaconDecodesAndEncodesBackOctetForOctet() throws Exception {
        MgmtFrame f = MgmtFrame.decode(BEACON);
        MgmtFrame.Beacon b = assertInstanceOf(MgmtFrame.Beacon.class, f);
        assertEquals(AP, b.header().bssid());
        assertEquals(MacAddress.BROADCAST, b.header().da());
        assertEquals(1, b.header().sequenceNumber());
        assertEquals(100, b.beaconInterval());
        assertEquals(Ssid.ofUtf8("wpa4j-demo"), b.ies().ssid().orElseThrow());
        assertEquals(List.of(Suite.AKM_PSK), b.ies().rsn().orElseThrow().akms());
        assertEquals(BEACON, f.encode());
    }

    @Test
    void everyFrameTypeRoundTrips() throws Exception {
        Random r = new Random(11);
        for (int i = 0; i < 100; i++) {
            for (MgmtFrame f : oneOfEach(r)) {
                Bytes enc = f.encode();
                MgmtFrame back = MgmtFrame.decode(enc);
                assertEquals(f, back, f.getClass().getSimpleName());
                assertEquals(enc, back.encode());
            }
        }
        MgmtFrame.AssocResponse resp = (MgmtFrame.AssocResponse) MgmtFrame.decode(
                MgmtFrame.AssocResponse.of(MgmtHeader.of(MgmtSubtype.ASSOC_RESP, STA, AP, AP), 0x0411, 0, 2007, IeList.EMPTY).encode());
        assertEquals(2007, resp.aid());
        assertEquals(0xc000 | 2007, resp.aidField());
    }

    @Test
    void malformedFramesAreRejectedWithTheReason() {
        assertEquals("frame type 2 is not management", assertThrows(MalformedFrameException.class,
                () -> MgmtFrame.decode(Bytes.fromHex("0842" + "00".repeat(22)))).reason());
        assertEquals("protocol version 1", assertThrows(MalformedFrameException.class,
                () -> MgmtFrame.decode(Bytes.fromHex("8100" + "00".repeat(22)))).reason());
        assertTrue(assertThrows(MalformedFrameException.class, () -> MgmtFrame.decode(BEACON.slice(0, 30))).reason().startsWith("timestamp"));
        for (MgmtFrame f : oneOfEach(new Random(12))) {
            Fuzz.onlyMalformed(MgmtFrame::decode, f.encode(), 13, 400);
        }
        Fuzz.onlyMalformed(MgmtFrame::decode, BEACON, 14, 3000);
    }

    @Test
    void recordsRefuseAHeaderOfAnotherSubtype() {
        MgmtHeader probe = MgmtHeader.of(MgmtSubtype.PROBE_REQ, AP, STA, AP);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new MgmtFrame.Beacon(probe, 0, 100, 0, IeList.EMPTY));
        assertEquals("header: subtype PROBE_REQ where [BEACON] expected", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new MgmtHeader(0x8000, 0, AP, AP, AP, 0, null));
    }

    /** Random octets for frame bodies. */
    static final class ElementsRandom {
        static Bytes bytes(Random r, int min, int max) {
            byte[] b = new byte[min + r.nextInt(max - min + 1)];
            r.nextBytes(b);
            return Bytes.of(b);
        }
    }

    @Test
    void aReceivedFrameIsDecodedWithoutItsProtectedBitWhichIsReported() throws Exception {
        Bytes deauth = new MgmtFrame.Deauthentication(MgmtHeader.of(MgmtSubtype.DEAUTH, AP, STA, AP), 3, IeList.EMPTY).encode();
        MgmtFrame.Received clear = MgmtFrame.decodeReceived(deauth);
        assertEquals(false, clear.wasProtected());
        byte[] decrypted = deauth.toArray();
        decrypted[1] |= (byte) (MgmtHeader.FC_PROTECTED >> 8);
        MgmtFrame.Received r = MgmtFrame.decodeReceived(Bytes.of(decrypted));
        assertTrue(r.wasProtected());
        assertEquals(clear.frame(), r.frame(), "the body read as the frame it is, not as an opaque encrypted one");
        assertThrows(MalformedFrameException.class, () -> MgmtFrame.decodeReceived(Bytes.fromHex("c0")));
    }

    @Test
    void authenticationBodyKeepsTheSaeFieldsAsOctets() throws Exception {
        Bytes commit = Bytes.fromHex("1300" + "aa".repeat(32) + "bb".repeat(64));
        AuthenticationBody a = AuthenticationBody.sae(AP, STA, AP, 1, 126, commit);
        Bytes raw = a.encode();
        assertEquals(Bytes.fromHex("b0000000" + "020000000000" + "020000000100" + "020000000000" + "0000" + "0300" + "0100" + "7e00"), raw.slice(0, 30));
        AuthenticationBody back = AuthenticationBody.decode(raw).orElseThrow();
        assertEquals(a, back);
        assertTrue(back.isSae());
        assertEquals(STA, back.header().sa());
        assertTrue(AuthenticationBody.decode(BEACON).isEmpty(), "another subtype");
        assertThrows(MalformedFrameException.class, () -> AuthenticationBody.decode(raw.slice(0, 28)));
        Bytes open = new MgmtFrame.Authentication(MgmtHeader.of(MgmtSubtype.AUTH, AP, STA, AP), 0, 1, 0, IeList.EMPTY).encode();
        assertEquals(MgmtFrame.Authentication.ALG_OPEN, AuthenticationBody.decode(open).orElseThrow().algorithm());
    }
}
