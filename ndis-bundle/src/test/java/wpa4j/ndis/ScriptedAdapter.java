package wpa4j.ndis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import wpa4j.ndis.oid.Oid;
import wpa4j.ndis.transport.NdisException;
import wpa4j.ndis.transport.NdisTransport;

/**
 * A SCRIPTED IN-MEMORY ADAPTER, not a driver: it answers OID queries from buffers the test gives it, keeps
 * what is set (so a set OID reads back, optionally mapped as a driver would answer), and records every
 * call in order. It stands in for NDISUIO on machines without Windows.
 */
final class ScriptedAdapter implements NdisTransport {
    /** One recorded call. */
    record Call(String kind, int oid, byte[] data) {
        @Override
        public String toString() {
            return kind + " " + Oid.name(oid) + (data == null ? "" : " " + HexFormat.of().formatHex(data));
        }
    }

    final List<Call> calls = new ArrayList<>();
    final Map<Integer, byte[]> values = new HashMap<>();
    final Map<Integer, Integer> failures = new HashMap<>();
    /** Read-back of a set value: what the driver answers after the test's set (e.g. "key absent" for an enabled cipher). */
    final Map<String, byte[]> readBack = new HashMap<>();
    int minBssidListBuffer;
    boolean closed;

    ScriptedAdapter answer(int oid, byte[] value) {
        values.put(oid, value);
        return this;
    }

    ScriptedAdapter fail(int oid, int error) {
        failures.put(oid, error);
        return this;
    }

    @Override
    public List<Adapter> adapters() {
        return List.of(new Adapter("\\DEVICE\\{TEST-GUID}", "Scripted 802.11 adapter"));
    }

    @Override
    public void open(String deviceName) {
        calls.add(new Call("open", 0, deviceName.getBytes()));
    }

    @Override
    public byte[] query(int oid, int maxLength) throws NdisException {
        calls.add(new Call("query", oid, null));
        if (failures.containsKey(oid)) {
            throw new NdisException(oid, failures.get(oid), "scripted failure");
        }
        if (oid == Oid.OID_802_11_BSSID_LIST && maxLength < minBssidListBuffer) {
            throw new NdisException(oid, 122, "buffer too small");
        }
        byte[] v = values.get(oid);
        if (v == null) {
            throw new NdisException(oid, 50, "not supported");
        }
        return v.clone();
    }

    @Override
    public void set(int oid, byte[] value) throws NdisException {
        calls.add(new Call("set", oid, value.clone()));
        if (failures.containsKey(oid)) {
            throw new NdisException(oid, failures.get(oid), "scripted failure");
        }
        values.put(oid, readBack.getOrDefault(oid + ":" + HexFormat.of().formatHex(value), value.clone()));
    }

    /** The OIDs set, in order. */
    List<String> setSequence() {
        return calls.stream().filter(c -> c.kind().equals("set")).map(c -> Oid.name(c.oid())).toList();
    }

    @Override
    public void close() {
        closed = true;
    }
}
