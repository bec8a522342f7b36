package wpa4j.linux.custody;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Holds kernel sockets by lease key ({@code nl80211/<ifindex>}) across the lifetimes of the instances that
 * use them. In a framework it is a service of the custody bundle; in plain Java
 * {@code wpa4j.linux.custody.plain.PlainCustody.create()}.
 */
@ProviderType
public interface SocketCustody {
    /**
     * The lease of {@code key} for {@code lessee} (a name for logs and status): an empty lease when nobody
     * holds that key, else the held sockets with their queues. A lessee that holds it still is revoked: its
     * handles refuse every call from now on.
     */
    Lease lease(String key, String lessee);

    /** Every lease held now. */
    List<LeaseInfo> leases();

    /** A custody owned by its creator, who closes it. */
    @ProviderType
    interface Owned extends SocketCustody, AutoCloseable {
        @Override
        void close();
    }
}
