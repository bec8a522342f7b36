package wpa4j.config.internal;

/**
 * A line with content, as a parser sees it after the dialect's comment and white-space rules.
 *
 * @param number 1-based physical line number
 * @param text   the content, an octet string
 */
public record ConfLine(int number, String text) {
}
