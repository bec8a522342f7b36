package wpa4j.linux.custody.internal;

import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

import wpa4j.linux.custody.Lease;
import wpa4j.linux.custody.LeaseInfo;
import wpa4j.linux.custody.SocketCustody;

/**
 * The framework's custody. Immediate: a delayed component would be deactivated, closing every held socket,
 * whenever its last lessee goes, which is exactly the moment custody exists for.
 */
@Component(service = SocketCustody.class, immediate = true)
public class CustodyComponent implements SocketCustody {
    private volatile Custody custody;

    @Activate
    void activate() {
        // created here, on SCR's thread, so custody's scheduler thread inherits nothing of a lessee
        custody = Custody.create();
    }

    /** Closes every held socket: the kernel ends the links they own (what a custody update costs). */
    @Deactivate
    void deactivate() {
        custody.close();
    }

    @Override
    public Lease lease(String key, String lessee) {
        return custody.lease(key, lessee);
    }

    @Override
    public List<LeaseInfo> leases() {
        return custody.leases();
    }
}
