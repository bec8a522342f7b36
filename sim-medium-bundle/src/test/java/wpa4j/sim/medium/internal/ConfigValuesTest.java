package wpa4j.sim.medium.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class ConfigValuesTest {
    @Test
    void aCfgFileValueIsSplitOnCommas() {
        // what DS passes for radios=sim0,sim1,sim2 in a .cfg file: one element
        assertEquals(List.of("sim0", "sim1", "sim2"), ConfigValues.list("sim0,sim1,sim2"));
        assertEquals(List.of("sim0", "sim1", "sim2"), ConfigValues.list(" sim0 , sim1,,sim2, "));
    }

    @Test
    void aTypedArrayStaysAsItIsAndMayMixBothForms() {
        assertEquals(List.of("sim0", "sim1", "sim2"), ConfigValues.list("sim0", "sim1", "sim2"));
        assertEquals(List.of("sim0", "sim1", "sim2"), ConfigValues.list("sim0", "sim1,sim2"));
    }

    @Test
    void emptyValuesGiveAnEmptyList() {
        assertEquals(List.of(), ConfigValues.list(""));
        assertEquals(List.of(), ConfigValues.list(" , ,"));
        assertEquals(List.of(), ConfigValues.list());
        assertEquals(List.of(), ConfigValues.list((String[]) null));
    }

    @Test
    void interfaceNamesAreChecked() {
        assertEquals(List.of("wlan0", "sim1", "a23456789012345"), ConfigValues.interfaceNames("radios", "wlan0, sim1", "a23456789012345"));
        for (String bad : List.of("a/b", "a b", "a:1", "a234567890123456", "wlän0")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConfigValues.interfaceNames("radios", "sim0," + bad));
            assertTrue(e.getMessage().startsWith("radios: '" + bad + "' is not an interface name ("), e.getMessage());
            assertTrue(!e.getMessage().contains("\n"), "one line");
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ConfigValues.interfaceNames("radios", "a\tb")).getMessage()
                .startsWith("radios: 'a\\x09b' is not"));
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> ConfigValues.interfaceNames("radios", "sim0,sim1", "sim0"));
        assertEquals("radios: 'sim0' is named twice", twice.getMessage());
    }

    @Test
    void otherPrintableCharactersAreAllowedAsTheKernelAllowsThem() {
        // filter metacharacters are legal in a name: users of a name in an OSGi filter escape it
        assertEquals("*)(", ConfigValues.interfaceName("ifname", "*)("));
        assertEquals("a\\b", ConfigValues.interfaceName("ifname", "a\\b"));
    }

    @Test
    void oneNameMayNotContainACommaOrControlCharacters() {
        assertThrows(IllegalArgumentException.class, () -> ConfigValues.interfaceName("ifname", "sim0,sim1"));
        assertThrows(IllegalArgumentException.class, () -> ConfigValues.interfaceName("ifname", ""));
        assertThrows(IllegalArgumentException.class, () -> ConfigValues.interfaceName("ifname", null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConfigValues.interfaceName("ifname", "a\nb"));
        assertTrue(e.getMessage().startsWith("ifname: 'a\\x0ab' is not"), e.getMessage());
    }
}
