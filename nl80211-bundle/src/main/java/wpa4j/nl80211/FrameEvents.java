package wpa4j.nl80211;

import wpa4j.common.codec.FrameReader;
import wpa4j.common.codec.MalformedFrameException;
import wpa4j.common.frame.MgmtHeader;
import wpa4j.common.frame.MgmtSubtype;
import wpa4j.driver.event.DriverEvent;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.MacAddress;
import wpa4j.nl80211.uapi.Uapi;

/**
 * The management frames nl80211 notifications carry, turned into driver events by their header and fixed
 * fields only, as driver_nl80211's mlme handlers read them. What follows the fixed fields is handed on raw:
 * an SAE body is no element list, and a frame mac80211 decrypted keeps its Protected bit (so it does not
 * decode as a plain frame), yet both must reach the core.
 */
final class FrameEvents {
    /** The management header without HT Control: FC, duration, DA, SA, BSSID, sequence control. */
    static final int HEADER = 24;
    /** Action category SA Query (802.11w): the station core's SA Query procedure reads the whole frame. */
    static final int CATEGORY_SA_QUERY = 8;

    private FrameEvents() {}

    /**
     * An Authentication frame (NL80211_CMD_AUTHENTICATE): algorithm, transaction, status, and the rest raw
     * (SAE commit/confirm fields, or Open System's elements).
     */
    static DriverEvent.Auth auth(Bytes frame) throws MalformedFrameException {
        MgmtHeader.Peek h = MgmtHeader.peek(frame);
        FrameReader r = body(frame);
        return new DriverEvent.Auth(h.sa(), h.bssid(), r.u16le("auth algorithm"), r.u16le("auth transaction"), r.u16le("status code"), r.rest());
    }

    /**
     * A Deauthentication or Disassociation frame (NL80211_CMD_DEAUTHENTICATE/DISASSOCIATE): ours when its SA is
     * {@code own} (locally generated, the peer is the DA), else the peer's. Null for another subtype.
     */
    static DriverEvent leave(Bytes frame, MacAddress own) throws MalformedFrameException {
        MgmtHeader.Peek h = MgmtHeader.peek(frame);
        FrameReader r = body(frame);
        int reason = r.u16le("reason code");
        boolean local = h.sa().equals(own);
        MacAddress peer = local ? h.da() : h.sa();
        return switch (h.subtype()) {
            case DEAUTH -> new DriverEvent.Deauth(peer, reason, r.rest(), local);
            case DISASSOC -> new DriverEvent.Disassoc(peer, reason, r.rest(), local);
            default -> null;
        };
    }

    /**
     * NL80211_CMD_UNPROT_DEAUTHENTICATE / UNPROT_DISASSOCIATE: an unprotected Deauthentication/Disassociation
     * the kernel dropped because management frame protection is in use with its sender.
     */
    static DriverEvent unprotectedLeave(int cmd, Bytes frame) throws MalformedFrameException {
        MgmtHeader.Peek h = MgmtHeader.peek(frame);
        int reason = body(frame).u16le("reason code");
        return cmd == Uapi.NL80211_CMD_UNPROT_DEAUTHENTICATE ? new DriverEvent.UnprotDeauth(h.sa(), h.da(), reason)
                : new DriverEvent.UnprotDisassoc(h.sa(), h.da(), reason);
    }

    /**
     * A registered management frame (NL80211_CMD_FRAME), as driver_nl80211 reports it: everything to the AP's
     * MLME in AP mode; for a station Probe Requests and Action frames as their own events, except SA Query,
     * which goes whole (RX_MGMT) to the station core.
     */
    static DriverEvent received(Bytes f, int freq, int dbm, boolean apMode) throws MalformedFrameException {
        if (!apMode && f.length() >= HEADER) {
            MgmtHeader.Peek h = MgmtHeader.peek(f);
            if (h.subtype() == MgmtSubtype.PROBE_REQ) {
                return new DriverEvent.RxProbeReq(h.sa(), h.da(), h.bssid(), f.slice(HEADER, f.length() - HEADER), dbm);
            }
            if (h.subtype() == MgmtSubtype.ACTION && f.length() > HEADER && f.u8(HEADER) != CATEGORY_SA_QUERY) {
                return new DriverEvent.RxAction(h.da(), h.sa(), h.bssid(), f.u8(HEADER), f.slice(HEADER + 1, f.length() - HEADER - 1), freq);
            }
        }
        return new DriverEvent.RxMgmt(f, 0, freq, dbm);
    }

    private static FrameReader body(Bytes frame) throws MalformedFrameException {
        FrameReader r = FrameReader.of(frame);
        r.skip(HEADER, "management header");
        return r;
    }
}
