package wpa4j.mqtt.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** A test CA and a server certificate for localhost/127.0.0.1 signed by it, made with the openssl command. */
public final class Certificates {
    private Certificates() {}

    /** ca.crt/ca.key and server.crt/server.key in {@code dir}; {@code other-ca.crt} is a CA that signed nothing. */
    public static void make(Path dir) throws Exception {
        String d = dir.toString();
        ca(d, "ca", "wpa4j test CA");
        ca(d, "other-ca", "somebody else's CA");
        Files.writeString(dir.resolve("san.ext"), "subjectAltName=DNS:localhost,IP:127.0.0.1\n");
        Mosquitto.exec("openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", d + "/server.key", "-out", d + "/server.csr", "-subj", "/CN=localhost");
        Mosquitto.exec("openssl", "x509", "-req", "-in", d + "/server.csr", "-CA", d + "/ca.crt", "-CAkey", d + "/ca.key", "-CAcreateserial", "-out",
                d + "/server.crt", "-days", "2", "-extfile", d + "/san.ext");
    }

    private static void ca(String d, String name, String cn) throws Exception {
        Mosquitto.exec("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", d + "/" + name + ".key", "-out", d + "/" + name + ".crt",
                "-days", "2", "-subj", "/CN=" + cn);
    }
}
