package wpa4j.runtime.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import wpa4j.common.crypto.Pbkdf2;

/**
 * {@code wpa4j passphrase <ssid> [passphrase]}: behaves as Debian's {@code wpa_passphrase} (hostap 2.10)
 * does, octet for octet: same output, messages, streams and exit codes. Arguments are raw octets (an SSID
 * need not be UTF-8). Without a passphrase argument it reads one line of at most 63 octets from stdin,
 * cut at the first CR or LF, as the original's {@code fgets} into a 64-octet buffer does.
 */
public final class PassphraseCommand {
    static final String USAGE = "usage: wpa_passphrase <ssid> [passphrase]\n\nIf passphrase is left out, it will be read from stdin\n";

    private PassphraseCommand() {}

    public static int run(List<byte[]> args, InputStream stdin, OutputStream stdout, OutputStream stderr) throws IOException {
        if (args.isEmpty()) {
            stdout.write(USAGE.getBytes(StandardCharsets.US_ASCII));
            return 1;
        }
        byte[] ssid = cString(args.get(0));
        byte[] passphrase;
        if (args.size() > 1) {
            passphrase = cString(args.get(1));
        } else {
            stderr.write("# reading passphrase from stdin\n".getBytes(StandardCharsets.US_ASCII));
            stderr.flush();
            passphrase = readLine(stdin);
            if (passphrase == null) {
                stderr.write("Failed to read passphrase\n".getBytes(StandardCharsets.US_ASCII));
                return 1;
            }
        }
        try {
            if (passphrase.length < 8 || passphrase.length > 63) {
                stderr.write("Passphrase must be 8..63 characters\n".getBytes(StandardCharsets.US_ASCII));
                return 1;
            }
            for (byte b : passphrase) {
                if ((b & 0xff) < 32 || b == 127) {
                    stderr.write("Invalid passphrase character\n".getBytes(StandardCharsets.US_ASCII));
                    return 1;
                }
            }
            byte[] psk = Pbkdf2.hmacSha1(passphrase, ssid, 4096, 32);
            try {
                stdout.write("network={\n\tssid=\"".getBytes(StandardCharsets.US_ASCII));
                stdout.write(ssid);
                stdout.write("\"\n\t#psk=\"".getBytes(StandardCharsets.US_ASCII));
                stdout.write(passphrase);
                stdout.write(("\"\n\tpsk=" + HexFormat.of().formatHex(psk) + "\n}\n").getBytes(StandardCharsets.US_ASCII));
            } finally {
                Arrays.fill(psk, (byte) 0);
            }
            return 0;
        } finally {
            Arrays.fill(passphrase, (byte) 0);
        }
    }

    /** C strings end at the first NUL. */
    private static byte[] cString(byte[] arg) {
        for (int i = 0; i < arg.length; i++) {
            if (arg[i] == 0) {
                return Arrays.copyOf(arg, i);
            }
        }
        return arg.clone();
    }

    /**
     * {@code fgets(buf, 64, stdin)} then cut at the first CR or LF (and, as a C string, at a NUL):
     * {@code null} when end of input comes before any octet.
     */
    private static byte[] readLine(InputStream in) throws IOException {
        byte[] buf = new byte[63];
        int n = 0;
        while (n < buf.length) {
            int c = in.read();
            if (c < 0) {
                if (n == 0) {
                    return null;
                }
                break;
            }
            buf[n++] = (byte) c;
            if (c == '\n') {
                break;
            }
        }
        int end = 0;
        while (end < n && buf[end] != '\r' && buf[end] != '\n' && buf[end] != 0) {
            end++;
        }
        byte[] line = Arrays.copyOf(buf, end);
        Arrays.fill(buf, (byte) 0);
        return line;
    }
}
