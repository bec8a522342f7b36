package wpa4j.runtime.console.internal;

import wpa4j.runtime.console.sink.ConsoleSinks;

import wpa4j.runtime.console.sink.ConsoleSink;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * Sends every {@code Console} line to the OSGi Log Service as an entry of the bundle that wrote it, with a logger
 * named after the writing class (e.g. {@code wpa4j.supplicant.core.Supplicant}), so that the levels of that
 * bundle's logger context (Config Admin PID {@code org.osgi.service.log.admin|<bundle symbolic name>}) decide
 * what is recorded. The console line itself is printed by {@code Console} whatever the levels say. The records of
 * the {@code wpa4j.*} {@code System.Logger}s go the same way ({@link JulBridge}).
 * Active only while a {@link LoggerFactory} is there; the optional import keeps runtime-bundle resolvable without one.
 */
@Component(service = {}, immediate = true)
public final class LogServiceSink implements ConsoleSink {
    /** A bundle that writes console lines, and its logger for one class. */
    record Origin(Bundle bundle, Logger logger) {}

    private final Bundle self;
    private final LoggerFactory loggers;
    private final Logger fallback;
    private final Callers<Origin> callers;
    private final JulBridge jul;

    @Activate
    public LogServiceSink(BundleContext context, @Reference LoggerFactory loggers) {
        this.self = context.getBundle();
        this.loggers = loggers;
        this.fallback = loggers.getLogger(self, "wpa4j.runtime.console.Console", Logger.class);
        this.callers = new Callers<>(type -> origin(loggers, type), o -> o.bundle().equals(self));
        this.jul = new JulBridge(this::loggerOfCaller);
        ConsoleSinks.install(this);
        jul.open();
    }

    @Deactivate
    void deactivate() {
        jul.close();
        ConsoleSinks.uninstall(this);
    }

    /** The logger {@code name} of the bundle that called through {@code entry} (runtime-bundle's if none is found). */
    private Logger loggerOfCaller(Class<?> entry, String name) {
        Bundle bundle = callers.find(entry).map(c -> c.origin().bundle()).orElse(self);
        return loggers.getLogger(bundle, name == null ? "wpa4j" : name, Logger.class);
    }

    /** The bundle of {@code type} and a logger named after it, if that bundle is runtime-bundle or wired to it. */
    private Origin origin(LoggerFactory loggers, Class<?> type) {
        Bundle bundle = FrameworkUtil.getBundle(type);
        if (bundle == null || !(bundle.equals(self) || usesSelf(bundle))) {
            return null;
        }
        return new Origin(bundle, loggers.getLogger(bundle, type.getName(), Logger.class));
    }

    private boolean usesSelf(Bundle bundle) {
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        if (wiring == null) {
            return false;
        }
        for (BundleWire wire : wiring.getRequiredWires(null)) {
            if (self.equals(wire.getProvider().getBundle())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void publish(Level level, String text) {
        Logger logger = callers.find().map(c -> c.origin().logger()).orElse(fallback);
        switch (level) {
            case DEBUG -> logger.debug(text);
            case INFO -> logger.info(text);
            case WARN -> logger.warn(text);
        }
    }
}
