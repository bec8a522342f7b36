package wpa4j.runtime.console.internal;

import java.io.IOException;
import java.util.Collections;
import java.util.Dictionary;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.ConfigurationListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.admin.LoggerAdmin;
import org.osgi.service.log.admin.LoggerContext;

import wpa4j.runtime.console.Console;

/**
 * Log levels through Config Admin as the Log Service spec (101.8) has them: PID {@code org.osgi.service.log.admin}
 * configures the root logger context, {@code org.osgi.service.log.admin|<bundle symbolic name>} (or
 * {@code |<bsn>|<version>}, {@code |<bsn>|<version>|<location>}) that bundle's; each property is a logger name
 * ({@code ROOT} for all of the context's loggers) with a level ({@code AUDIT ERROR WARN INFO DEBUG TRACE}).
 * Felix Log 1.3.0 follows changes to these configurations, but applies only the root one when it starts: a bundle's
 * configuration that exists before (etc/ is read at startup) is ignored until it changes. This component applies
 * them all when it starts (and when the LoggerAdmin is replaced), and again on every change, which is the same
 * result as Felix's own handling where that works. Entries that are no level are refused with one console line
 * naming the property (never the value).
 */
@Component(immediate = true, service = ConfigurationListener.class)
public final class LogLevelConfigurations implements ConfigurationListener {
    static final String ROOT_PID = "org.osgi.service.log.admin";
    static final String PREFIX = ROOT_PID + "|";
    /** Properties that Config Admin and FileInstall add: not logger names. */
    private static final Set<String> NOT_LOGGERS = Set.of(Constants.SERVICE_PID, ConfigurationAdmin.SERVICE_FACTORYPID,
            ConfigurationAdmin.SERVICE_BUNDLELOCATION, "felix.fileinstall.filename");

    private final ConfigurationAdmin cm;
    private final LoggerAdmin loggers;

    @Activate
    public LogLevelConfigurations(@Reference ConfigurationAdmin cm, @Reference LoggerAdmin loggers) throws IOException, InvalidSyntaxException {
        this.cm = cm;
        this.loggers = loggers;
        Configuration[] existing = cm.listConfigurations("(" + Constants.SERVICE_PID + "=" + ROOT_PID + "*)");
        if (existing != null) {
            for (Configuration c : existing) {
                if (c.getFactoryPid() == null && isLogLevelPid(c.getPid())) {
                    apply(c.getPid(), c.getProperties());
                }
            }
        }
    }

    @Override
    public void configurationEvent(ConfigurationEvent event) {
        String pid = event.getPid();
        if (event.getFactoryPid() != null || !isLogLevelPid(pid)) {
            return;
        }
        try {
            Configuration[] now = event.getType() == ConfigurationEvent.CM_DELETED ? null
                    : cm.listConfigurations("(" + Constants.SERVICE_PID + "=" + escape(pid) + ")");
            apply(pid, now == null || now.length == 0 ? null : now[0].getProperties());
        } catch (IOException | InvalidSyntaxException | RuntimeException e) {
            Console.warn(pid + ": log levels not applied: " + e.getMessage());
        }
    }

    private void apply(String pid, Dictionary<String, Object> properties) {
        LoggerContext context = loggers.getLoggerContext(contextName(pid));
        if (properties == null) {
            context.clear();
        } else {
            context.setLogLevels(levels(properties, key -> Console.warn(pid + ": " + key
                    + " is not set to a log level (AUDIT, ERROR, WARN, INFO, DEBUG or TRACE): ignored")));
        }
    }

    /** True for the root PID and {@code org.osgi.service.log.admin|<name>}. */
    static boolean isLogLevelPid(String pid) {
        return ROOT_PID.equals(pid) || pid.startsWith(PREFIX) && pid.length() > PREFIX.length();
    }

    /** The logger context a PID configures: null for the root context. */
    static String contextName(String pid) {
        return ROOT_PID.equals(pid) ? null : pid.substring(PREFIX.length());
    }

    /** Logger name to level, from a configuration's properties; every other property but CM's own goes to {@code refused} by name. */
    static Map<String, LogLevel> levels(Dictionary<String, ?> properties, Consumer<String> refused) {
        Map<String, LogLevel> levels = new LinkedHashMap<>();
        for (String key : Collections.list(properties.keys())) {
            if (NOT_LOGGERS.contains(key)) {
                continue;
            }
            Object value = properties.get(key);
            LogLevel level = value instanceof LogLevel l ? l : parse(String.valueOf(value));
            if (level == null) {
                refused.accept(key);
            } else {
                levels.put(key, level);
            }
        }
        return levels;
    }

    private static LogLevel parse(String value) {
        try {
            return LogLevel.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** An LDAP filter value: {@code \ * ( )} escaped. */
    static String escape(String value) {
        StringBuilder sb = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            if (c == '\\' || c == '*' || c == '(' || c == ')') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
