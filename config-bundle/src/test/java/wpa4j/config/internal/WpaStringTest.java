package wpa4j.config.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import wpa4j.config.StringCodec;
import wpa4j.config.text.Hex;
import wpa4j.config.text.Octets;
import wpa4j.config.text.WpaString;
import wpa4j.driver.types.Bytes;

class WpaStringTest {
    static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static String reason(String value) {
        return assertThrows(IllegalArgumentException.class, () -> WpaString.decode(value)).getMessage();
    }

    @Test
    void quotedIsLiteralUpToTheLastQuote() {
        assertArrayEquals(b("home"), WpaString.decode("\"home\""));
        assertArrayEquals(b("a\"b"), WpaString.decode("\"a\"b\""));
        assertArrayEquals(b("\\x41"), WpaString.decode("\"\\x41\""), "no escapes in the plain quoted form");
        assertArrayEquals(new byte[0], WpaString.decode("\"\""));
        assertEquals(WpaString.NO_CLOSING_QUOTE, reason("\"home"));
        assertEquals(WpaString.TEXT_AFTER_QUOTE, reason("\"home\"x"));
    }

    @Test
    void printfFormDecodesEscapes() {
        assertArrayEquals(new byte[] {'c', 'a', 'f', (byte) 0xc3, (byte) 0xa9, (byte) 0xff}, WpaString.decode("P\"caf\\xc3\\xa9\\xff\""));
        assertArrayEquals(b("\\\"\n\r\t\u001b"), WpaString.decode("P\"\\\\\\\"\\n\\r\\t\\e\""));
        assertArrayEquals(new byte[] {0, 'a'}, WpaString.decode("P\"\\x00a\""));
        assertArrayEquals(new byte[] {'A', 8}, WpaString.decode("P\"\\101\\10\""), "octal as printf_decode");
        assertArrayEquals(new byte[] {0xa, 'g'}, WpaString.decode("P\"\\xag\""), "one hex digit");
        assertArrayEquals(b("q"), WpaString.decode("P\"\\q\""), "unknown escape drops the backslash");
        assertEquals(WpaString.NO_CLOSING_QUOTE, reason("P\"abc"));
        assertEquals(WpaString.TEXT_AFTER_QUOTE, reason("P\"abc\"d"));
    }

    @Test
    void hexNeedsPairs() {
        assertArrayEquals(new byte[] {'a', 0, 'b'}, WpaString.decode("610062"));
        assertArrayEquals(new byte[] {(byte) 0xAB}, WpaString.decode("Ab"));
        assertArrayEquals(new byte[0], WpaString.decode(""));
        assertEquals(WpaString.ODD_HEX, reason("61006"));
        assertEquals(WpaString.NOT_HEX, reason("MyNet"));
    }

    @Test
    void encodeAsWpaSupplicantWrites() {
        assertEquals("\"home\"", WpaString.encode(b("home")));
        assertEquals("\"a\"b\"", WpaString.encode(b("a\"b")), "a quote is printable: written raw");
        assertEquals("610062", WpaString.encode(new byte[] {'a', 0, 'b'}));
        assertEquals("636166c3a9", WpaString.encode(b("caf\u00c3\u00a9")));
        assertEquals("\"\"", WpaString.encode(new byte[0]));
        assertEquals("caf\\xc3\\xa9\\\"\\\\\\e\\n", WpaString.printable(b("caf\u00c3\u00a9\"\\\u001b\n")));
    }

    @Test
    void publicCodecTakesTextAsUtf8() {
        assertEquals(Bytes.of(new byte[] {'c', 'a', 'f', (byte) 0xc3, (byte) 0xa9}), StringCodec.decode("\"caf\u00e9\""));
        assertEquals("636166c3a9", StringCodec.encode(StringCodec.decode("\"caf\u00e9\"")));
        assertEquals("caf\\xc3\\xa9", StringCodec.printable(StringCodec.decode("P\"caf\\xc3\\xa9\"")));
    }

    @Test
    void commentRuleOfWpaConfigGetLine() {
        assertEquals("ssid=\"a#b\"", LineReader.wpaSupplicantContent("  ssid=\"a#b\"   # comment\r"));
        assertEquals("ssid=\"a\"", LineReader.wpaSupplicantContent("ssid=\"a\"#b\""), "a quote pair, then '#': a comment");
        assertEquals("priority=5", LineReader.wpaSupplicantContent("\tpriority=5 # x"));
        assertNull(LineReader.wpaSupplicantContent("   # only a comment"));
        assertNull(LineReader.wpaSupplicantContent(" \t\r"));
        assertEquals("psk=\"pa", LineReader.wpaSupplicantContent("psk=\"pa#ss"), "unclosed quote: the # still starts a comment, as in C");
    }

    @Test
    void numbersAsStrtolBaseZero() {
        assertEquals(16L, Numbers.strtol("0x10"));
        assertEquals(8L, Numbers.strtol("010"));
        assertEquals(-5L, Numbers.strtol(" -5"));
        assertNull(Numbers.strtol("08"));
        assertNull(Numbers.strtol(""));
        assertNull(Numbers.strtol("5x"));
        assertNull(Numbers.strtol("0x"));
        assertEquals(Long.MAX_VALUE, Numbers.strtol("99999999999999999999999"));
        assertEquals(6L, Numbers.decimal("6 "));
        assertNull(Numbers.decimal("6x"));
        assertNull(Numbers.decimal("0x10"));
    }
}
