package wpa4j.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;

/** Against the OSGi filter parser itself (FrameworkUtil, the reference implementation of the Core specification). */
class FiltersTest {
    private static boolean matches(String ifnameInFilter, String actual) throws Exception {
        Filter f = FrameworkUtil.createFilter("(&(service.factoryPid=wpa4j.supplicant)(ifname=" + ifnameInFilter + "))");
        return f.matches(Map.of("service.factoryPid", "wpa4j.supplicant", "ifname", actual));
    }

    @Test
    void specialCharactersAreEscapedWithABackslash() {
        assertEquals("\\*", Filters.escape("*"));
        assertEquals("\\)\\(", Filters.escape(")("));
        assertEquals("\\\\", Filters.escape("\\"));
        assertEquals("wlan0", Filters.escape("wlan0"));
        assertEquals("a\\*b\\(c\\)d\\\\e", Filters.escape("a*b(c)d\\e"));
    }

    @Test
    void anEscapedValueMatchesOnlyItself() throws Exception {
        for (String v : new String[] {"*", ")(", "\\", "a*", "x)(ifname=*", "wlan0"}) {
            assertTrue(matches(Filters.escape(v), v), v);
            assertFalse(matches(Filters.escape(v), "wlan1"), v);
        }
        assertFalse(matches(Filters.escape("*"), "wlan0"), "a star matches nothing but a star");
        assertTrue(matches("*", "wlan0"), "unescaped, it matches every interface");
    }

    @Test
    void rfc4515HexEscapesAreNotOsgiFilterSyntax() throws Exception {
        // what RFC 4515 would write for "*": OSGi reads it as the characters "2a"
        assertFalse(matches("\\2a", "*"));
        assertTrue(matches("\\2a", "2a"));
    }
}
