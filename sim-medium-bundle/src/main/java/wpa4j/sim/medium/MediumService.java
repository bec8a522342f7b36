package wpa4j.sim.medium;

import org.osgi.annotation.versioning.ProviderType;

/** The medium as an OSGi service (the service object stays while drivers come and go). */
@ProviderType
public interface MediumService {
    Medium medium();
}
