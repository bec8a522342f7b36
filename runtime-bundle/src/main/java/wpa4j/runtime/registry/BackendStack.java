package wpa4j.runtime.registry;

/** A backend's plain-Java part as its DS component ends it (see {@link DriverRegistry#retire}). */
public interface BackendStack extends AutoCloseable {
    /** The gateway stops: every link this backend drives ends, as hostap's deinit ends it. */
    void endLinks();

    /** This instance goes and another may come (an update): the links stay for it. */
    void handOver();

    @Override
    void close();
}
