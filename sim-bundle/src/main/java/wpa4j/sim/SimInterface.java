package wpa4j.sim;

import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import wpa4j.driver.Capabilities;
import wpa4j.driver.DriverException;
import wpa4j.driver.DriverInterface;
import wpa4j.driver.event.DriverEvent;
import wpa4j.driver.types.ApParams;
import wpa4j.driver.types.AssociateParams;
import wpa4j.driver.types.AuthParams;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.FreqParams;
import wpa4j.driver.types.KeyParams;
import wpa4j.common.frame.LeaveFrames;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.Operstate;
import wpa4j.driver.types.ScanParams;
import wpa4j.driver.types.ScanResults;
import wpa4j.driver.types.SendActionParams;
import wpa4j.driver.types.SignalInfo;
import wpa4j.driver.types.Ssid;
import wpa4j.driver.types.StaAddParams;
import wpa4j.driver.types.StaDriverData;
import wpa4j.driver.types.StaFlag;
import wpa4j.driver.types.IfAddParams;
import wpa4j.driver.types.IfAddResult;
import wpa4j.driver.types.IfType;
import wpa4j.sim.medium.Medium;
import wpa4j.sim.medium.Radio;

/**
 * One open sim interface: every op is the radio operation a SoftMAC nl80211 driver would ask the kernel
 * for. Holds no link state of its own (that is in the radio), so closing it leaves the link up.
 */
final class SimInterface implements DriverInterface {
    private final Medium medium;
    private final Radio radio;
    private final Capabilities capabilities;
    private final Consumer<DriverEvent> events;
    private volatile boolean closed;

    SimInterface(Medium medium, Radio radio, Capabilities capabilities, Consumer<DriverEvent> events) {
        this.medium = medium;
        this.radio = radio;
        this.capabilities = capabilities;
        this.events = events;
    }

    @Override
    public String driverName() {
        return SimDriver.NAME;
    }

    @Override
    public String getIfname() {
        return radio.ifname();
    }

    @Override
    public MacAddress getMacAddr() {
        return radio.mac();
    }

    @Override
    public Capabilities getCapa() {
        return capabilities;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            try {
                radio.detach(events);
            } catch (DriverException | RuntimeException e) {
                // the medium is gone (or closing): nothing to detach from
            }
        }
    }

    @Override
    public Optional<MacAddress> getBssid() throws DriverException {
        return radio.bssid();
    }

    @Override
    public Optional<Ssid> getSsid() throws DriverException {
        return radio.ssid();
    }

    @Override
    public void scan2(ScanParams params) throws DriverException {
        radio.scan(params);
    }

    @Override
    public ScanResults getScanResults2() throws DriverException {
        return radio.scanResults();
    }

    @Override
    public void authenticate(AuthParams params) throws DriverException {
        radio.authenticate(params);
    }

    @Override
    public void associate(AssociateParams params) throws DriverException {
        radio.associate(params);
    }

    @Override
    public void deauthenticate(MacAddress addr, int reasonCode) throws DriverException {
        radio.deauthenticate(addr, reasonCode);
    }

    @Override
    public void disassociate(MacAddress addr, int reasonCode) throws DriverException {
        radio.disassociate(addr, reasonCode);
    }

    @Override
    public void setKey(KeyParams params) throws DriverException {
        radio.setKey(params);
    }

    @Override
    public Bytes getSeqnum(String ifname, MacAddress addr, int idx) throws DriverException {
        return radio.seqnum(addr, idx);
    }

    @Override
    public void sendEapol(MacAddress dest, int proto, Bytes data) throws DriverException {
        radio.sendEapol(dest, data, true);
    }

    @Override
    public void hapdSendEapol(MacAddress addr, Bytes data, boolean encrypt, MacAddress ownAddr, Set<StaFlag> flags) throws DriverException {
        radio.sendEapol(addr, data, encrypt);
    }

    @Override
    public void setOperstate(Operstate state) {
        // the sim has no network device whose operational state could change
    }

    @Override
    public SignalInfo signalPoll() throws DriverException {
        return radio.signal();
    }

    @Override
    public void setFreq(FreqParams freq) throws DriverException {
        radio.setFreq(freq.freq());
    }

    @Override
    public void setAp(ApParams params) throws DriverException {
        radio.setAp(params);
    }

    @Override
    public void deinitAp() throws DriverException {
        radio.stopAp();
    }

    @Override
    public void sendMlme(Bytes frame, boolean noAck) throws DriverException {
        radio.sendMlme(frame, noAck);
    }

    /** Action frames of a station (SA Query); the AP core sends its frames with send_mlme, as on nl80211. */
    @Override
    public void sendAction(SendActionParams params) throws DriverException {
        radio.sendAction(params);
    }

    @Override
    public void staAdd(StaAddParams params) throws DriverException {
        radio.staAdd(params);
    }

    @Override
    public void staRemove(MacAddress addr) throws DriverException {
        radio.staRemove(addr);
    }

    @Override
    public void staSetFlags(MacAddress addr, Set<StaFlag> total, Set<StaFlag> flagsOr, Set<StaFlag> flagsAnd) throws DriverException {
        radio.staSetFlags(addr, flagsOr, flagsAnd);
    }

    @Override
    public StaDriverData readStaData(MacAddress addr) throws DriverException {
        return radio.staData(addr);
    }

    @Override
    public int getInactSec(MacAddress addr) throws DriverException {
        return radio.inactiveSeconds(addr);
    }

    @Override
    public void staDeauth(MacAddress ownAddr, MacAddress addr, int reason) throws DriverException {
        radio.sendMlme(LeaveFrames.deauth(ownAddr, addr, reason), false);
    }

    @Override
    public void staDisassoc(MacAddress ownAddr, MacAddress addr, int reason) throws DriverException {
        radio.sendMlme(LeaveFrames.disassoc(ownAddr, addr, reason), false);
    }

    /** A new virtual interface is a new radio on the medium (with its own WifiDriver service, as hot-plug). */
    @Override
    public IfAddResult ifAdd(IfAddParams params) throws DriverException {
        if (params.type() != IfType.STATION && params.type() != IfType.AP_BSS) {
            throw new DriverException("if_add", "the sim medium adds station and AP interfaces, not " + params.type(), 95, null);
        }
        MacAddress mac = params.addr() != null ? params.addr() : derivedAddress(params.ifname());
        try {
            medium.addRadio(params.ifname(), mac);
        } catch (IllegalArgumentException e) {
            throw new DriverException("if_add", e.getMessage(), 17, e);
        } catch (Exception e) {
            throw new DriverException("if_add", e.toString(), 0, e);
        }
        return new IfAddResult(params.ifname(), mac);
    }

    @Override
    public void ifRemove(IfType type, String ifname) throws DriverException {
        if (ifname.equals(radio.ifname())) {
            throw new DriverException("if_remove", "an interface cannot remove itself", 16, null);
        }
        try {
            medium.removeRadio(ifname);
        } catch (Exception e) {
            throw new DriverException("if_remove", e.toString(), 0, e);
        }
    }

    /** A locally administered address derived from this radio's and the new name (as the kernel would pick). */
    private MacAddress derivedAddress(String ifname) {
        return new MacAddress((radio.mac().value() | 0x0200_0000_0000L) ^ ((ifname.hashCode() & 0xffffL) << 8) ^ 0x0400_0000_0000L);
    }
}
