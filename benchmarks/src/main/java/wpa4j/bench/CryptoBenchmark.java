package wpa4j.bench;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import wpa4j.common.codec.MalformedFrameException;
import wpa4j.common.crypto.Ccmp;
import wpa4j.common.crypto.Psk;
import wpa4j.common.crypto.Ptk;
import wpa4j.common.crypto.SecretKeyBytes;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.Ssid;

/**
 * The RSN crypto on the handshake and data paths: passphrase to PSK (PBKDF2, 4096 rounds, once per
 * configuration), PTK derivation (once per 4-way handshake), and CCMP on a 1500-octet MPDU (every frame).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CryptoBenchmark {
    private static final Ssid SSID = Ssid.ofUtf8("wpa4j-bench");
    private final byte[] passphrase = "benchmark passphrase".getBytes(StandardCharsets.UTF_8);
    private SecretKeyBytes pmk;
    private Ccmp ccmp;
    private byte[] mpdu;
    private byte[] protectedMpdu;
    private long pn;
    private final MacAddress aa = MacAddress.parse("02:00:00:00:00:00");
    private final MacAddress spa = MacAddress.parse("02:00:00:00:01:00");
    private final Bytes anonce = Bytes.of(new byte[32]);
    private final Bytes snonce = Bytes.of(new byte[32]);

    @Setup
    public void setUp() throws MalformedFrameException {
        pmk = Psk.fromPassphrase(passphrase, SSID);
        try (Ptk ptk = Ptk.derive(pmk, aa, spa, anonce, snonce, 16, false)) {
            ccmp = new Ccmp(ptk.tk());
        }
        // a QoS-less data frame header (24 octets, protected bit set) and a 1476-octet body
        mpdu = new byte[1500];
        mpdu[0] = 0x08;
        mpdu[1] = 0x41;
        protectedMpdu = ccmp.encrypt(mpdu, 1, 0);
    }

    @Benchmark
    public SecretKeyBytes passphraseToPsk() {
        return Psk.fromPassphrase(passphrase, SSID);
    }

    @Benchmark
    public Object ptkDerivation() {
        Ptk ptk = Ptk.derive(pmk, aa, spa, anonce, snonce, 16, false);
        ptk.destroy();
        return ptk;
    }

    @Benchmark
    public byte[] ccmpEncrypt1500() throws MalformedFrameException {
        return ccmp.encrypt(mpdu, ++pn, 0);
    }

    @Benchmark
    public Ccmp.Decrypted ccmpDecrypt1500() throws MalformedFrameException {
        return ccmp.decrypt(protectedMpdu);
    }
}
