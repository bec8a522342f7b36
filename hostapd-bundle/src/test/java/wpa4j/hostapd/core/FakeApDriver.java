package wpa4j.hostapd.core;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import wpa4j.driver.Capabilities;
import wpa4j.driver.DriverException;
import wpa4j.driver.DriverInterface;
import wpa4j.driver.types.ApParams;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.FreqParams;
import wpa4j.driver.types.KeyParams;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.StaAddParams;
import wpa4j.driver.types.StaFlag;

/** A driver that records what the AP core asks of it; events are injected by the test. Thread-safe for reading from the test. */
public final class FakeApDriver implements DriverInterface {
    public static final MacAddress AP = MacAddress.parse("02:00:00:00:00:00");

    /** One sta_set_flags call. */
    public record Flags(MacAddress addr, Set<StaFlag> total, Set<StaFlag> or, Set<StaFlag> and) {}

    /** One hapd_send_eapol call. */
    public record Eapol(MacAddress addr, Bytes pdu, Set<StaFlag> flags) {}

    public final List<Bytes> mlme = new CopyOnWriteArrayList<>();
    /** Every send_mlme call, also those not recorded in {@link #mlme} while {@link #recordMlme} is off (a flood). */
    public final AtomicLong mlmeSent = new AtomicLong();
    public volatile boolean recordMlme = true;
    /** The stations sta_deauth was called for. */
    public final List<MacAddress> deauths = new CopyOnWriteArrayList<>();
    public final List<KeyParams> keys = new CopyOnWriteArrayList<>();
    public final List<StaAddParams> added = new CopyOnWriteArrayList<>();
    /** The entries sta_remove took out of {@link #table} (not the calls for stations it did not have). */
    public final List<MacAddress> removed = new CopyOnWriteArrayList<>();
    /** The kernel's station table: sta_add refuses a station it has (EEXIST), sta_remove one it has not (ENOENT). */
    public final Set<MacAddress> table = ConcurrentHashMap.newKeySet();
    public final List<Flags> flags = new CopyOnWriteArrayList<>();
    public final List<Eapol> eapol = new CopyOnWriteArrayList<>();
    public final List<ApParams> beacons = new CopyOnWriteArrayList<>();
    /** What get_seqnum answers per key index (8 octets, little-endian). */
    public final Map<Integer, Bytes> seqnums = new ConcurrentHashMap<>();
    /** What get_capa answers: no flags unless a test gives some (before the core attaches). */
    public volatile Capabilities capa = Capabilities.none();

    @Override public String driverName() { return "fake"; }
    @Override public String getIfname() { return "fake0"; }
    @Override public MacAddress getMacAddr() { return AP; }
    @Override public Capabilities getCapa() { return capa; }
    @Override public void close() {}

    @Override public void setFreq(FreqParams freq) {}
    @Override public void setAp(ApParams params) { beacons.add(params); }
    @Override public void deinitAp() { table.clear(); }
    @Override public void flush() { table.clear(); }
    @Override public void setKey(KeyParams params) { keys.add(params); }
    @Override public Bytes getSeqnum(String ifname, MacAddress addr, int idx) { return seqnums.getOrDefault(idx, Bytes.of(new byte[8])); }
    @Override public void sendMlme(Bytes frame, boolean noAck) {
        mlmeSent.incrementAndGet();
        if (recordMlme) {
            mlme.add(frame);
        }
    }
    /** Thrown by the next sta_add calls while set (the kernel refusing the entry). */
    public volatile DriverException staAddFails;

    @Override public void staAdd(StaAddParams params) throws DriverException {
        if (staAddFails != null) {
            throw staAddFails;
        }
        if (!table.add(params.addr())) {
            throw new DriverException("sta_add", "NL80211_CMD_NEW_STATION: File exists", 17, null);
        }
        added.add(params);
    }
    @Override public void staRemove(MacAddress addr) throws DriverException {
        if (!table.remove(addr)) {
            throw new DriverException("sta_remove", "NL80211_CMD_DEL_STATION: No such file or directory", 2, null);
        }
        removed.add(addr);
    }
    @Override public void staDeauth(MacAddress ownAddr, MacAddress addr, int reason) { deauths.add(addr); }
    @Override public void staDisassoc(MacAddress ownAddr, MacAddress addr, int reason) {}
    @Override public void staSetFlags(MacAddress addr, Set<StaFlag> total, Set<StaFlag> flagsOr, Set<StaFlag> flagsAnd) {
        flags.add(new Flags(addr, total, flagsOr, flagsAnd));
    }
    @Override public void hapdSendEapol(MacAddress addr, Bytes data, boolean encrypt, MacAddress ownAddr, Set<StaFlag> f) {
        eapol.add(new Eapol(addr, data, f));
    }
    @Override public int getInactSec(MacAddress addr) { return 0; }
}
