package wpa4j.ctrl.internal;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import wpa4j.ctrl.CtrlEndpoint;

/** Where an endpoint service wants its socket, read from its service properties. */
record EndpointAddress(Path dir, String name, Optional<String> group) {
    /** Empty when the directory or the name is missing; values are taken by their string form. */
    static Optional<EndpointAddress> from(Map<String, ?> props) {
        Optional<String> dir = text(props.get(CtrlEndpoint.DIR));
        Optional<String> name = text(props.get(CtrlEndpoint.NAME));
        if (dir.isEmpty() || name.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new EndpointAddress(Path.of(dir.get()), name.get(), text(props.get(CtrlEndpoint.GROUP))));
    }

    Path socket() {
        return dir.resolve(name);
    }

    private static Optional<String> text(Object value) {
        return Optional.ofNullable(value).map(Object::toString).map(String::strip).filter(s -> !s.isEmpty());
    }
}
