package wpa4j.config.internal;

/**
 * How a value may appear in a diagnostic: printable ASCII as written (quotes and backslashes too, so the
 * operator recognises the line), other octets as {@code \xNN}, cut short so a 1 MB line gives a one-line
 * message. Never used for secrets.
 */
public final class Show {
    static final int MAX = 64;

    private Show() {}

    /** An octet string, escaped and shortened. */
    public static String value(String octetString) {
        boolean cut = octetString.length() > MAX;
        String head = cut ? octetString.substring(0, MAX) : octetString;
        StringBuilder shown = new StringBuilder(head.length());
        for (int i = 0; i < head.length(); i++) {
            char c = head.charAt(i);
            if (c >= 32 && c <= 126) {
                shown.append(c);
            } else {
                shown.append(String.format("\\x%02x", (int) c));
            }
        }
        return cut ? shown + "... (" + octetString.length() + " octets)" : shown.toString();
    }
}
