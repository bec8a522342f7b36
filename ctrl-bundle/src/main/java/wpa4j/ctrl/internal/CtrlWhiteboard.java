package wpa4j.ctrl.internal;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import wpa4j.ctrl.CtrlEndpoint;
import wpa4j.ctrl.CtrlServer;

/**
 * The whiteboard: a control socket for every {@link CtrlEndpoint} service, at the place its service properties
 * name, reopened when they change, closed when the service goes. A socket that cannot be opened is reported in
 * one line and the endpoint simply has none.
 */
@Component(immediate = true)
public final class CtrlWhiteboard {
    /** The address an endpoint asked for and its server, empty when opening failed. */
    private record Served(Optional<EndpointAddress> address, Optional<CtrlServer> server) {
    }

    /** By service.id: one service object may be registered more than once. */
    private final Map<Object, Served> served = new HashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, unbind = "removeEndpoint",
            updated = "updatedEndpoint")
    synchronized void addEndpoint(CtrlEndpoint endpoint, Map<String, Object> props) {
        Optional<EndpointAddress> address = EndpointAddress.from(props);
        if (address.isEmpty()) {
            report("ctrl: endpoint service " + key(props) + " names no " + CtrlEndpoint.DIR + " and " + CtrlEndpoint.NAME
                    + ": no socket");
        }
        served.put(key(props), new Served(address, address.flatMap(a -> open(a, endpoint))));
    }

    synchronized void updatedEndpoint(CtrlEndpoint endpoint, Map<String, Object> props) {
        Served now = served.get(key(props));
        if (now != null && now.server().isPresent() && now.address().equals(EndpointAddress.from(props))) {
            return; // other properties changed: the socket stays as it is
        }
        removeEndpoint(endpoint, props);
        addEndpoint(endpoint, props);
    }

    synchronized void removeEndpoint(CtrlEndpoint endpoint, Map<String, Object> props) {
        Served gone = served.remove(key(props));
        if (gone != null) {
            gone.server().ifPresent(CtrlServer::close);
        }
    }

    @Deactivate
    synchronized void deactivate() {
        served.values().forEach(s -> s.server().ifPresent(CtrlServer::close));
        served.clear();
    }

    private static Object key(Map<String, Object> props) {
        return props.get("service.id");
    }

    private static Optional<CtrlServer> open(EndpointAddress a, CtrlEndpoint endpoint) {
        try {
            return Optional.of(CtrlServer.open(a.dir(), a.name(), a.group(), endpoint));
        } catch (IOException | RuntimeException e) {
            // CtrlServer's messages already read "cannot open PATH: reason"
            report("ctrl: " + (e instanceof IOException ? e.getMessage() : "cannot open " + a.socket() + ": " + e.getMessage()));
            return Optional.empty();
        }
    }

    /** Where the whiteboard's few lines go; one place to re-route them to the project's log. */
    static void report(String line) {
        System.out.println(line);
    }
}
