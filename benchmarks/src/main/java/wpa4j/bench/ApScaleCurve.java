package wpa4j.bench;

import java.awt.Color;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link ApScaleHarness} from 10 to 2007 stations, each point in a JVM of its own, cold (a gateway's first burst) and
 * warm (after a round of the same size): prints every run's report and draws time to all authorized and resident
 * memory against the station count as a PNG. Usage: ApScaleCurve [png path] [station counts, default 10,100,300,1000,2007]
 */
public final class ApScaleCurve {
    private static final Pattern FIGURES = Pattern.compile("figures: stations=(\\d+) authorized=(\\d+) seconds=([\\d.NaN]+) rssMb=(\\d+)");

    public static void main(String[] args) throws Exception {
        Path png = Path.of(args.length > 0 ? args[0] : "ap-scale.png");
        List<Integer> counts = new ArrayList<>();
        for (String n : (args.length > 1 ? args[1] : "10,100,300,1000,2007").split(",")) {
            counts.add(Integer.parseInt(n.trim()));
        }
        Map<String, List<double[]>> seconds = new HashMap<>();
        Map<String, List<double[]>> memory = new HashMap<>();
        for (String mode : List.of("cold", "warm")) {
            for (int n : counts) {
                Matcher m = run(n, mode.equals("warm") ? n : 0);
                if (m == null || Integer.parseInt(m.group(2)) != n) {
                    System.out.println("  (not all authorized: the point is left out of the plot)");
                    continue;
                }
                seconds.computeIfAbsent(mode, k -> new ArrayList<>()).add(new double[] {n, Double.parseDouble(m.group(3))});
                memory.computeIfAbsent(mode, k -> new ArrayList<>()).add(new double[] {n, Double.parseDouble(m.group(4))});
            }
        }
        Color cold = new Color(200, 60, 40);
        Color warm = new Color(40, 90, 200);
        Plot.write(png, List.of(
                new Plot.Chart("AP on the sim: all stations authorized", "stations (log scale)", "seconds after AP-ENABLED", true,
                        List.of(new Plot.Series("cold JVM", cold, seconds.getOrDefault("cold", List.of())),
                                new Plot.Series("warm (second round)", warm, seconds.getOrDefault("warm", List.of())))),
                new Plot.Chart("Resident memory at the end", "stations (log scale)", "MB", true,
                        List.of(new Plot.Series("cold JVM", cold, memory.getOrDefault("cold", List.of())),
                                new Plot.Series("warm (second round)", warm, memory.getOrDefault("warm", List.of()))))));
        System.out.println("plot: " + png.toAbsolutePath());
    }

    /** Runs the harness in a JVM of its own, echoing its report; the figures line, or null. */
    private static Matcher run(int n, int warmUp) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), ApScaleHarness.class.getName(),
                String.valueOf(n), "120", String.valueOf(warmUp)).redirectErrorStream(true).start();
        Matcher found = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                System.out.println(line);
                Matcher m = FIGURES.matcher(line);
                if (m.find()) {
                    found = m;
                }
            }
        }
        p.waitFor();
        return found;
    }
}
