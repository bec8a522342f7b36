package wpa4j.sim.medium;

/**
 * What a radio counted; a snapshot.
 *
 * @param txFrames frames transmitted (first attempts)
 * @param rxFrames frames received and addressed to this radio
 * @param rxData data frames delivered to data listeners
 * @param rxEapol EAPOL frames handed to the driver
 * @param rxDecryptFailed protected frames dropped: no key, CCMP or BIP MIC mismatch
 * @param rxReplayed protected frames dropped: packet number (or BIP IPN) not above the last one
 * @param rxUnauthorized data frames dropped because the port is not authorized
 * @param rxMalformed frames dropped because they did not decode
 * @param eventsDropped driver events dropped while no driver was attached and the buffer was full
 * @param rxUnprotectedMgmt robust management frames dropped because MFP is in use and they came unprotected
 * @param rxUnprotectedBeacons Beacons of the station's BSS dropped by beacon protection (a BIGTK is installed and they
 *     have no MME, or one of an unknown key, a wrong MIC or a replayed BIPN; the last three also count as
 *     {@code rxDecryptFailed} or {@code rxReplayed}), what mac80211 reports as NL80211_CMD_UNPROT_BEACON. Since 1.2.
 * @param queuedOpsFailed ops queued on the air (frames sent, stations added or changed, keys set) that the radio's
 *     state refused when they came up, e.g. sta_set_flags for a station already removed. Since 1.5.
 */
public record RadioCounters(long txFrames, long rxFrames, long rxData, long rxEapol, long rxDecryptFailed, long rxReplayed,
        long rxUnauthorized, long rxMalformed, long eventsDropped, long rxUnprotectedMgmt, long rxUnprotectedBeacons, long queuedOpsFailed) {

    /** The counters of 1.2 to 1.4, before ops were queued: none failed on the air. */
    public RadioCounters(long txFrames, long rxFrames, long rxData, long rxEapol, long rxDecryptFailed, long rxReplayed, long rxUnauthorized,
            long rxMalformed, long eventsDropped, long rxUnprotectedMgmt, long rxUnprotectedBeacons) {
        this(txFrames, rxFrames, rxData, rxEapol, rxDecryptFailed, rxReplayed, rxUnauthorized, rxMalformed, eventsDropped, rxUnprotectedMgmt,
                rxUnprotectedBeacons, 0);
    }

    /** The counters of 1.1, before beacon protection: no Beacon dropped. */
    public RadioCounters(long txFrames, long rxFrames, long rxData, long rxEapol, long rxDecryptFailed, long rxReplayed, long rxUnauthorized,
            long rxMalformed, long eventsDropped, long rxUnprotectedMgmt) {
        this(txFrames, rxFrames, rxData, rxEapol, rxDecryptFailed, rxReplayed, rxUnauthorized, rxMalformed, eventsDropped, rxUnprotectedMgmt, 0);
    }

    /** The counters of 1.0, before management frame protection: none dropped unprotected. */
    public RadioCounters(long txFrames, long rxFrames, long rxData, long rxEapol, long rxDecryptFailed, long rxReplayed, long rxUnauthorized,
            long rxMalformed, long eventsDropped) {
        this(txFrames, rxFrames, rxData, rxEapol, rxDecryptFailed, rxReplayed, rxUnauthorized, rxMalformed, eventsDropped, 0);
    }
}
