package wpa4j.sim.medium;

/** Mutable counters of one radio, touched only on the air thread. */
final class Counters {
    long txFrames;
    long rxFrames;
    long rxData;
    long rxEapol;
    long rxDecryptFailed;
    long rxReplayed;
    long rxUnauthorized;
    long rxMalformed;
    long rxUnprotectedMgmt;
    long rxUnprotectedBeacons;
    long eventsDropped;
    long queuedOpsFailed;

    RadioCounters snapshot() {
        return new RadioCounters(txFrames, rxFrames, rxData, rxEapol, rxDecryptFailed, rxReplayed, rxUnauthorized, rxMalformed, eventsDropped,
                rxUnprotectedMgmt, rxUnprotectedBeacons, queuedOpsFailed);
    }
}
