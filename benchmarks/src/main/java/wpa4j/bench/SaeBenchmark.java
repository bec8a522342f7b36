package wpa4j.bench;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import wpa4j.common.sae.SaeAccessPoint;
import wpa4j.common.sae.SaeAction;
import wpa4j.common.sae.SaeGroup;
import wpa4j.common.sae.SaePassword;
import wpa4j.common.sae.SaePt;
import wpa4j.common.sae.SaePwe;
import wpa4j.common.sae.SaeSettings;
import wpa4j.common.sae.SaeStation;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.Ssid;

/**
 * One SAE exchange per side, per group and PWE method: everything a side computes for one authentication, from
 * the password element (hunting-and-pecking with its fixed 40 rounds; with hash-to-element one multiplication of the
 * cached PT) through its Commit, the shared secret and keys, its Confirm, to checking the peer's Confirm. Each side
 * answers frames its peer recorded in {@link #setUp()} (the recorded Confirm is not the one for this run, so it
 * fails to verify, after exactly the same work). {@link #ptDerivation()} is what hash-to-element costs once per
 * password and group.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SaeBenchmark {
    private static final Ssid SSID = Ssid.ofUtf8("wpa4j-bench");
    private static final byte[] PASSWORD = "benchmark sae password".getBytes(StandardCharsets.UTF_8);
    private static final MacAddress BSSID = MacAddress.parse("02:00:00:00:00:00");
    private static final MacAddress STA = MacAddress.parse("02:00:00:00:01:00");

    @Param({"19", "20", "21"})
    public int group;

    @Param({"LOOPING", "HASH_TO_ELEMENT"})
    public SaePwe pwe;

    private final SecureRandom random = new SecureRandom();
    private SaeGroup saeGroup;
    private SaePassword password;
    private SaeSettings settings;
    private SaeAction.Send apCommit;
    private SaeAction.Send apConfirm;
    private SaeAction.Send staCommit;
    private SaeAction.Send staConfirm;
    private SaeAccessPoint ap;

    @Setup
    public void setUp() {
        saeGroup = SaeGroup.byId(group).orElseThrow();
        password = SaePassword.of(PASSWORD, SSID);
        settings = SaeSettings.DEFAULT.withGroups(saeGroup).withPwe(pwe).withAntiCloggingThreshold(Integer.MAX_VALUE);
        password.pt(saeGroup); // derived once per configuration
        // record one exchange
        SaeStation station = new SaeStation(password, STA, BSSID, h2e(), settings, random);
        SaeAccessPoint recorder = new SaeAccessPoint(password, BSSID, settings, random);
        staCommit = send(station.start(), 1);
        List<SaeAction> apOut = recorder.receive(STA, staCommit.transaction(), staCommit.status(), staCommit.body());
        apCommit = send(apOut, 1);
        apConfirm = send(apOut, 2);
        staConfirm = send(station.receive(apCommit.transaction(), apCommit.status(), apCommit.body()), 2);
        ap = new SaeAccessPoint(password, BSSID, settings, random);
    }

    private boolean h2e() {
        return pwe == SaePwe.HASH_TO_ELEMENT;
    }

    private static SaeAction.Send send(List<SaeAction> actions, int transaction) {
        return actions.stream().filter(a -> a instanceof SaeAction.Send s && s.transaction() == transaction)
                .map(SaeAction.Send.class::cast).findFirst().orElseThrow();
    }

    /** The station: PWE, commit, the AP's commit (keys, confirm), the AP's confirm. */
    @Benchmark
    public List<SaeAction> stationSide() {
        SaeStation station = new SaeStation(password, STA, BSSID, h2e(), settings, random);
        station.start();
        station.receive(apCommit.transaction(), apCommit.status(), apCommit.body());
        return station.receive(apConfirm.transaction(), apConfirm.status(), apConfirm.body());
    }

    /** The AP: the station's commit (PWE, own commit, keys, confirm), the station's confirm. */
    @Benchmark
    public List<SaeAction> apSide() {
        ap.receive(STA, staCommit.transaction(), staCommit.status(), staCommit.body());
        List<SaeAction> out = ap.receive(STA, staConfirm.transaction(), staConfirm.status(), staConfirm.body());
        ap.remove(STA);
        return out;
    }

    /** Hash-to-element's PT (once per password, SSID and group; the same for both pwe values). */
    @Benchmark
    public SaePt ptDerivation() {
        SaePt pt = SaePt.derive(saeGroup, SSID, PASSWORD, Bytes.EMPTY);
        pt.destroy();
        return pt;
    }
}
