package wpa4j.ndis.transport;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/** Query and set OIDs of one open adapter, and list the adapters there are. */
@ConsumerType
public interface NdisTransport extends AutoCloseable {
    /** An adapter NDISUIO is bound to. */
    record Adapter(String deviceName, String description) {}

    /** The adapters (IOCTL_NDISUIO_QUERY_BINDING over every binding index). */
    List<Adapter> adapters() throws NdisException;

    /** Opens {@code deviceName} (e.g. {@code \DEVICE\{GUID}}) for the OID calls that follow. */
    void open(String deviceName) throws NdisException;

    /** The value of {@code oid}: at most {@code maxLength} octets. */
    byte[] query(int oid, int maxLength) throws NdisException;

    /** Sets {@code oid} to {@code value}. */
    void set(int oid, byte[] value) throws NdisException;

    @Override
    void close();
}
