package wpa4j.ndis;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

import wpa4j.driver.Capabilities;
import wpa4j.driver.DriverException;
import wpa4j.driver.DriverInterface;
import wpa4j.driver.WifiDriver;
import wpa4j.driver.event.DriverEventSink;
import wpa4j.driver.types.InterfaceInfo;
import wpa4j.ndis.transport.NdisException;
import wpa4j.ndis.transport.NdisTransport;

/** The WifiDriver of one NDIS adapter (ifname: the adapter GUID, as driver_ndis names it). */
public final class NdisDriver implements WifiDriver {
    public static final String NAME = "ndis";

    private final String ifname;
    private final String deviceName;
    private final String description;
    private final Supplier<NdisTransport> transports;
    private final ScheduledExecutorService timers;
    private final Capabilities capabilities;

    NdisDriver(NdisTransport.Adapter adapter, Supplier<NdisTransport> transports, ScheduledExecutorService timers, Capabilities capabilities) {
        this.deviceName = adapter.deviceName();
        this.ifname = ifname(adapter.deviceName());
        this.description = adapter.description();
        this.transports = transports;
        this.timers = timers;
        this.capabilities = capabilities;
    }

    /** {@code \DEVICE\{GUID}} becomes {@code {GUID}}, as driver_ndis strips the prefix. */
    static String ifname(String deviceName) {
        String upper = deviceName.toUpperCase(java.util.Locale.ROOT);
        return upper.startsWith("\\DEVICE\\") ? deviceName.substring(8) : deviceName;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Windows NDIS 802.11 adapter " + description;
    }

    @Override
    public String ifname() {
        return ifname;
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    @Override
    public DriverInterface open(String name, DriverEventSink sink) throws DriverException {
        if (!name.equals(ifname)) {
            throw new DriverException("init", "this service drives " + ifname + ", not " + name);
        }
        NdisTransport t = transports.get();
        try {
            t.open(deviceName);
        } catch (NdisException e) {
            t.close();
            throw new DriverException("init", e.getMessage(), e.error(), e);
        }
        NdisInterface ni = new NdisInterface(ifname, t, sink, timers, 7000);
        ni.init(1000);
        return ni;
    }

    @Override
    public List<InterfaceInfo> getInterfaces() {
        List<InterfaceInfo> list = new ArrayList<>();
        try (NdisTransport t = transports.get()) {
            for (NdisTransport.Adapter a : t.adapters()) {
                list.add(new InterfaceInfo(ifname(a.deviceName()), a.description(), NAME));
            }
        } catch (NdisException e) {
            // no adapters to report
        }
        return list;
    }
}
