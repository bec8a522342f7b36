package wpa4j.runtime.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Command-line entry of the toolkit: {@code wpa4j passphrase <ssid> [passphrase]}.
 *
 * <p>The JVM decodes {@code argv} with the platform charset, which loses octets that are not valid in it.
 * The {@code wpa4j} launcher script therefore passes every argument hex-encoded with
 * {@code -Dwpa4j.args=hex}, so SSIDs and passphrases arrive octet for octet.
 */
public final class Main {
    private Main() {}

    public static void main(String[] argv) throws IOException {
        System.exit(run(argv, System.out, System.err));
    }

    static int run(String[] argv, PrintStream out, PrintStream err) throws IOException {
        List<byte[]> args = decode(argv);
        if (args.isEmpty() || !"passphrase".equals(new String(args.get(0), Charset.defaultCharset()))) {
            err.println("usage: wpa4j passphrase <ssid> [passphrase]");
            return 2;
        }
        try {
            return PassphraseCommand.run(args.subList(1, args.size()), System.in, out, err);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static List<byte[]> decode(String[] argv) {
        boolean hex = "hex".equals(System.getProperty("wpa4j.args"));
        Charset platform = Charset.forName(System.getProperty("sun.jnu.encoding", Charset.defaultCharset().name()));
        List<byte[]> args = new ArrayList<>(argv.length);
        Arrays.stream(argv).forEach(a -> args.add(hex ? HexFormat.of().parseHex(a) : a.getBytes(platform)));
        return args;
    }
}
