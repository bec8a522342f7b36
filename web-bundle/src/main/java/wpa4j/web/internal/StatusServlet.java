package wpa4j.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import com.google.gson.JsonObject;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import wpa4j.hostapd.ApControl;
import wpa4j.runtime.binding.GatewayHome;
import wpa4j.runtime.binding.PassphraseFile;
import wpa4j.runtime.console.Console;
import wpa4j.supplicant.SupplicantControl;
import wpa4j.web.auth.BasicAuth;
import wpa4j.web.auth.Refusals;
import wpa4j.web.view.GatewayView;

/**
 * The status page at {@code /wpa4j/}: the page itself (HTML, script, style from the bundle), {@code api/status} (the
 * JSON it polls every second), and {@code POST api/action} for the operator of the {@code wpa4j.web} configuration
 * ({@code username}, {@code passwordFile}): scan, reconnect and disconnect a station, deauthenticate an AP's
 * station. Reading needs no credentials; an action needs them (HTTP Basic) and the {@code X-Wpa4j-Action} header,
 * which a cross-site form cannot send. Without the configuration there are no actions.
 */
@Component(service = Servlet.class, configurationPid = StatusServlet.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL,
        property = {"osgi.http.whiteboard.servlet.pattern=/wpa4j/*", "osgi.http.whiteboard.servlet.name=wpa4j-status"})
public final class StatusServlet extends HttpServlet {
    static final String PID = "wpa4j.web";
    static final String ACTION_HEADER = "X-Wpa4j-Action";
    private static final long serialVersionUID = 1L;
    private static final Pattern MAC = Pattern.compile("[0-9a-f]{2}(:[0-9a-f]{2}){5}");
    private static final Map<String, String> STATIC = Map.of("/", "index.html", "/app.js", "app.js", "/style.css", "style.css");

    private final transient List<SupplicantControl> stations = new CopyOnWriteArrayList<>();
    private final transient List<ApControl> aps = new CopyOnWriteArrayList<>();
    private transient volatile Optional<BasicAuth> operator = Optional.empty();
    private final transient Refusals refusals = new Refusals(Console::warn);

    @Activate
    @Modified
    void configure(BundleContext ctx, Map<String, Object> props) {
        Object user = props.get("username");
        Object file = props.get("passwordFile");
        if (user == null || file == null) {
            operator = Optional.empty();
            return;
        }
        try {
            String password = PassphraseFile.firstLine("passwordFile", String.valueOf(file), GatewayHome.of(ctx).toString(),
                    "the page operator's password");
            operator = Optional.of(new BasicAuth(String.valueOf(user), password));
            Console.line("web: actions on the status page for " + user);
        } catch (IllegalArgumentException e) {
            operator = Optional.empty();
            Console.warn(PID + ": " + e.getMessage() + "; the status page stays read-only");
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, unbind = "unbindStation")
    void bindStation(SupplicantControl s) {
        stations.add(s);
    }

    void unbindStation(SupplicantControl s) {
        stations.remove(s);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, unbind = "unbindAp")
    void bindAp(ApControl a) {
        aps.add(a);
    }

    void unbindAp(ApControl a) {
        aps.remove(a);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo();
        if (path == null) {
            // /wpa4j without the slash: the page's relative URLs need it
            resp.sendRedirect(req.getRequestURI() + "/");
            return;
        }
        secure(resp);
        if (path.equals("/api/status")) {
            send(resp, 200, "application/json", GatewayView.json(stations, aps, operator.isPresent(), Instant.now()));
            return;
        }
        String file = STATIC.get(path);
        if (file == null) {
            send(resp, 404, "text/plain", "not found\n");
            return;
        }
        try (InputStream in = StatusServlet.class.getResourceAsStream("/wpa4j/web/static/" + file)) {
            if (in == null) {
                send(resp, 500, "text/plain", "the bundle lacks " + file + "\n");
                return;
            }
            String type = file.endsWith(".js") ? "text/javascript" : file.endsWith(".css") ? "text/css" : "text/html";
            send(resp, 200, type, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        secure(resp);
        if (!"/api/action".equals(req.getPathInfo())) {
            send(resp, 404, "text/plain", "not found\n");
            return;
        }
        Optional<BasicAuth> op = operator;
        if (op.isEmpty()) {
            reply(resp, 403, false, "actions are off: give wpa4j.web a username and passwordFile");
            return;
        }
        if (req.getHeader(ACTION_HEADER) == null) {
            reply(resp, 403, false, "an action needs the " + ACTION_HEADER + " header (cross-site requests are refused)");
            return;
        }
        Optional<String> user = op.get().check(req.getHeader("Authorization"));
        if (user.isEmpty()) {
            refusals.refused(req.getRemoteAddr(), req.getHeader("Authorization") != null);
            resp.setHeader("WWW-Authenticate", "Basic realm=\"wpa4j\", charset=\"UTF-8\"");
            reply(resp, 401, false, "log in as the wpa4j.web user to act");
            return;
        }
        String ifname = String.valueOf(req.getParameter("ifname"));
        String action = String.valueOf(req.getParameter("action"));
        String result = act(ifname, action, req.getParameter("addr"));
        boolean ok = result.equals("OK");
        if (ok) {
            Console.line("web: " + user.get() + " " + action + " on " + ifname);
        }
        reply(resp, ok ? 200 : 400, ok, result);
    }

    /** TRACE would echo the request's headers, Authorization included. */
    @Override
    protected void doTrace(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        send(resp, 405, "text/plain", "TRACE is not served\n");
    }

    /** "OK", or why not. */
    private String act(String ifname, String action, String addr) {
        Optional<SupplicantControl> sta = stations.stream().filter(s -> s.ifname().equals(ifname)).findFirst();
        Optional<ApControl> ap = aps.stream().filter(a -> a.ifname().equals(ifname)).findFirst();
        switch (action) {
            case "scan", "reconnect", "disconnect" -> {
                if (sta.isEmpty()) {
                    return "no station on " + ifname;
                }
                switch (action) {
                    case "scan" -> sta.get().scan();
                    case "reconnect" -> sta.get().reconnect();
                    default -> sta.get().disconnect();
                }
                return "OK";
            }
            case "deauthenticate" -> {
                if (ap.isEmpty()) {
                    return "no AP on " + ifname;
                }
                if (addr == null || !MAC.matcher(addr).matches()) {
                    return "addr: a station address (aa:bb:cc:dd:ee:ff) is needed";
                }
                ap.get().deauthenticate(addr);
                return "OK";
            }
            default -> {
                return "action: '" + action + "'; allowed: scan, reconnect, disconnect (station), deauthenticate (AP)";
            }
        }
    }

    /** The page loads nothing from elsewhere and is never framed. */
    private static void secure(HttpServletResponse resp) {
        resp.setHeader("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("Cache-Control", "no-store");
    }

    private static void reply(HttpServletResponse resp, int status, boolean ok, String message) throws IOException {
        JsonObject o = new JsonObject();
        o.addProperty("ok", ok);
        o.addProperty("message", message);
        send(resp, status, "application/json", o.toString());
    }

    private static void send(HttpServletResponse resp, int status, String type, String body) throws IOException {
        resp.setStatus(status);
        resp.setContentType(type + ";charset=utf-8");
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        resp.setContentLength(b.length);
        resp.getOutputStream().write(b);
    }
}
