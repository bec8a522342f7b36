package wpa4j.wext.event;

import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.MacAddress;

/** A Wireless Extensions event of an interface, as rtnetlink's IFLA_WIRELESS carries it. */
public sealed interface WirelessEvent {
    /** SIOCGIWAP: associated with {@code bssid}, or disassociated when it is all zero. */
    record ApAddress(MacAddress bssid) implements WirelessEvent {}

    /** IWEVASSOCREQIE: the IEs of the (Re)Association Request the station sent. */
    record AssocReqIe(Bytes ies) implements WirelessEvent {}

    /** IWEVASSOCRESPIE: the IEs of the (Re)Association Response. */
    record AssocRespIe(Bytes ies) implements WirelessEvent {}

    /** IWEVMICHAELMICFAILURE (struct iw_michaelmicfailure). */
    record MicFailure(int keyId, boolean group, MacAddress src) implements WirelessEvent {}

    /** SIOCGIWSCAN: a scan finished; SIOCGIWSCAN now returns its results. */
    record ScanDone() implements WirelessEvent {}
}
