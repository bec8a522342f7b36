package wpa4j.itest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * wpa4j's Karaf features in Apache Karaf 4.4, the distribution from Maven Central unpacked by the test: the features
 * file the build writes (distribution/target/karaf/features.xml) is added to Karaf's feature repositories and wpa4j
 * (every backend), MQTT and web features are installed at boot; the sim demo (an AP and a station, configured in Karaf's etc/) connects
 * and the status page shows it. The wpa4j bundles come from a Maven repository layout the test makes of this build's
 * jars, the others from the local Maven repository. Time limits only guard against hangs.
 */
class KarafFeatureIT {
    /** This build's Maven version, e.g. 1.0.0-SNAPSHOT: the wpa4j jars' file names end with it. */
    private static final String VERSION = System.getProperty("wpa4j.version");
    /** Karaf's own boot features without the remote ones (ssh, management: ports the test does not need). */
    private static final Pattern NETWORKED = Pattern.compile("\\s*(ssh|management)/[^,]*,");

    @TempDir
    Path work;

    @Test
    void theFeaturesInstallIntoKarafAndTheDemoConnects() throws Exception {
        Path karaf = unpack();
        Path repo = stageWpa4jRepository();
        int port = freePort();
        Path etc = karaf.resolve("etc");
        String features = Files.readString(etc.resolve("org.apache.karaf.features.cfg"));
        features = NETWORKED.matcher(features).replaceAll("");
        features = features.replace("featuresRepositories = \\", "featuresRepositories = \\\n    " + Path.of(System.getProperty("karaf.features")).toUri() + ", \\");
        features = features.replace("featuresBoot = \\", "featuresBoot = \\\n    wpa4j, \\\n    wpa4j-mqtt, \\\n    wpa4j-web, \\");
        Files.writeString(etc.resolve("org.apache.karaf.features.cfg"), features);
        // offline: Karaf's own system/ repository, the staged wpa4j one, and the local Maven repository for the rest
        Files.writeString(etc.resolve("org.ops4j.pax.url.mvn.cfg"), "org.ops4j.pax.url.mvn.offline=true\norg.ops4j.pax.url.mvn.useFallbackRepositories=false\n"
                + "org.ops4j.pax.url.mvn.localRepository=" + System.getProperty("maven.repo.local") + "\norg.ops4j.pax.url.mvn.repositories=\n"
                + "org.ops4j.pax.url.mvn.defaultRepositories=${karaf.home.uri}system@id=system.repository@snapshots, " + repo.toUri()
                + "@id=wpa4j@snapshots\n");
        Path secrets = Files.createDirectories(work.resolve("secrets"));
        Files.writeString(secrets.resolve("demo.passphrase"), "wpa4j-karaf-demo\n");
        Path run = Files.createDirectories(work.resolve("run"));
        Files.writeString(etc.resolve("wpa4j.hostapd-demo.cfg"), "ifname=sim0\nssid=wpa4j-karaf\nchannel=1\npassphraseFile=" + secrets.resolve("demo.passphrase")
                + "\nctrlInterface=" + run.resolve("hostapd") + "\n");
        Files.writeString(etc.resolve("wpa4j.supplicant-demo.cfg"), "ifname=sim1\nssid=wpa4j-karaf\nkeyMgmt=WPA-PSK\npassphraseFile="
                + secrets.resolve("demo.passphrase") + "\nscanFreq=2412\nctrlInterface=" + run.resolve("wpa_supplicant") + "\n");
        Files.writeString(etc.resolve("org.apache.felix.http.cfg"), "org.osgi.service.http.port=" + port + "\norg.apache.felix.http.host=127.0.0.1\n");

        Path out = work.resolve("karaf.out");
        ProcessBuilder pb = new ProcessBuilder(karaf.resolve("bin/karaf").toString(), "server").directory(karaf.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        try {
            Path log = karaf.resolve("data/log/karaf.log");
            awaitIn(p, List.of(out, log), "sim1: State: 4WAY_HANDSHAKE -> COMPLETED");
            awaitIn(p, List.of(out, log), "sim0: AP-STA-CONNECTED 02:00:00:00:01:00");
            // every backend feature installed: the Linux ones and NDIS report what they found
            awaitIn(p, List.of(out, log), "[wpa4j] backend nl80211");
            awaitIn(p, List.of(out, log), "[wpa4j] backend wext");
            awaitIn(p, List.of(out, log), "[wpa4j] backend ndis");
            String status = awaitStatus("http://127.0.0.1:" + port + "/wpa4j/api/status");
            assertTrue(status.contains("\"ssid\":\"wpa4j-karaf\""), status);
            String all = Files.readString(out) + (Files.exists(log) ? Files.readString(log) : "");
            assertTrue(!all.contains("wpa4j-karaf-demo"), "no passphrase in Karaf's output or log");
            Matcher installed = Pattern.compile("Installing bundles:[\\s\\S]*?mvn:wpa4j/sim-bundle/").matcher(all);
            System.out.println("karaf: wpa4j (every backend), wpa4j-mqtt and wpa4j-web installed into Apache Karaf 4.4.10; the sim demo connected"
                    + (installed.find() ? "" : " (the install lines are not in the log)"));
        } finally {
            stop(p);
        }
    }

    /**
     * SIGTERM to bin/karaf and the JVM it started (the script does not exec it), then waits for both: a JVM left
     * running would go on writing into the directory JUnit deletes, and into the next tests' time.
     */
    private static void stop(Process p) throws Exception {
        List<ProcessHandle> all = new java.util.ArrayList<>(p.descendants().toList());
        all.add(p.toHandle());
        all.forEach(ProcessHandle::destroy);
        for (ProcessHandle h : all) {
            try {
                h.onExit().get(60, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                h.destroyForcibly();
                h.onExit().get(10, TimeUnit.SECONDS);
            }
        }
    }

    private Path unpack() throws Exception {
        Path tar = Path.of(System.getProperty("karaf.tar"));
        assertTrue(Files.isRegularFile(tar), "the Karaf distribution, a test dependency: " + tar);
        Process p = new ProcessBuilder("tar", "xzf", tar.toString(), "-C", work.toString()).redirectErrorStream(true).start();
        String msg = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0, "tar: " + msg);
        try (var dirs = Files.list(work)) {
            return dirs.filter(d -> d.getFileName().toString().startsWith("apache-karaf-")).findFirst().orElseThrow();
        }
    }

    /** This build's wpa4j jars in a Maven repository layout, so the features' mvn:wpa4j/... URLs find them. */
    private Path stageWpa4jRepository() throws IOException {
        Path repo = work.resolve("m2");
        for (String key : System.getProperties().stringPropertyNames()) {
            if (!key.startsWith("bundle.")) {
                continue;
            }
            Path jar = Path.of(System.getProperty(key));
            String name = jar.getFileName().toString(); // <artifactId>-<version>.jar, from the reactor
            String artifact = name.substring(0, name.indexOf("-" + VERSION));
            Path dir = Files.createDirectories(repo.resolve("wpa4j").resolve(artifact).resolve(VERSION));
            Files.copy(jar, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
        return repo;
    }

    private static void awaitIn(Process p, List<Path> files, String text) throws Exception {
        long deadline = System.currentTimeMillis() + 180_000;
        while (true) {
            StringBuilder seen = new StringBuilder();
            for (Path f : files) {
                if (Files.exists(f)) {
                    seen.append(Files.readString(f));
                }
            }
            if (seen.indexOf(text) >= 0) {
                return;
            }
            if (!p.isAlive() || System.currentTimeMillis() > deadline) {
                throw new AssertionError("no '" + text + "' from Karaf (alive=" + p.isAlive() + "):\n" + tail(seen.toString()));
            }
            Thread.sleep(200);
        }
    }

    private static String tail(String s) {
        return s.length() > 8000 ? s.substring(s.length() - 8000) : s;
    }

    private static String awaitStatus(String url) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.currentTimeMillis() + 60_000;
        while (true) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("\"state\":\"COMPLETED\"")) {
                    return r.body();
                }
            } catch (IOException notYet) {
                // Jetty still starting
            }
            assertTrue(System.currentTimeMillis() < deadline, "the status page in Karaf shows the station COMPLETED");
            Thread.sleep(200);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
