package wpa4j.sim.medium;

import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import wpa4j.runtime.console.Console;
import wpa4j.driver.types.MacAddress;
import wpa4j.sim.medium.internal.ConfigValues;

/**
 * Registers the medium as a service, with the radios its configuration names. It lives in its own bundle
 * so that the sim driver bundle can be replaced while the links it carries stay up. It is immediate: a
 * delayed component would be deactivated by SCR as soon as its last user (the sim backend) goes, i.e. on
 * every stop or update of the sim backend, closing the medium and every radio and link on it.
 */
@Component(service = MediumService.class, configurationPid = "wpa4j.sim.medium", immediate = true)
@Designate(ocd = MediumComponent.Config.class)
public class MediumComponent implements MediumService {

    @ObjectClassDefinition(name = "wpa4j sim medium", description = "The virtual 802.11 medium and its radios")
    public @interface Config {
        @AttributeDefinition(description = "Interface names of the radios, as a list or comma-separated (radios=sim0,sim1,sim2); "
                + "radio n gets MAC 02:00:00:00:0n:00 (as mac80211_hwsim)")
        String[] radios() default {"sim0", "sim1"};

        @AttributeDefinition(description = "Seed of the frame-loss random generator (0: from the clock)")
        long seed() default 0;

        @AttributeDefinition(description = "Probability in percent that one transmission attempt is lost, on every link")
        int lossPercent() default 0;

        @AttributeDefinition(description = "Delivery delay in ms, on every link")
        int latencyMs() default 0;

        @AttributeDefinition(description = "Received signal strength in dBm, on every link")
        int rssi() default -40;
    }

    /** The last refusal printed: SCR may try a refused configuration more than once, the console says it once. */
    private static volatile String lastRefusal;

    private Medium medium;

    @Activate
    void activate(Config config) throws Exception {
        List<String> names;
        try {
            names = ConfigValues.interfaceNames("radios", config.radios());
        } catch (IllegalArgumentException e) {
            String line = "sim medium not started: " + e.getMessage();
            if (!line.equals(lastRefusal)) {
                Console.line(line);
            }
            lastRefusal = line;
            throw e;
        }
        lastRefusal = null;
        medium = new Medium(config.seed() == 0 ? System.nanoTime() : config.seed(), SimTiming.DEFAULT);
        medium.setDefaultLink(new LinkParams(config.lossPercent(), config.latencyMs(), config.rssi()));
        for (int i = 0; i < names.size(); i++) {
            medium.addRadio(names.get(i), new MacAddress(0x0200_0000_0000L | (long) i << 8));
        }
    }

    @Deactivate
    void deactivate() {
        medium.close();
    }

    @Override
    public Medium medium() {
        return medium;
    }
}
