package wpa4j.shell;

import java.util.Hashtable;

import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;

/**
 * Gogo arguments pasted into OSGi filters (an interface name typed at the console): whatever the text, the filter
 * parses with the framework's own parser and matches exactly that value, so no argument can widen a lookup to other
 * interfaces' configurations or services.
 */
class FiltersFuzzTest {
    @FuzzTest(maxDuration = "10s")
    void consoleArgumentsInFilters(@NotNull String value) throws InvalidSyntaxException {
        Filter f = FrameworkUtil.createFilter("(&(service.pid=wpa4j.supplicant*)(ifname=" + Filters.escape(value) + "))");
        if (!f.matches(props(value))) {
            throw new IllegalStateException("the filter does not match its own value: " + f);
        }
        if (f.matches(props(value + "x")) || (!value.isEmpty() && f.matches(props(value.substring(1))))) {
            throw new IllegalStateException("the filter matches another value: " + f);
        }
    }

    private static Hashtable<String, Object> props(String ifname) {
        Hashtable<String, Object> p = new Hashtable<>();
        p.put("service.pid", "wpa4j.supplicant~1");
        p.put("ifname", ifname);
        return p;
    }
}
