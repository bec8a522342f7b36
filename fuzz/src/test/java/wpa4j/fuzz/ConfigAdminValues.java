package wpa4j.fuzz;

import java.util.Hashtable;
import java.util.List;
import java.util.Set;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;

/** Config Admin properties drawn by the fuzzer: known keys (and now and then another) with values of any type Config Admin carries. */
public final class ConfigAdminValues {
    private ConfigAdminValues() {}

    /** Keys that name files are left out: they read whatever path they are given, by design (the administrator's). */
    public static Hashtable<String, Object> draw(FuzzedDataProvider in, Set<String> keys) {
        List<String> usable = keys.stream().filter(k -> !k.endsWith("File")).sorted().toList();
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("ifname", "wlan0");
        int n = in.consumeInt(0, 12);
        for (int i = 0; i < n; i++) {
            String key = in.consumeInt(0, 9) == 0 ? in.consumeString(12) : in.pickValue(usable);
            if (key.endsWith("File")) {
                continue;
            }
            props.put(key, switch (in.consumeInt(0, 4)) {
                case 0 -> in.consumeInt();
                case 1 -> in.consumeBoolean();
                case 2 -> in.consumeLong();
                case 3 -> new String[] {in.consumeString(40), in.consumeString(40)};
                default -> in.consumeString(80);
            });
        }
        return props;
    }
}
