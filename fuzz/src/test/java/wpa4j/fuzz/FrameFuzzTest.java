package wpa4j.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;

import wpa4j.common.frame.AuthenticationBody;
import wpa4j.common.frame.MgmtFrame;
import wpa4j.common.ie.Country;
import wpa4j.common.ie.DsParameterSet;
import wpa4j.common.ie.ElementId;
import wpa4j.common.ie.HtCapabilities;
import wpa4j.common.ie.HtOperation;
import wpa4j.common.ie.IeList;
import wpa4j.common.ie.InformationElement;
import wpa4j.common.ie.Rates;
import wpa4j.common.ie.RsnElement;
import wpa4j.common.ie.Tim;
import wpa4j.common.ie.TimeoutInterval;
import wpa4j.common.ie.WpaElement;
import wpa4j.common.sae.SaeCommit;
import wpa4j.common.sae.SaeConfirm;
import wpa4j.driver.types.Bytes;

/** Management frames, their information elements and SAE's Authentication bodies, as they come off the air. */
class FrameFuzzTest {
    @FuzzTest
    void managementFrames(@NotNull byte[] data) {
        Bytes raw = Bytes.of(data);
        Parse.orRefuse(() -> AuthenticationBody.decode(raw));
        Parse.orRefuse(() -> {
            MgmtFrame f = MgmtFrame.decodeReceived(raw).frame();
            f.encode();
        });
    }

    @FuzzTest
    void informationElements(@NotNull byte[] data) {
        Parse.orRefuse(() -> {
            for (InformationElement e : IeList.decode(Bytes.of(data)).elements()) {
                element(e);
            }
        });
    }

    /** Each element the cores read, through its own decoder. */
    private static void element(InformationElement e) {
        Bytes b = e.body();
        Parse.orRefuse(() -> {
            switch (e.id()) {
                case ElementId.RSN -> RsnElement.decode(b).toElement();
                case ElementId.SUPPORTED_RATES, ElementId.EXTENDED_SUPPORTED_RATES -> Rates.decode(b);
                case ElementId.DS_PARAMETER_SET -> DsParameterSet.decode(b);
                case ElementId.TIM -> Tim.decode(b);
                case ElementId.COUNTRY -> Country.decode(b);
                case ElementId.HT_CAPABILITIES -> HtCapabilities.decode(b);
                case ElementId.HT_OPERATION -> HtOperation.decode(b);
                case ElementId.TIMEOUT_INTERVAL -> TimeoutInterval.decode(b);
                case ElementId.VENDOR_SPECIFIC -> WpaElement.decode(b);
                default -> { }
            }
        });
    }

    @FuzzTest
    void saeMessages(FuzzedDataProvider in) {
        boolean h2e = in.consumeBoolean();
        int confirmLength = in.pickValue(new int[] {32, 48, 64});
        Bytes body = Bytes.of(in.consumeRemainingAsBytes());
        Parse.orRefuse(() -> SaeCommit.parse(body, h2e));
        Parse.orRefuse(() -> SaeConfirm.parse(body, confirmLength));
    }
}
