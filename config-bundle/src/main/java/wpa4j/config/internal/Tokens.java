package wpa4j.config.internal;

import java.util.ArrayList;
import java.util.List;

/** Space- or tab-separated lists ({@code key_mgmt}, ciphers, frequencies), as both daemons split them. */
public final class Tokens {
    private Tokens() {}

    public static List<String> split(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
                i++;
            }
            int start = i;
            while (i < s.length() && s.charAt(i) != ' ' && s.charAt(i) != '\t') {
                i++;
            }
            if (i > start) {
                out.add(s.substring(start, i));
            }
        }
        return out;
    }
}
