package wpa4j.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

/** Line charts as PNG, drawn with the JDK alone (headless AWT): what a harness measured, for a reader to look at. */
final class Plot {
    /** One line of a chart: its name, colour and points (x, y). */
    record Series(String name, Color color, List<double[]> points) { }

    /** One chart: its title, axis names, whether x is logarithmic, its lines, and where x is marked (null: at the first line's points). */
    record Chart(String title, String xLabel, String yLabel, boolean logX, List<Series> series, List<Double> xTicks) {
        Chart(String title, String xLabel, String yLabel, boolean logX, List<Series> series) {
            this(title, xLabel, yLabel, logX, series, null);
        }

        List<Double> ticks() {
            return xTicks != null ? xTicks : series.get(0).points().stream().map(p -> p[0]).toList();
        }
    }

    /**
     * A chart of how values are distributed, one line per sample set (its values sorted, each at the share of the set
     * at or below it, in percent), x marked at 0 and five even steps up to a round ceiling.
     */
    static Chart distribution(String title, String xLabel, List<String> names, List<Color> colors, List<List<Double>> samples) {
        double max = samples.stream().flatMap(List::stream).mapToDouble(Double::doubleValue).max().orElse(1);
        double top = niceCeiling(max);
        List<Double> ticks = java.util.stream.IntStream.rangeClosed(0, 5).mapToObj(k -> top * k / 5).toList();
        List<Series> series = new java.util.ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            List<Double> sorted = samples.get(i).stream().sorted().toList();
            List<double[]> points = new java.util.ArrayList<>();
            for (int k = 0; k < sorted.size(); k++) {
                points.add(new double[] {sorted.get(k), 100.0 * (k + 1) / sorted.size()});
            }
            series.add(new Series(names.get(i), colors.get(i), points));
        }
        return new Chart(title, xLabel, "% of runs at or below", false, series, ticks);
    }

    private static final int W = 520;
    private static final int H = 380;
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 40;
    private static final int BOTTOM = 60;

    private Plot() { }

    /** Draws the charts side by side into {@code png}. */
    static void write(Path png, List<Chart> charts) throws IOException {
        System.setProperty("java.awt.headless", "true");
        BufferedImage img = new BufferedImage(W * charts.size(), H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        for (int i = 0; i < charts.size(); i++) {
            Graphics2D panel = (Graphics2D) g.create(i * W, 0, W, H);
            draw(panel, charts.get(i));
            panel.dispose();
        }
        g.dispose();
        ImageIO.write(img, "png", png.toFile());
    }

    private static void draw(Graphics2D g, Chart c) {
        double xMin = Double.MAX_VALUE;
        double xMax = -Double.MAX_VALUE;
        double yMax = 0;
        for (Series s : c.series()) {
            for (double[] p : s.points()) {
                xMin = Math.min(xMin, p[0]);
                xMax = Math.max(xMax, p[0]);
                yMax = Math.max(yMax, p[1]);
            }
        }
        for (double x : c.ticks()) {
            xMin = Math.min(xMin, x);
            xMax = Math.max(xMax, x);
        }
        double yTop = niceCeiling(yMax);
        int pw = W - LEFT - RIGHT;
        int ph = H - TOP - BOTTOM;
        double lo = c.logX() ? Math.log10(xMin) : xMin;
        double hi = c.logX() ? Math.log10(xMax) : xMax;
        java.util.function.DoubleUnaryOperator sx = x -> LEFT + pw * ((c.logX() ? Math.log10(x) : x) - lo) / Math.max(1e-9, hi - lo);
        java.util.function.DoubleUnaryOperator sy = y -> TOP + ph - ph * y / yTop;
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.setColor(Color.BLACK);
        g.drawString(c.title(), LEFT, 24);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (int k = 0; k <= 5; k++) {
            double y = yTop * k / 5;
            int py = (int) sy.applyAsDouble(y);
            g.setColor(new Color(225, 225, 225));
            g.drawLine(LEFT, py, LEFT + pw, py);
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.format(Locale.ROOT, yTop >= 10 ? "%.0f" : "%.1f", y), 8, py + 4);
        }
        for (double x : c.ticks()) {
            int px = (int) sx.applyAsDouble(x);
            g.setColor(new Color(225, 225, 225));
            g.drawLine(px, TOP, px, TOP + ph);
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.format(Locale.ROOT, "%.0f", x), px - 10, TOP + ph + 16);
        }
        g.setColor(Color.BLACK);
        g.drawRect(LEFT, TOP, pw, ph);
        g.drawString(c.xLabel(), LEFT + pw / 2 - 40, H - 28);
        g.drawString(c.yLabel(), LEFT, TOP - 6);
        int legend = 0;
        for (Series s : c.series()) {
            g.setColor(s.color());
            g.setStroke(new BasicStroke(2f));
            int[] xs = s.points().stream().mapToInt(p -> (int) sx.applyAsDouble(p[0])).toArray();
            int[] ys = s.points().stream().mapToInt(p -> (int) sy.applyAsDouble(p[1])).toArray();
            g.drawPolyline(xs, ys, xs.length);
            for (int i = 0; i < xs.length; i++) {
                g.fillOval(xs[i] - 3, ys[i] - 3, 7, 7);
            }
            g.drawLine(LEFT + 10 + legend * 160, H - 10, LEFT + 30 + legend * 160, H - 10);
            g.drawString(s.name(), LEFT + 35 + legend * 160, H - 6);
            legend++;
        }
    }

    /** 1, 2 or 5 times a power of ten, at or above {@code v}. */
    private static double niceCeiling(double v) {
        if (v <= 0) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * p >= v) {
                return m * p;
            }
        }
        return 10 * p;
    }
}
