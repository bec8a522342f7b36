package wpa4j.sim.medium;

import java.util.function.Predicate;
import java.util.function.Supplier;

import wpa4j.common.codec.MalformedFrameException;
import wpa4j.common.crypto.Bip;
import wpa4j.common.crypto.Ccmp;
import wpa4j.common.frame.MgmtSubtype;
import wpa4j.driver.event.DriverEvent;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.MacAddress;

/**
 * Management frame protection (802.11w) of one radio, the rules of mac80211: robust frames between MFP
 * peers are CCMP-protected with the pairwise key once it is installed, group-addressed ones carry a
 * BIP-CMAC-128 MMIE once an IGTK is; Beacons carry one of the BIGTK once an AP has a default beacon key,
 * and a station with a BIGTK checks the Beacons of its BSS (beacon protection). Runs on the air thread.
 */
final class MgmtProtection {
    private final KeyTable keys;
    private final Counters counters;
    private final Predicate<MacAddress> mfpPeer;
    private final Supplier<MacAddress> ourBss;

    /**
     * @param mfpPeer whether MFP is in use with a peer (the station's AP, or a station the AP marked MFP)
     * @param ourBss the BSS a station is associated with (null when none, or on an AP): only its Beacons are checked
     */
    MgmtProtection(KeyTable keys, Counters counters, Predicate<MacAddress> mfpPeer, Supplier<MacAddress> ourBss) {
        this.keys = keys;
        this.counters = counters;
        this.mfpPeer = mfpPeer;
        this.ourBss = ourBss;
    }

    /** A received management frame after the checks: delivered, reported as an unprotected leave, or dropped (counted). */
    sealed interface Verdict {
        /** Goes on up: decrypted frames keep their Protected bit (as mac80211 hands them to user space), an MMIE is removed. */
        record Accept(byte[] frame) implements Verdict {}

        /** An unprotected Deauthentication/Disassociation from an MFP peer: only reported. */
        record Unprotected(DriverEvent event) implements Verdict {}

        record Drop() implements Verdict {}
    }

    private static final Verdict DROP = new Verdict.Drop();

    /** The frame as it goes on the air: protected where 802.11w asks for it, else as given. */
    byte[] protect(byte[] frame) {
        if (!RobustFrames.isRobust(frame)) {
            return frame;
        }
        MacAddress da = RobustFrames.da(frame);
        if (da.isMulticast()) {
            KeyTable.BipKey igtk = keys.igtkTx();
            return igtk == null ? frame : Bip.protect(igtk.secret, igtk.idx, ++igtk.txIpn, Bytes.of(frame)).toArray();
        }
        KeyTable.Key ptk = keys.pairwise(da);
        if (ptk == null || !mfpPeer.test(da)) {
            return frame;
        }
        try {
            return ptk.ccmp.encrypt(frame, ++ptk.txPn, ptk.idx);
        } catch (MalformedFrameException e) {
            throw new IllegalStateException("own management frame did not encrypt", e);
        }
    }

    /** A Beacon as it goes on the air: with the MME of the default beacon key and the next BIPN once there is one, as mac80211. */
    byte[] protectBeacon(byte[] beacon) {
        KeyTable.BipKey bigtk = keys.bigtkTx();
        if (bigtk == null) {
            return beacon;
        }
        return Bip.protect(bigtk.secret, bigtk.idx, ++bigtk.txIpn, Bytes.of(beacon)).toArray();
    }

    Verdict receive(byte[] frame) {
        MacAddress ta = RobustFrames.sa(frame);
        if (RobustFrames.isProtected(frame)) {
            return decrypt(frame, ta);
        }
        if (RobustFrames.subtype(frame) == MgmtSubtype.BEACON) {
            return beacon(frame);
        }
        if (!RobustFrames.isRobust(frame) || !mfpPeer.test(ta)) {
            return new Verdict.Accept(frame);
        }
        if (RobustFrames.da(frame).isMulticast()) {
            // BIP frames have no Protected bit: the MMIE at the end tells them, as in mac80211
            return Bip.hasMmie(Bytes.of(frame)) ? verifyBip(frame) : refuse(frame);
        }
        // as mac80211: a peer may still leave in the clear until the pairwise key is in place, never send robust Actions
        return RobustFrames.isLeave(frame) && keys.pairwise(ta) == null ? new Verdict.Accept(frame) : refuse(frame);
    }

    private Verdict decrypt(byte[] frame, MacAddress ta) {
        KeyTable.Key ptk = keys.pairwise(ta);
        if (ptk == null || !mfpPeer.test(ta) || RobustFrames.da(frame).isMulticast()) {
            counters.rxDecryptFailed++;
            return DROP;
        }
        Ccmp.Decrypted d;
        try {
            d = ptk.ccmp.decrypt(frame);
        } catch (MalformedFrameException micFailure) {
            counters.rxDecryptFailed++;
            return DROP;
        }
        if (!RobustFrames.isRobust(d.mpdu())) {
            counters.rxDecryptFailed++;
            return DROP;
        }
        if (d.pn() <= ptk.rxMgmtPn) {
            counters.rxReplayed++;
            return DROP;
        }
        ptk.rxMgmtPn = d.pn();
        return new Verdict.Accept(d.mpdu());
    }

    private Verdict verifyBip(byte[] frame) {
        return verifyMme(frame, keys.igtk(Bip.keyId(Bytes.of(frame))));
    }

    /**
     * A Beacon. Once a BIGTK is installed, those of the BSS we are associated with must end in a valid MME of it
     * with a BIPN above the last one, else they are dropped before scan results and the MLME see them (counted, as
     * mac80211 reports them with NL80211_CMD_UNPROT_BEACON). Other Beacons only lose an MME they carry.
     */
    private Verdict beacon(byte[] frame) {
        Bytes f = Bytes.of(frame);
        MacAddress bss = ourBss.get();
        if (!keys.hasBigtk() || bss == null || !bss.equals(RobustFrames.bssid(frame))) {
            return new Verdict.Accept(Bip.stripMmie(f).toArray());
        }
        Verdict v = Bip.hasMmie(f) ? verifyMme(frame, keys.bigtk(Bip.keyId(f))) : DROP;
        if (v == DROP) {
            counters.rxUnprotectedBeacons++;
        }
        return v;
    }

    /** The MME of a group-addressed frame or Beacon against {@code key}: MIC, then replay; accepted without the MME. */
    private Verdict verifyMme(byte[] frame, KeyTable.BipKey key) {
        if (key == null) {
            counters.rxDecryptFailed++;
            return DROP;
        }
        try {
            long ipn = Bip.verify(key.secret, Bytes.of(frame));
            if (ipn <= key.rxIpn) {
                counters.rxReplayed++;
                return DROP;
            }
            key.rxIpn = ipn;
            return new Verdict.Accept(Bip.stripMmie(Bytes.of(frame)).toArray());
        } catch (MalformedFrameException micFailure) {
            counters.rxDecryptFailed++;
            return DROP;
        }
    }

    /** A robust frame that lacks the protection MFP requires: leaves are reported (mac80211's cfg80211_rx_unprot_mlme_mgmt). */
    private Verdict refuse(byte[] frame) {
        counters.rxUnprotectedMgmt++;
        if (!RobustFrames.isLeave(frame) || frame.length < RobustFrames.headerLength(frame) + 2) {
            return DROP;
        }
        int at = RobustFrames.headerLength(frame);
        int reason = (frame[at] & 0xff) | (frame[at + 1] & 0xff) << 8;
        MacAddress sa = RobustFrames.sa(frame);
        MacAddress da = RobustFrames.da(frame);
        return new Verdict.Unprotected(RobustFrames.subtype(frame) == MgmtSubtype.DEAUTH ? new DriverEvent.UnprotDeauth(sa, da, reason)
                : new DriverEvent.UnprotDisassoc(sa, da, reason));
    }
}
