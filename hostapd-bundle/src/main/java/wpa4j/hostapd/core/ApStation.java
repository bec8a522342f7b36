package wpa4j.hostapd.core;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import wpa4j.common.crypto.SecretKeyBytes;
import wpa4j.runtime.eloop.EventLoop;
import wpa4j.common.frame.MgmtFrame;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.StaFlag;

/** One station as the AP knows it (hostapd's sta_info). Used on the event loop only. */
final class ApStation {
    final MacAddress addr;
    /** Authenticated (Open System done, or SAE accepted); false while an SAE exchange runs. */
    boolean authenticated;
    int aid;
    boolean associated;
    boolean authorized;
    /** Whether the driver's station table has it (sta_add done). */
    boolean added;
    /** The algorithm of its last successful authentication: 0 Open System, 3 SAE. */
    int authAlg = MgmtFrame.Authentication.ALG_OPEN;
    /** The AKM of its current association, null while it has none (or the BSS is open). */
    Akm akm;
    /** Whether its current association uses PMF. */
    boolean mfp;
    /**
     * Whether its pairwise key is in the driver (4-way message 4 done). Only from then on can it protect management
     * frames: before, an unprotected Deauthentication from it is its own (mac80211 accepts it too).
     */
    boolean ptkInstalled;
    /** Its RSN element body and RSN Extension element body from the association request, compared with message 2's. */
    Bytes rsnBody = Bytes.EMPTY;
    Optional<Bytes> rsnxeBody = Optional.empty();
    AuthenticatorHandshake keys;
    /** Where the replay counter of its last handshake ended; the next one continues above it. */
    long replayCounter;
    int attempts;
    /** The key message last sent, and how often it went again because the driver reported it unacknowledged. */
    Bytes lastSent;
    int unackedResends;
    EventLoop.Timer timer;
    /** A group rekey came while its PTK rekey ran: its group key handshake follows message 4. */
    boolean groupRekeyDue;
    /** The next PTK rekey (wpa_ptk_rekey), while one is scheduled. */
    EventLoop.Timer ptkRekeyTimer;
    /** A key message due while no driver was bound (a backend update): sent, uncounted, once one is. */
    boolean awaitingDriver;
    /** The association SA Query procedure, made when first needed. */
    SaQueryProcedure saQuery;
    /** PMK and PMKID of its last SAE authentication (or of the PMKSA it reconnected with); owned here. */
    SecretKeyBytes pmk;
    Bytes pmkid;
    /** The SAE group and whether hash-to-element was used, 0/false without SAE. */
    int saeGroup;
    boolean saeH2e;
    /** The Sequence Control and subtype of its last Authentication, (Re)Association Request or Action frame (-1: none). */
    int lastSeqCtrl = -1;
    int lastSubtype = -1;

    ApStation(MacAddress addr) {
        this.addr = addr;
    }

    /** Whether its association is protected: an unprotected Deauthentication or a new association cannot end it unchecked. */
    boolean protectedLink() {
        return associated && mfp && authorized;
    }

    /** hostapd's flags as ALL_STA prints them (ap_sta_flags_txt order). */
    String flags() {
        return (authenticated ? "[AUTH]" : "") + (associated ? "[ASSOC]" : "") + (authorized ? "[AUTHORIZED]" : "") + (mfp && associated ? "[MFP]" : "");
    }

    /** hostapd's station flags as the driver knows them (hostapd_sta_flags_to_drv). */
    Set<StaFlag> driverFlags() {
        EnumSet<StaFlag> f = EnumSet.noneOf(StaFlag.class);
        if (authorized) {
            f.add(StaFlag.AUTHORIZED);
        }
        if (mfp) {
            f.add(StaFlag.MFP);
        }
        return f;
    }

    /** The PMK of an SAE authentication or reconnection, replacing (and zeroing) an earlier one. */
    void setPmk(SecretKeyBytes newPmk, Bytes newPmkid) {
        dropPmk();
        pmk = newPmk;
        pmkid = newPmkid;
    }

    void dropPmk() {
        if (pmk != null) {
            pmk.destroy();
            pmk = null;
            pmkid = null;
        }
    }

    void cancelTimers() {
        awaitingDriver = false;
        if (timer != null) {
            timer.cancel();
        }
        if (saQuery != null) {
            saQuery.stop();
        }
        cancelPtkRekey();
    }

    void cancelPtkRekey() {
        if (ptkRekeyTimer != null) {
            ptkRekeyTimer.cancel();
            ptkRekeyTimer = null;
        }
    }

    /** Ends the key handshake (and zeroes its PTK), keeping where its replay counter got to. */
    void closeKeys() {
        if (keys != null) {
            replayCounter = keys.replayCounter();
            keys.close();
            keys = null;
        }
    }

    /** Forgets keys and timers when the station goes. */
    void release() {
        cancelTimers();
        closeKeys();
        dropPmk();
    }
}
