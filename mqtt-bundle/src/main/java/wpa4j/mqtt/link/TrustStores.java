package wpa4j.mqtt.link;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS socket factory for an {@code ssl://} broker: trusting the CA certificates of a PEM file (as mosquitto's
 * {@code cafile}) or of a PKCS#12/JKS trust store; without one, the JVM's default trust.
 */
public final class TrustStores {
    private TrustStores() {}

    public static SSLSocketFactory socketFactory(Path trustStore, char[] password) {
        try {
            KeyStore ks = isPem(trustStore) ? fromPem(trustStore) : KeyStore.getInstance(trustStore.toFile(), password);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, tmf.getTrustManagers(), null);
            return tls.getSocketFactory();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("trustStore: " + trustStore + " cannot be read as PEM certificates or a PKCS#12/JKS store ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
    }

    private static boolean isPem(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            return new String(in.readNBytes(64), StandardCharsets.US_ASCII).contains("-----BEGIN");
        }
    }

    private static KeyStore fromPem(Path p) throws IOException, GeneralSecurityException {
        Collection<? extends Certificate> certs;
        try (InputStream in = Files.newInputStream(p)) {
            certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
        }
        if (certs.isEmpty()) {
            throw new GeneralSecurityException("no certificate in it");
        }
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        ks.load(null, null);
        int i = 0;
        for (Certificate c : certs) {
            ks.setCertificateEntry("ca-" + i++, c);
        }
        return ks;
    }
}
