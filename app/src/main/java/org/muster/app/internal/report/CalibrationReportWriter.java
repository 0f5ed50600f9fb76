package org.muster.app.internal.report;

import static org.muster.app.internal.report.ReportHtml.escape;

import java.awt.Color;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.muster.app.api.CalibrationVerdict;
import org.muster.app.api.FitSpec;
import org.muster.diagnostics.api.EcdfBand;
import org.muster.diagnostics.api.EcdfUniformity;

/**
 * Writes the {@code report.html} of {@code muster sbc}: one self-contained page (no network, no scripts,
 * charts inline as SVG, as the fit's report) with the run, a table of verdicts and, per parameter, its rank
 * histogram and its ECDF difference with the simultaneous band (Säilynoja et al. 2022). Every chart is a
 * {@code <figure class="plot" data-parameter="NAME" data-kind="KIND">} with kind {@code ranks} or
 * {@code ecdf}.
 */
public final class CalibrationReportWriter {

    /** The file name written into the output directory. */
    public static final String FILE_NAME = "report.html";

    private static final int WIDTH = 420;
    private static final int HEIGHT = 250;
    /** The normal quantile of the histogram's pointwise 99% interval. */
    private static final double Z_99 = 2.5758293035489004;
    private static final Color BARS = new Color(0x0072B2);
    private static final Color OUTSIDE = new Color(0xD55E00);
    private static final Color BAND = new Color(0x999999);

    /**
     * What the report shows.
     *
     * @param family the model family
     * @param spec the fits' spec
     * @param design where the design came from
     * @param simulations the simulations that gave ranks
     * @param failed the simulations that failed
     * @param alpha the chance of any false alarm over all parameters
     * @param verdicts one per parameter
     * @param arguments the command line
     */
    public record Input(String family, FitSpec spec, String design, int simulations, int failed, double alpha,
            List<CalibrationVerdict> verdicts, List<String> arguments) {
    }

    /** Charts are drawn off screen; without a display AWT must not try to open one. */
    public CalibrationReportWriter() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /** Writes the report into a directory, created if missing; returns the file. */
    public Path write(Path directory, Input input) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve(FILE_NAME);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(render(input));
        }
        return file;
    }

    String render(Input input) {
        StringBuilder page = new StringBuilder(1 << 18);
        page.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .append("<title>").append(escape("Muster calibration: " + input.family())).append("</title>\n")
                .append("<style>\n").append(ReportWriter.STYLE).append(STYLE).append("</style>\n</head>\n<body>\n");
        FitSpec spec = input.spec();
        double level = input.verdicts().isEmpty() ? 1 - input.alpha()
                : input.verdicts().get(0).ecdf().band().level();
        page.append("<header>\n<h1>").append(escape(input.family())).append(": simulation-based calibration</h1>\n")
                .append("<dl class=\"run\">\n");
        term(page, "method", spec.method() + (spec.methodOptions().isEmpty() ? "" : " " + spec.methodOptions()));
        term(page, "fits", spec.chains() + " chains x " + spec.draws() + " draws (" + spec.warmup() + " warmup), ranks among"
                + " draws thinned to about their effective sample size");
        term(page, "simulations", input.simulations() + " with ranks" + (input.failed() == 0 ? "" : ", " + input.failed()
                + " failed (errors.csv)"));
        term(page, "design", input.design());
        term(page, "seed", Long.toString(spec.seed()));
        term(page, "band", String.format(Locale.ROOT, "%s simultaneous ECDF band for each of %d parameters: all pass"
                + " together with probability %.0f%% when the method is calibrated", percent(level),
                input.verdicts().size(), 100 * (1 - input.alpha())));
        term(page, "command", String.join(" ", input.arguments()));
        page.append("</dl>\n</header>\n");
        long failing = input.verdicts().stream().filter(v -> !v.uniform()).count();
        page.append("<section>\n<h2>Verdicts</h2>\n");
        if (failing == 0) {
            page.append("<p class=\"ok\">Every parameter's ranks pass as uniform.</p>\n");
        } else {
            page.append("<ul class=\"warnings\"><li class=\"warning\">").append(failing).append(" of ")
                    .append(input.verdicts().size()).append(" parameters' ranks are not uniform: the method, the model's"
                            + " code or the simulator is miscalibrated there.</li></ul>\n");
        }
        page.append("<table class=\"summary\">\n<thead><tr><th scope=\"col\">variable</th><th>simulations</th>"
                + "<th>chi-square p</th><th>ECDF p</th><th>verdict</th></tr></thead>\n<tbody>\n");
        for (CalibrationVerdict verdict : input.verdicts()) {
            page.append("<tr><th scope=\"row\">").append(escape(verdict.variable())).append("</th><td>")
                    .append(verdict.simulations()).append("</td><td>").append(probability(verdict.histogram().pValue()))
                    .append("</td><td").append(verdict.uniform() ? "" : " class=\"flag\"").append('>')
                    .append(probability(verdict.ecdf().pValue())).append("</td><td class=\"label\">")
                    .append(escape(verdict.verdict())).append("</td></tr>\n");
        }
        page.append("</tbody>\n</table>\n</section>\n");
        page.append("<section>\n<h2>Ranks</h2>\n<p class=\"note\">Left: the histogram of the fractional ranks, with the"
                + " count each bin expects and its pointwise 99% interval. Right: the ECDF of the fractional ranks minus"
                + " the uniform CDF, inside its simultaneous band if the ranks are uniform. A hump above zero means ranks"
                + " too low (the posterior sits above the truth), below zero too high; a wave up then down means too many"
                + " extreme ranks (a posterior too narrow), down then up too few (too wide).</p>\n");
        int[] figureCount = {0};
        for (CalibrationVerdict verdict : input.verdicts()) {
            page.append("<h3>").append(escape(verdict.variable())).append("</h3>\n<div class=\"sbc\">\n");
            ReportWriter.figure(page, verdict.variable(), "ranks", histogram(verdict), "Rank histogram of "
                    + verdict.variable() + ", " + verdict.histogram().counts().length + " bins", figureCount);
            ReportWriter.figure(page, verdict.variable(), "ecdf", ecdfDifference(verdict), "ECDF difference of "
                    + verdict.variable() + " with its " + percent(verdict.ecdf().band().level()) + " band", figureCount);
            page.append("</div>\n");
        }
        page.append("</section>\n<footer>Muster: Talts et al. (2018) ranks; Säilynoja, Bürkner &amp; Vehtari (2022) bands."
                + "</footer>\n</body>\n</html>\n");
        return page.toString();
    }

    private static XYChart histogram(CalibrationVerdict verdict) {
        int[] counts = verdict.histogram().counts();
        int bins = counts.length;
        double expected = (double) verdict.simulations() / bins;
        double spread = Z_99 * Math.sqrt(expected * (1 - 1.0 / bins));
        XYChart chart = Charts.chart(WIDTH, HEIGHT, verdict.variable() + ": ranks", "fractional rank", "simulations");
        double[] x = new double[2 * bins + 2];
        double[] y = new double[x.length];
        double highest = expected + spread;
        for (int b = 0; b < bins; b++) {
            x[2 * b + 1] = (double) b / bins;
            x[2 * b + 2] = (b + 1.0) / bins;
            y[2 * b + 1] = counts[b];
            y[2 * b + 2] = counts[b];
            highest = Math.max(highest, counts[b]);
        }
        x[x.length - 1] = 1;
        XYSeries bars = chart.addSeries("counts", x, y);
        bars.setMarker(SeriesMarkers.NONE);
        bars.setLineColor(BARS);
        bars.setFillColor(new Color(0x0072B2 & 0xFFFFFF | 0x55000000, true));
        bars.setXYSeriesRenderStyle(org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Area);
        reference(chart, "expected", expected, BAND);
        reference(chart, "99% low", Math.max(0, expected - spread), BAND);
        reference(chart, "99% high", expected + spread, BAND);
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0.0).setYAxisMax(Math.ceil(highest * 1.15))
                .setXAxisDecimalPattern("0.0#").setYAxisDecimalPattern("#0");
        return chart;
    }

    private static XYChart ecdfDifference(CalibrationVerdict verdict) {
        EcdfUniformity ecdf = verdict.ecdf();
        EcdfBand band = ecdf.band();
        double[] z = band.z();
        double[] difference = ecdf.difference();
        int[] lower = band.lower();
        int[] upper = band.upper();
        int n = band.n();
        double[] x = new double[z.length + 2];
        double[] d = new double[x.length];
        double[] low = new double[x.length];
        double[] high = new double[x.length];
        x[x.length - 1] = 1;
        double extreme = 0;
        for (int i = 0; i < z.length; i++) {
            x[i + 1] = z[i];
            d[i + 1] = difference[i];
            low[i + 1] = (double) lower[i] / n - z[i];
            high[i + 1] = (double) upper[i] / n - z[i];
            extreme = Math.max(extreme, Math.max(Math.abs(d[i + 1]), Math.max(-low[i + 1], high[i + 1])));
        }
        XYChart chart = Charts.chart(WIDTH, HEIGHT, verdict.variable() + ": ECDF difference", "fractional rank",
                "ECDF - uniform");
        for (double[] bound : new double[][] {low, high}) {
            XYSeries series = chart.addSeries(bound == low ? "band low" : "band high", x, bound);
            series.setMarker(SeriesMarkers.NONE);
            series.setLineColor(BAND);
            series.setLineWidth(1.2f);
        }
        XYSeries line = chart.addSeries("ECDF difference", x, d);
        line.setMarker(SeriesMarkers.NONE);
        line.setLineColor(verdict.uniform() ? BARS : OUTSIDE);
        line.setLineWidth(1.8f);
        reference(chart, "zero", 0, BAND);
        double limit = Math.max(0.01, extreme * 1.1);
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(-limit).setYAxisMax(limit)
                .setXAxisDecimalPattern("0.0#").setYAxisDecimalPattern(Charts.decimalPattern(2 * limit));
        return chart;
    }

    private static void reference(XYChart chart, String name, double y, Color color) {
        XYSeries series = chart.addSeries(name, new double[] {0, 1}, new double[] {y, y});
        Charts.styleReference(series);
        series.setLineColor(color);
    }

    private static void term(StringBuilder page, String term, String value) {
        page.append("<dt>").append(escape(term)).append("</dt><dd>").append(escape(value)).append("</dd>\n");
    }

    private static String probability(double p) {
        return p < 0.001 ? "&lt; 0.001" : String.format(Locale.ROOT, "%.3f", p);
    }

    /** A level as a percentage with up to 4 decimals: {@code 99.7222%}. */
    public static String percent(double level) {
        String text = String.format(Locale.ROOT, "%.4f", 100 * level).replaceFirst("0+$", "").replaceFirst("\\.$", "");
        return text + "%";
    }

    private static final String STYLE = """
            div.sbc { display: grid; grid-template-columns: 1fr 1fr; gap: 8px; align-items: start; max-width: 900px; }
            """;
}
