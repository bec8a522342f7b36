package wpa4j.mqtt.internal;

import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

import wpa4j.mqtt.bridge.FleetTable;
import wpa4j.mqtt.link.FleetQuery;
import wpa4j.mqtt.link.MqttSettings;
import wpa4j.runtime.binding.GatewayHome;

/**
 * {@code fleet:list}: every gateway with a retained status on the configured broker, online or not, with its
 * interfaces; read from the broker, so it lists gateways this one has never talked to.
 */
@Component(service = FleetCommand.class, configurationPid = MqttSettings.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        property = {"osgi.command.scope=fleet", "osgi.command.function=list"})
public class FleetCommand {
    /** How long without a new status ends the listing, and the longest it waits. */
    private static final long QUIET_MS = 500;
    private static final long MAX_MS = 10_000;

    private MqttSettings settings;

    @Activate
    void activate(BundleContext ctx, Map<String, Object> props) {
        settings = MqttSettings.from(props, MqttComponent.hostName(), GatewayHome.of(ctx));
    }

    /** {@code fleet:list}. */
    public String list() throws InterruptedException {
        FleetTable table = new FleetTable();
        FleetQuery.statuses(settings, QUIET_MS, MAX_MS).forEach(table::put);
        return table.format();
    }
}
