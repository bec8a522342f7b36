package wpa4j.hostapd.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import wpa4j.common.crypto.AesKeyWrap;
import wpa4j.common.crypto.EapolMic;
import wpa4j.common.crypto.Ptk;
import wpa4j.common.crypto.SecretKeyBytes;
import wpa4j.common.eapol.EapolKey;
import wpa4j.common.eapol.KeyData;
import wpa4j.common.eapol.KeyInfo;
import wpa4j.common.frame.MgmtFrame;
import wpa4j.common.frame.MgmtHeader;
import wpa4j.common.frame.MgmtSubtype;
import wpa4j.common.ie.IeList;
import wpa4j.common.ie.InformationElement;
import wpa4j.common.ie.RsnElement;
import wpa4j.common.ie.Suite;
import wpa4j.driver.event.DriverEvent;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.Ssid;

/**
 * A station written here from the standard with the common toolkit: it authenticates, associates and runs the
 * supplicant side of the 4-way handshake against the AP core through the fake driver, checking every MIC itself.
 */
final class TestStation {
    static final MacAddress AA = FakeApDriver.AP;
    private static final SecureRandom RANDOM = new SecureRandom();

    final ApHarness h;
    final MacAddress addr;
    final Ssid ssid;
    /** The station's RSN element, and its RSNXE if any, as its association request carries them. */
    InformationElement rsn;
    Optional<InformationElement> rsnxe = Optional.empty();
    /** The body of its Supported Rates element. */
    Bytes rates = Bytes.fromHex("82848b96");
    Ptk ptk;
    KeyData message3Data;
    EapolKey message3;
    private int eapolSeen;

    TestStation(ApHarness h, String addr, Ssid ssid) {
        this.h = h;
        this.addr = MacAddress.parse(addr);
        this.ssid = ssid;
    }

    static InformationElement rsne(Suite akm, int caps, List<Bytes> pmkids, Suite groupMgmt) {
        return new RsnElement(1, Suite.RSN_CCMP, List.of(Suite.RSN_CCMP), List.of(akm), caps, pmkids, groupMgmt).toElement();
    }

    static Bytes frame(MgmtSubtype subtype, MacAddress from, boolean protect, Bytes body) {
        int fc = subtype.value() << 4 | (protect ? MgmtHeader.FC_PROTECTED : 0);
        MgmtFrame f = new MgmtFrame.Opaque(new MgmtHeader(fc, 0, AA, from, AA, 0, null), body);
        return f.encode();
    }

    /** Open System authentication; the status the AP answers. */
    int authenticate() throws Exception {
        int before = h.driver.mlme.size();
        MgmtFrame.Authentication a = new MgmtFrame.Authentication(MgmtHeader.of(MgmtSubtype.AUTH, AA, addr, AA), 0, 1, 0, IeList.EMPTY);
        h.inject(new DriverEvent.RxMgmt(a.encode(), 0, 2412, -40));
        return ((MgmtFrame.Authentication) MgmtFrame.decode(h.driver.mlme.get(before))).statusCode();
    }

    /** A (Re)Association Request with our RSNE (if any); the response, acknowledged when it is a success. */
    MgmtFrame.AssocResponse associate(boolean reassoc) throws Exception {
        int before = h.driver.mlme.size();
        List<InformationElement> ies = new ArrayList<>();
        ies.add(new InformationElement(0, ssid.octets()));
        ies.add(new InformationElement(1, rates));
        if (rsn != null) {
            ies.add(rsn);
        }
        rsnxe.ifPresent(ies::add);
        MgmtFrame req = reassoc ? new MgmtFrame.ReassocRequest(MgmtHeader.of(MgmtSubtype.REASSOC_REQ, AA, addr, AA), 0x0431, 10, AA, new IeList(ies))
                : new MgmtFrame.AssocRequest(MgmtHeader.of(MgmtSubtype.ASSOC_REQ, AA, addr, AA), 0x0431, 10, new IeList(ies));
        h.inject(new DriverEvent.RxMgmt(req.encode(), 0, 2412, -40));
        // an SA Query Request may go out before the response (association comeback)
        Bytes raw = null;
        for (int i = before; raw == null; i++) {
            if (MgmtFrame.decode(h.driver.mlme.get(i)) instanceof MgmtFrame.AssocResponse) {
                raw = h.driver.mlme.get(i);
            }
        }
        MgmtFrame.AssocResponse r = (MgmtFrame.AssocResponse) MgmtFrame.decode(raw);
        if (r.statusCode() == 0) {
            h.inject(new DriverEvent.TxStatus(0, r.header().subtype().value(), addr, raw, true));
        }
        return r;
    }

    /**
     * A station of {@link PmfConfigs}' BSS using {@code akm} (PSK or PSK-SHA256: Open System authentication) with RSN
     * capabilities {@code caps}: authenticated, associated and through the 4-way handshake with the AKM's descriptor
     * version and KDF, connected.
     */
    static TestStation joined(ApHarness h, String addr, Akm akm, int caps) throws Exception {
        TestStation sta = new TestStation(h, addr, PmfConfigs.SSID);
        sta.rsn = rsne(akm.suite(), caps, null, null);
        assertEquals(0, sta.authenticate());
        assertEquals(0, sta.associate(false).statusCode());
        sta.fourWay(PmfConfigs.psk(), akm.descriptorVersion(), akm.sha256Kdf(), Optional.empty());
        ApHarness.await(() -> h.events.contains("AP-STA-CONNECTED " + sta.addr), h.events::toString);
        return sta;
    }

    EapolKey nextEapol() throws Exception {
        ApHarness.await(() -> h.driver.eapol.stream().filter(e -> e.addr().equals(addr)).count() > eapolSeen, () -> "EAPOL to " + addr);
        Bytes pdu = h.driver.eapol.stream().filter(e -> e.addr().equals(addr)).toList().get(eapolSeen++).pdu();
        return EapolKey.fromPdu(pdu);
    }

    /**
     * The supplicant's half of the 4-way handshake under {@code pmk}: message 1 must have {@code version} and (for SAE)
     * the PMKID KDE {@code pmkid}; message 3's MIC is checked, its key data unwrapped and kept.
     */
    void fourWay(SecretKeyBytes pmk, int version, boolean sha256, Optional<Bytes> pmkid) throws Exception {
        EapolKey m1 = nextEapol();
        assertEquals(version, m1.keyInfo().descriptorVersion(), "message 1 descriptor version");
        assertEquals(pmkid, m1.keyData().isEmpty() ? Optional.empty() : KeyData.decode(m1.keyData()).pmkid(), "message 1 PMKID KDE");
        byte[] sn = new byte[32];
        RANDOM.nextBytes(sn);
        Bytes snonce = Bytes.of(sn);
        ptk = Ptk.derive(pmk, AA, addr, m1.nonce(), snonce, 16, sha256);
        List<InformationElement> ies = new ArrayList<>(List.of(rsn));
        rsnxe.ifPresent(ies::add);
        send(new EapolKey(EapolKey.DESCRIPTOR_RSN, KeyInfo.of(version, KeyInfo.PAIRWISE, KeyInfo.MIC), 16, m1.replayCounter(), snonce,
                EapolKey.ZERO_16, EapolKey.ZERO_8, EapolKey.ZERO_8, EapolKey.ZERO_16, new KeyData(ies).encode(false)));
        message3 = nextEapol();
        while (!message3.keyInfo().mic()) {
            // a copy of message 1 the AP resent while we were deriving the PTK
            message3 = nextEapol();
        }
        assertEquals(version, message3.keyInfo().descriptorVersion(), "message 3 descriptor version");
        assertTrue(EapolMic.verify(ptk.kck(), message3, AuthenticatorHandshake.EAPOL_VERSION), "message 3 MIC");
        message3Data = KeyData.decode(Bytes.of(AesKeyWrap.unwrap(ptk.kek(), message3.keyData().toArray())));
        send(new EapolKey(EapolKey.DESCRIPTOR_RSN, KeyInfo.of(version, KeyInfo.PAIRWISE, KeyInfo.MIC, KeyInfo.SECURE), 0, message3.replayCounter(),
                EapolKey.ZERO_NONCE, EapolKey.ZERO_16, EapolKey.ZERO_8, EapolKey.ZERO_8, EapolKey.ZERO_16, Bytes.EMPTY));
    }

    /** The group key handshake's reply to the next EAPOL-Key frame; returns that group message 1's unwrapped key data. */
    KeyData groupHandshake(int version) throws Exception {
        EapolKey g1 = nextEapol();
        assertTrue(EapolMic.verify(ptk.kck(), g1, AuthenticatorHandshake.EAPOL_VERSION), "group message 1 MIC");
        KeyData data = KeyData.decode(Bytes.of(AesKeyWrap.unwrap(ptk.kek(), g1.keyData().toArray())));
        send(new EapolKey(EapolKey.DESCRIPTOR_RSN, KeyInfo.of(version, KeyInfo.MIC, KeyInfo.SECURE), 0, g1.replayCounter(), EapolKey.ZERO_NONCE,
                EapolKey.ZERO_16, EapolKey.ZERO_8, EapolKey.ZERO_8, EapolKey.ZERO_16, Bytes.EMPTY));
        return data;
    }

    private void send(EapolKey k) throws Exception {
        Bytes pdu = EapolMic.sign(ptk.kck(), k, 1).toPdu(1);
        h.inject(new DriverEvent.EapolRx(addr, pdu));
    }

    /** A management frame from this station, Protected bit set when the air had it protected (the driver decrypted it). */
    void sendMgmt(MgmtSubtype subtype, boolean protect, Bytes body) throws Exception {
        h.inject(new DriverEvent.RxMgmt(frame(subtype, addr, protect, body), 0, 2412, -40));
    }
}
