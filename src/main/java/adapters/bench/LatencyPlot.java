package adapters.bench;

import java.util.Map;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * A self-contained HTML page with one inline SVG: latency (log scale) against percentile, spread as HdrHistogram's
 * plots do (x = log10 of 1/(1 - p)), one line per histogram. No script, no network.
 */
final class LatencyPlot {
    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#17becf"};
    private static final int WIDTH = 900;
    private static final int HEIGHT = 480;
    private static final int LEFT = 70;
    private static final int BOTTOM = 40;
    private static final double MAX_X = 5; // 99.999th percentile
    private static final double MIN_Y = -2; // 0.01 ms
    private static final double MAX_Y = 5; // 100 s

    private LatencyPlot() {
    }

    static String page(String title, Machine machine, Map<String, Histogram> histograms) {
        StringBuilder svg = new StringBuilder("<svg xmlns='http://www.w3.org/2000/svg' width='" + WIDTH + "' height='"
                + HEIGHT + "' font-family='sans-serif' font-size='12'>");
        axes(svg);
        int line = 0;
        for (Map.Entry<String, Histogram> entry : histograms.entrySet()) {
            String colour = COLOURS[line % COLOURS.length];
            svg.append("<polyline fill='none' stroke-width='2' stroke='").append(colour).append("' points='")
                    .append(points(entry.getValue())).append("'/>");
            svg.append("<text x='").append(LEFT + 10).append("' y='").append(20 + 16 * line).append("' fill='")
                    .append(colour).append("'>").append(escape(entry.getKey())).append(" (")
                    .append(Row.format(entry.getValue().getTotalCount())).append(")</text>");
            line++;
        }
        svg.append("</svg>");
        return "<!DOCTYPE html><html><head><meta charset='utf-8'><title>" + escape(title) + "</title></head><body>"
                + "<h1>" + escape(title) + "</h1><p>" + machine.processors() + " cores, " + escape(machine.runtime())
                + ", load average " + escape(machine.loadAverage()) + " at start</p>" + svg + "</body></html>\n";
    }

    private static String points(Histogram histogram) {
        StringBuilder points = new StringBuilder();
        for (HistogramIterationValue value : histogram.percentiles(5)) {
            double x = Math.min(MAX_X, Math.log10(1 / Math.max(1e-9, 1 - value.getPercentileLevelIteratedTo() / 100)));
            double millis = Math.max(Math.pow(10, MIN_Y), value.getValueIteratedTo() / 1e6);
            points.append(String.format("%.1f,%.1f ", px(x), py(Math.log10(millis))));
        }
        return points.toString();
    }

    private static void axes(StringBuilder svg) {
        svg.append("<rect x='").append(LEFT).append("' y='0' width='").append(WIDTH - LEFT - 10).append("' height='")
                .append(HEIGHT - BOTTOM).append("' fill='none' stroke='#999'/>");
        String[] percentiles = {"0%", "90%", "99%", "99.9%", "99.99%", "99.999%"};
        for (int x = 0; x <= MAX_X; x++) {
            svg.append(String.format("<line x1='%.1f' x2='%.1f' y1='0' y2='%d' stroke='#eee'/>", px(x), px(x), HEIGHT - BOTTOM));
            svg.append(String.format("<text x='%.1f' y='%d' text-anchor='middle'>%s</text>", px(x), HEIGHT - BOTTOM + 16,
                    percentiles[x]));
        }
        for (int y = (int) MIN_Y; y <= MAX_Y; y++) {
            svg.append(String.format("<line x1='%d' x2='%d' y1='%.1f' y2='%.1f' stroke='#eee'/>", LEFT, WIDTH - 10, py(y), py(y)));
            svg.append(String.format("<text x='%d' y='%.1f' text-anchor='end'>%s ms</text>", LEFT - 4, py(y) + 4,
                    Row.format(Math.pow(10, y)).replace("0.10", "0.1")));
        }
        svg.append(String.format("<text x='%d' y='%d' text-anchor='middle'>percentile</text>", (WIDTH + LEFT) / 2, HEIGHT - 4));
    }

    private static double px(double x) {
        return LEFT + x / MAX_X * (WIDTH - LEFT - 10);
    }

    private static double py(double log10Millis) {
        return (HEIGHT - BOTTOM) * (1 - (log10Millis - MIN_Y) / (MAX_Y - MIN_Y));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
