package wpa4j.shell;

/**
 * Values pasted into OSGi filters (Config Admin's {@code listConfigurations}, service lookups).
 *
 * <p>The OSGi filter syntax (Core specification 3.2.7, the string form of RFC 1960) escapes {@code \}, {@code *},
 * {@code (} and {@code )} with a preceding backslash. RFC 4515's hex form ({@code \2a}) is not part of it:
 * OSGi's parser reads {@code \2a} as the two characters {@code 2a}, so that form would never match the value
 * it was meant to (FiltersTest checks both against the framework's own filter parser). NUL needs no escape
 * in an OSGi filter; interface names cannot contain one anyway.
 */
final class Filters {
    private Filters() {}

    /** {@code value} as a literal in an OSGi filter: {@code \ * ( )} escaped with a backslash, so it matches only itself. */
    static String escape(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == '*' || c == '(' || c == ')') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
