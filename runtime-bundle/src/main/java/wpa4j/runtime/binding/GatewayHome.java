package wpa4j.runtime.binding;

import java.nio.file.Path;

import org.osgi.framework.BundleContext;

/**
 * The gateway's home directory, from which relative paths of the configurations are taken (configuration files,
 * passphrase, SAE password and MQTT password files, trust stores, {@code secrets/}): the framework property
 * {@code wpa4j.home}, else the JVM's working directory.
 *
 * @since 1.6
 */
public final class GatewayHome {
    /** The framework property naming the home. */
    public static final String PROPERTY = "wpa4j.home";

    private GatewayHome() {}

    /** The home of the framework {@code ctx} belongs to. */
    public static Path of(BundleContext ctx) {
        return of(ctx.getProperty(PROPERTY));
    }

    /** The home a {@code wpa4j.home} value names; none or a blank one means the working directory. */
    public static Path of(String property) {
        return Path.of(property != null && !property.isBlank() ? property : System.getProperty("user.dir"));
    }
}
