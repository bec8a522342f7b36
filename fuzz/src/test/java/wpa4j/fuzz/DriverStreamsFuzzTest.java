package wpa4j.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;

import wpa4j.driver.types.Bytes;
import wpa4j.ndis.oid.NdisAssociationInformation;
import wpa4j.ndis.oid.NdisCapability;
import wpa4j.ndis.oid.NdisKey;
import wpa4j.ndis.oid.NdisPmkid;
import wpa4j.ndis.oid.NdisRemoveKey;
import wpa4j.ndis.oid.NdisSsid;
import wpa4j.ndis.oid.NdisWep;
import wpa4j.ndis.oid.NdisWlanBssidEx;
import wpa4j.ndis.transport.Ndisuio;
import wpa4j.wext.event.WirelessEvents;
import wpa4j.wext.ioctl.IwEventStream;

/** The wext event stream (IFLA_WIRELESS, iw_event records) and NDIS OID results, as the wext and ndis backends read them. */
class DriverStreamsFuzzTest {
    @FuzzTest(maxDuration = "10s")
    void wextEventStream(@NotNull byte[] data) {
        // both readers count what they skip or cannot decode; they never throw
        WirelessEvents.parse(Bytes.of(data));
        IwEventStream.parse(data, data.length);
    }

    @FuzzTest(maxDuration = "10s")
    void ndisOidResults(@NotNull byte[] data) {
        Parse.orRefuse(() -> NdisWlanBssidEx.decodeList(data));
        Parse.orRefuse(() -> NdisAssociationInformation.decode(data));
        Parse.orRefuse(() -> NdisCapability.decode(data));
        Parse.orRefuse(() -> NdisKey.decode(data));
        Parse.orRefuse(() -> NdisPmkid.decode(data));
        Parse.orRefuse(() -> NdisRemoveKey.decode(data));
        Parse.orRefuse(() -> NdisSsid.decode(data));
        Parse.orRefuse(() -> NdisWep.decode(data));
        Parse.orRefuse(() -> Ndisuio.parseBinding(data, data.length));
    }
}
