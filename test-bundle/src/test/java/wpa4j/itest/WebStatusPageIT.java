package wpa4j.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway's status page, served by the shipped gateway jar (Felix HTTP on Jetty) while the sim demo runs, loaded
 * by Debian's headless Chromium: the station shows COMPLETED, the AP its station. Actions need the configured
 * operator's credentials and the page's header. Time limits only guard against hangs.
 */
class WebStatusPageIT {
    private static final String CHROMIUM = "/usr/bin/chromium";

    @TempDir
    Path work;

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private FleetGateway gateway(int port) throws Exception {
        FleetGateway gw = FleetGateway.start(work.resolve("gw"), "web",
                List.of(), List.of(List.of("org.apache.felix.http.cfg", "org.osgi.service.http.port=" + port, "org.apache.felix.http.host=127.0.0.1"),
                        List.of("wpa4j.web.cfg", "username=operator", "passwordFile=secrets/web.password")),
                java.util.Map.of("web.password", "page password"));
        return gw;
    }

    /** The page after its script ran, as Chromium's DOM; the screenshot beside it in target/. */
    private static String render(String url, Path screenshot) throws Exception {
        Path profile = Files.createTempDirectory("chromium");
        List<String> flags = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
                "--virtual-time-budget=5000", "--window-size=1280,900");
        Process shot = new ProcessBuilder(concat(flags, "--screenshot=" + screenshot, url)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(shot.waitFor(60, TimeUnit.SECONDS), "chromium --screenshot finished");
        Process dom = new ProcessBuilder(concat(flags, "--dump-dom", url)).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String html = new String(dom.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(dom.waitFor(60, TimeUnit.SECONDS), "chromium --dump-dom finished");
        return html;
    }

    private static List<String> concat(List<String> flags, String... more) {
        List<String> cmd = new java.util.ArrayList<>(List.of(CHROMIUM));
        cmd.addAll(flags);
        cmd.addAll(List.of(more));
        return cmd;
    }

    private static String section(String html, String ifname) {
        Matcher m = Pattern.compile("<section data-ifname=\"" + ifname + "\">(.*?)</section>", Pattern.DOTALL).matcher(html);
        assertTrue(m.find(), "a section for " + ifname + " in\n" + html);
        return m.group(1);
    }

    @Test
    void headlessChromiumSeesTheStationCompletedAndTheApsStation() throws Exception {
        assumeTrue(new File(CHROMIUM).canExecute(), "Debian's chromium is installed (.ci/run installs it)");
        int port = freePort();
        try (FleetGateway gw = gateway(port)) {
            gw.awaitLog("sim0: AP-STA-CONNECTED 02:00:00:00:01:00");
            Path png = Path.of(System.getProperty("basedir"), "target", "web-status.png");
            String url = "http://127.0.0.1:" + port + "/wpa4j/";
            awaitPage(url);
            String html = render(url, png);
            String sta = section(html, "sim1");
            assertTrue(sta.contains("state good\">COMPLETED<"), sta);
            assertTrue(sta.contains("wpa4j-demo") && sta.contains("bound (best eligible)"), sta);
            String ap = section(html, "sim0");
            assertTrue(ap.contains("02:00:00:00:01:00") && ap.contains("[AUTHORIZED]"), ap);
            assertTrue(html.contains("actions: for the configured operator"), html);
            assertTrue(Files.size(png) > 10_000, "a screenshot in " + png);
            System.out.println("web: screenshot of the status page in " + png);
        }
    }

    private static void awaitPage(String url) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.currentTimeMillis() + 60_000;
        while (true) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "api/status")).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("\"state\":\"COMPLETED\"")) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // Jetty is still starting or moving to the configured port
            }
            assertTrue(System.currentTimeMillis() < deadline, "the status page answers with the station COMPLETED");
            Thread.sleep(200);
        }
    }

    @Test
    void actionsNeedTheOperatorsCredentialsAndThePagesHeader() throws Exception {
        int port = freePort();
        try (FleetGateway gw = gateway(port)) {
            gw.awaitLog("sim0: AP-STA-CONNECTED 02:00:00:00:01:00");
            String base = "http://127.0.0.1:" + port + "/wpa4j/";
            awaitPage(base);
            HttpClient http = HttpClient.newHttpClient();
            String form = "ifname=sim0&action=deauthenticate&addr=02:00:00:00:01:00";
            String right = "Basic " + Base64.getEncoder().encodeToString("operator:page password".getBytes(StandardCharsets.UTF_8));
            String wrong = "Basic " + Base64.getEncoder().encodeToString("operator:guess".getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> noHeader = http.send(post(base, form).header("Authorization", right).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(403, noHeader.statusCode(), noHeader.body());
            HttpResponse<String> anonymous = http.send(post(base, form).header("X-Wpa4j-Action", "1").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(401, anonymous.statusCode());
            assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
            HttpResponse<String> guessed = http.send(post(base, form).header("X-Wpa4j-Action", "1").header("Authorization", wrong).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(401, guessed.statusCode());
            HttpResponse<String> bad = http.send(post(base, "ifname=sim0&action=deauthenticate&addr=nobody").header("X-Wpa4j-Action", "1")
                    .header("Authorization", right).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(400, bad.statusCode(), bad.body());
            assertTrue(!gw.output().contains("AP-STA-DISCONNECTED"), "nothing happened yet");
            HttpResponse<String> ok = http.send(post(base, form).header("X-Wpa4j-Action", "1").header("Authorization", right).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, ok.statusCode(), ok.body());
            gw.awaitLog("web: operator deauthenticate on sim0");
            gw.awaitLog("sim0: AP-STA-DISCONNECTED 02:00:00:00:01:00");
            assertTrue(!gw.output().contains("page password"), "the password never appears in the output");
        }
    }

    private static HttpRequest.Builder post(String base, String form) {
        return HttpRequest.newBuilder(URI.create(base + "api/action")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
    }
}
