package wpa4j.mqtt.link;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import wpa4j.runtime.binding.PassphraseFile;

/**
 * A validated {@code wpa4j.mqtt} configuration. The password comes from {@code passwordFile} (first line, relative
 * to the gateway home) or the private property {@code .password}; it is never printed ({@link #toString()}).
 *
 * @param broker {@code tcp://host:port} or {@code ssl://host:port}
 * @param gatewayId this gateway's topic level and MQTT client id
 * @param username empty for none
 * @param password empty for none
 * @param trustStore CA certificates (PEM) or a PKCS#12/JKS store for {@code ssl://}; empty: the JVM's default trust
 * @param trustStorePassword for a PKCS#12/JKS store (it guards integrity only: the certificates are public)
 * @param qos of events, replies and the status: 0, 1 or 2
 * @param buffer messages kept while the broker is away; more are dropped and counted
 * @param commands whether {@code .../cmd/<id>} requests are served (the broker's ACLs decide who may send them)
 * @param maxReconnectDelaySeconds the longest wait between connection attempts (they start at 1 s and double)
 * @param keepAliveSeconds MQTT keep-alive: how soon the broker notices a dead gateway and publishes its last will
 */
public record MqttSettings(String broker, String gatewayId, String username, char[] password, Optional<Path> trustStore,
        char[] trustStorePassword, int qos, int buffer, boolean commands, int maxReconnectDelaySeconds, int keepAliveSeconds) {

    public static final String PID = "wpa4j.mqtt";

    public MqttSettings {
        new Topics(gatewayId);
    }

    /**
     * Reads a configuration's properties. {@code defaultGatewayId} is used when {@code gatewayId} is absent (the host
     * name); {@code home} resolves relative file names.
     *
     * @throws IllegalArgumentException "key: what is wrong; allowed: ..." for the first bad value
     */
    public static MqttSettings from(Map<String, ?> props, String defaultGatewayId, Path home) {
        String broker = text(props, "broker").orElseThrow(() -> new IllegalArgumentException("broker: missing; allowed: tcp://host:port or ssl://host:port"));
        checkBroker(broker);
        String gatewayId = text(props, "gatewayId").orElse(defaultGatewayId);
        Topics.checkLevel("gatewayId", gatewayId);
        String username = text(props, "username").orElse("");
        Optional<String> passwordFile = text(props, "passwordFile");
        Optional<String> inline = text(props, ".password");
        if (passwordFile.isPresent() && inline.isPresent()) {
            throw new IllegalArgumentException("passwordFile and .password: give one of them");
        }
        String password = passwordFile.map(f -> PassphraseFile.firstLine("passwordFile", f, home.toString(), "the broker password"))
                .or(() -> inline).orElse("");
        if (!password.isEmpty() && username.isEmpty()) {
            throw new IllegalArgumentException("username: missing; MQTT 3.1.1 sends a password only with a user name");
        }
        Optional<Path> trustStore = text(props, "trustStore").map(home::resolve);
        if (trustStore.isPresent() && !broker.startsWith("ssl://")) {
            throw new IllegalArgumentException("trustStore: set, but broker " + broker + " is not ssl://");
        }
        char[] trustStorePassword = text(props, "trustStorePassword").orElse("").toCharArray();
        // read now, so a bad file is a configuration error and not a failure of every connection attempt
        trustStore.ifPresent(t -> TrustStores.socketFactory(t, trustStorePassword));
        return new MqttSettings(broker, gatewayId, username, password.toCharArray(), trustStore, trustStorePassword, integer(props, "qos", 1, 0, 2), integer(props, "buffer", 1000, 1, 1_000_000),
                bool(props, "commands", true), integer(props, "maxReconnectDelay", 60, 1, 3600), integer(props, "keepAlive", 30, 5, 3600));
    }

    private static void checkBroker(String broker) {
        try {
            URI u = new URI(broker);
            if (!"tcp".equals(u.getScheme()) && !"ssl".equals(u.getScheme()) || u.getHost() == null || u.getPort() < 0
                    || !(u.getPath() == null || u.getPath().isEmpty())) {
                throw new URISyntaxException(broker, "not scheme://host:port");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("broker: '" + broker + "' is not tcp://host:port or ssl://host:port");
        }
    }

    private static Optional<String> text(Map<String, ?> props, String key) {
        Object v = props.get(key);
        return v == null || String.valueOf(v).isBlank() ? Optional.empty() : Optional.of(String.valueOf(v).strip());
    }

    private static int integer(Map<String, ?> props, String key, int dflt, int min, int max) {
        Optional<String> t = text(props, key);
        if (t.isEmpty()) {
            return dflt;
        }
        try {
            int v = Integer.parseInt(t.get());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(key + ": '" + t.get() + "' out of range; allowed: " + min + ".." + max);
    }

    private static boolean bool(Map<String, ?> props, String key, boolean dflt) {
        Optional<String> t = text(props, key);
        if (t.isEmpty()) {
            return dflt;
        }
        return switch (t.get()) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw new IllegalArgumentException(key + ": '" + t.get() + "'; allowed: true or false");
        };
    }

    /** Never the password: what a log line may show. */
    @Override
    public String toString() {
        return "broker=" + broker + " gatewayId=" + gatewayId + (username.isEmpty() ? "" : " username=" + username)
                + (password.length == 0 ? "" : " password=*") + trustStore.map(t -> " trustStore=" + t).orElse("") + " qos=" + qos + " buffer="
                + buffer + " commands=" + commands;
    }
}
