package org.muster.app.internal.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler.LegendLayout;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.muster.models.api.ShrinkageRow;
import org.muster.models.api.ShrinkageTable;

/** The report's charts, built with XChart in one house style: white, light grid, one colour per chain. */
final class Charts {

    /** Colours of chains 1, 2, ...: the Okabe–Ito palette, told apart with any colour vision; cycled. */
    static final Color[] CHAIN_COLORS = {new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73),
        new Color(0xCC79A7), new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000), new Color(0x999999)};

    static final int SMALL_WIDTH = 380;
    static final int TRACE_WIDTH = 560;
    static final int HEIGHT = 250;
    static final int SHRINKAGE_WIDTH = 1100;
    static final int SHRINKAGE_HEIGHT = 440;

    /** More draws per chain than this are thinned for the trace by keeping each bucket's lowest and highest draw. */
    static final int MAX_TRACE_POINTS = 1000;

    /** Bins of the rank histogram, as bayesplot's {@code mcmc_rank_overlay}. */
    static final int RANK_BINS = 20;

    static final int DENSITY_POINTS = 200;

    private static final Color GRID = new Color(0xE3E3E3);
    private static final Color AXIS = new Color(0x666666);
    private static final Color REFERENCE = new Color(0x555555);
    private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 13);
    private static final Font AXIS_TITLE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final BasicStroke DASHED = new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10,
            new float[] {5, 4}, 0);

    private Charts() {
    }

    static Color chainColor(int chain) {
        return CHAIN_COLORS[chain % CHAIN_COLORS.length];
    }

    /**
     * Trace plot: each chain's sampling draws against iteration.
     *
     * @param chains {@code [chain][iteration]}, not modified
     */
    static XYChart trace(String variable, double[][] chains) {
        XYChart chart = chart(TRACE_WIDTH, HEIGHT, variable + ": trace", "iteration (after warmup)", variable);
        roundTicks(chart, 1, chains[0].length, chains[0][0]);
        for (int c = 0; c < chains.length; c++) {
            double[][] points = thin(chains[c], MAX_TRACE_POINTS);
            XYSeries series = chart.addSeries("chain " + (c + 1), points[0], points[1]);
            series.setMarker(SeriesMarkers.NONE);
            series.setLineColor(translucent(chainColor(c), 0.75));
            series.setLineWidth(0.8f);
        }
        double span = 0;
        for (double[] chain : chains) {
            span = Math.max(span, span(chain));
        }
        chart.getStyler().setXAxisMin(1.0).setXAxisMax((double) chains[0].length).setXAxisDecimalPattern("#0")
                .setYAxisDecimalPattern(decimalPattern(span));
        return chart;
    }

    /** Rank plot: per chain, the number of draws whose pooled rank falls in each bin, as a step line. */
    static XYChart rank(String variable, RankHistogram histogram) {
        XYChart chart = chart(SMALL_WIDTH, HEIGHT, variable + ": rank histogram", "rank of draw among all chains",
                "draws per bin");
        roundTicks(chart, 0, histogram.ranks(), histogram.expected());
        int[][] counts = histogram.counts();
        double width = (double) histogram.ranks() / histogram.bins();
        double highest = histogram.expected();
        for (int c = 0; c < counts.length; c++) {
            double[] x = new double[2 * counts[c].length];
            double[] y = new double[x.length];
            for (int b = 0; b < counts[c].length; b++) {
                x[2 * b] = b * width;
                x[2 * b + 1] = (b + 1) * width;
                y[2 * b] = counts[c][b];
                y[2 * b + 1] = counts[c][b];
                highest = Math.max(highest, counts[c][b]);
            }
            XYSeries series = chart.addSeries("chain " + (c + 1), x, y);
            series.setMarker(SeriesMarkers.NONE);
            series.setLineColor(chainColor(c));
            series.setLineWidth(1.3f);
        }
        XYSeries uniform = chart.addSeries("uniform", new double[] {0, histogram.ranks()},
                new double[] {histogram.expected(), histogram.expected()});
        styleReference(uniform);
        chart.getStyler().setXAxisMin(0.0).setXAxisMax((double) histogram.ranks()).setYAxisMin(0.0)
                .setYAxisMax(Math.ceil(highest * 1.15)).setXAxisDecimalPattern("#0").setYAxisDecimalPattern("#0")
                .setXAxisTickMarkSpacingHint(80);
        return chart;
    }

    /** Posterior density: a kernel density estimate of all chains' draws, with the 5% and 95% quantiles dashed. */
    static XYChart density(String variable, KernelDensity density, double q5, double q95) {
        XYChart chart = chart(SMALL_WIDTH, HEIGHT, variable + ": posterior density", variable, "density");
        double[] x = density.x();
        double[] y = density.density();
        double top = 0;
        for (double value : y) {
            top = Double.isFinite(value) ? Math.max(top, value) : top;
        }
        if (!(top > 0)) {
            // A point mass: a spike of unit height at the value.
            top = 1;
            x = new double[] {x[0], x[0]};
            y = new double[] {0, 1};
        }
        roundTicks(chart, x[0], x[x.length - 1], 0);
        XYSeries curve = chart.addSeries("density", x, y);
        curve.setMarker(SeriesMarkers.NONE);
        curve.setLineColor(new Color(0x0072B2));
        curve.setLineWidth(1.8f);
        double[] quantiles = {q5, q95};
        for (int i = 0; i < quantiles.length; i++) {
            if (Double.isFinite(quantiles[i])) {
                XYSeries line = chart.addSeries(i == 0 ? "5%" : "95%", new double[] {quantiles[i], quantiles[i]},
                        new double[] {0, top * 1.05});
                styleReference(line);
            }
        }
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(top * 1.1).setYAxisDecimalPattern(decimalPattern(top))
                .setXAxisDecimalPattern(decimalPattern(x[x.length - 1] - x[0]));
        return chart;
    }

    /**
     * The Efron–Morris picture of partial pooling: units ordered by their raw estimate; for each, the raw
     * estimate, a line to its posterior mean and the posterior 90% interval there; the population mean dashed
     * across.
     */
    static XYChart shrinkage(ShrinkageTable table, String rawDescription) {
        List<ShrinkageRow> rows = plotOrder(table);
        int units = rows.size();
        String variable = rows.isEmpty() ? "" : baseName(rows.get(0).variable());
        XYChart chart = chart(SHRINKAGE_WIDTH, SHRINKAGE_HEIGHT,
                "Shrinkage: raw estimates (" + rawDescription + ") pulled toward the population",
                "unit, numbered by raw estimate (1 = lowest)",
                variable);
        if (units > 0) {
            roundTicks(chart, 0, units + 1.0, rows.get(0).mean());
        }
        double offset = 0.18;
        List<Double> intervalX = new ArrayList<>();
        List<Double> intervalY = new ArrayList<>();
        List<Double> moveX = new ArrayList<>();
        List<Double> moveY = new ArrayList<>();
        List<Double> rawX = new ArrayList<>();
        List<Double> rawY = new ArrayList<>();
        double[] meanX = new double[units];
        double[] meanY = new double[units];
        for (int j = 0; j < units; j++) {
            ShrinkageRow row = rows.get(j);
            double position = j + 1;
            meanX[j] = position + offset;
            meanY[j] = row.mean();
            addSegment(intervalX, intervalY, position + offset, row.q5(), position + offset, row.q95());
            if (Double.isFinite(row.raw())) {
                rawX.add(position - offset);
                rawY.add(row.raw());
                addSegment(moveX, moveY, position - offset, row.raw(), position + offset, row.mean());
            }
        }
        if (!intervalX.isEmpty()) {
            XYSeries interval = chart.addSeries("90% posterior interval", intervalX, intervalY);
            interval.setMarker(SeriesMarkers.NONE);
            interval.setLineColor(new Color(0x9ECAE9));
            interval.setLineWidth(units > 40 ? 2.5f : 4f);
        }
        if (!moveX.isEmpty()) {
            XYSeries move = chart.addSeries("raw \u2192 posterior mean", moveX, moveY);
            move.setMarker(SeriesMarkers.NONE);
            move.setLineColor(new Color(0x888888));
            move.setLineWidth(1f);
        }
        if (!rawX.isEmpty()) {
            XYSeries raw = chart.addSeries("raw estimate (" + rawDescription + ")", rawX, rawY);
            raw.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
            raw.setMarker(SeriesMarkers.DIAMOND);
            raw.setMarkerColor(new Color(0xD55E00));
        }
        XYSeries mean = chart.addSeries("posterior mean", meanX, meanY);
        mean.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
        mean.setMarker(SeriesMarkers.CIRCLE);
        mean.setMarkerColor(new Color(0x0072B2));
        Optional<String> population = table.populationVariable();
        double populationMean = rows.isEmpty() ? Double.NaN : rows.get(0).populationMean();
        if (population.isPresent() && Double.isFinite(populationMean)) {
            XYSeries pooled = chart.addSeries(String.format(Locale.ROOT, "population: %s = %s", population.get(),
                    ReportHtml.number(populationMean)), new double[] {0.5, units + 0.5},
                    new double[] {populationMean, populationMean});
            styleReference(pooled);
            pooled.setShowInLegend(true);
        }
        XYStyler styler = chart.getStyler();
        styler.setLegendVisible(true);
        styler.setLegendPosition(LegendPosition.OutsideS);
        styler.setLegendLayout(LegendLayout.Horizontal);
        styler.setLegendBorderColor(Color.WHITE);
        styler.setMarkerSize(units > 40 ? 5 : 8);
        // Positions are numbered; the page lists the units in this order (unit labels as tick labels would
        // need XChart to place a tick at every unit, which its tick search does not promise).
        styler.setXAxisMin(0.0).setXAxisMax(units + 1.0);
        styler.setXAxisDecimalPattern("#0");
        double[] values = new double[4 * units];
        for (int j = 0; j < units; j++) {
            values[4 * j] = rows.get(j).raw();
            values[4 * j + 1] = rows.get(j).q5();
            values[4 * j + 2] = rows.get(j).q95();
            values[4 * j + 3] = rows.get(j).mean();
        }
        double[] range = finiteRange(values);
        double low = range[0];
        double high = range[1];
        if (Double.isFinite(populationMean)) {
            low = Math.min(low, populationMean);
            high = Math.max(high, populationMean);
        }
        if (high > low) {
            // A margin so the markers at the extremes are not cut in half by the plot's edge.
            double margin = 0.04 * (high - low);
            styler.setYAxisMin(low - margin).setYAxisMax(high + margin);
        }
        styler.setYAxisDecimalPattern(decimalPattern(high - low));
        return chart;
    }

    /** The units in the order the shrinkage figure numbers them: by raw estimate, units without one last. */
    static List<ShrinkageRow> plotOrder(ShrinkageTable table) {
        List<ShrinkageRow> rows = new ArrayList<>(table.rows());
        rows.sort(Comparator.comparingDouble((ShrinkageRow r) -> Double.isNaN(r.raw()) ? Double.POSITIVE_INFINITY
                : r.raw()));
        return rows;
    }

    /**
     * A tick-label pattern for an axis spanning {@code span}: enough decimals for steps a tenth of the span,
     * and a zero before the decimal point (XChart's own choice writes {@code .05}).
     */
    static String decimalPattern(double span) {
        if (!(span > 0) || !Double.isFinite(span)) {
            return "#0.###";
        }
        int decimals = Math.max(1, 2 - (int) Math.floor(Math.log10(span)));
        return "#0." + "#".repeat(decimals);
    }

    private static double span(double[] values) {
        double[] range = finiteRange(values);
        return range[1] - range[0];
    }

    /** The smallest and largest finite values; +inf and -inf when there are none. */
    private static double[] finiteRange(double[] values) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (double value : values) {
            if (Double.isFinite(value)) {
                low = Math.min(low, value);
                high = Math.max(high, value);
            }
        }
        return new double[] {low, high};
    }

    private static void addSegment(List<Double> x, List<Double> y, double x1, double y1, double x2, double y2) {
        if (!Double.isFinite(y1) || !Double.isFinite(y2)) {
            return;
        }
        if (!x.isEmpty()) {
            // A null point breaks the line, so one series draws many separate segments.
            x.add(x1);
            y.add(null);
        }
        x.add(x1);
        y.add(y1);
        x.add(x2);
        y.add(y2);
    }

    private static String baseName(String member) {
        int bracket = member.indexOf('[');
        return bracket < 0 ? member : member.substring(0, bracket);
    }

    /**
     * Makes XChart put x ticks at round numbers. When the x values of all series, in order of first appearance,
     * are evenly spaced (iterations 1..n, a density's grid), XChart instead puts ticks only at data values,
     * formatting every value again for each candidate spacing: slow for 1000 draws, and ticks at 1, 201, 401.
     * A disabled series whose x values come in decreasing order breaks the even spacing; it draws nothing.
     * It must be the chart's first series.
     */
    private static void roundTicks(XYChart chart, double low, double high, double y) {
        if (high > low) {
            // Its y value is one the chart shows anyway, in case a disabled series still counts for the range.
            XYSeries spacing = chart.addSeries(" ticks", new double[] {high, low}, new double[] {y, y});
            spacing.setEnabled(false);
            spacing.setShowInLegend(false);
        }
    }

    static void styleReference(XYSeries series) {
        series.setMarker(SeriesMarkers.NONE);
        series.setLineColor(REFERENCE);
        series.setLineStyle(DASHED);
        series.setShowInLegend(false);
    }

    private static Color translucent(Color color, double alpha) {
        return new Color(color.getRed(), color.getGreen(), color.getBlue(), (int) Math.round(255 * alpha));
    }

    static XYChart chart(int width, int height, String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        XYStyler styler = chart.getStyler();
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderColor(AXIS);
        styler.setPlotGridLinesColor(GRID);
        styler.setPlotGridLinesStroke(new BasicStroke(0.7f));
        styler.setAxisTickMarksColor(AXIS);
        styler.setChartTitleFont(TITLE_FONT);
        styler.setChartTitleBoxVisible(false);
        styler.setAxisTitleFont(AXIS_TITLE_FONT);
        styler.setAxisTickLabelsFont(TICK_FONT);
        styler.setLegendVisible(false);
        styler.setToolTipsEnabled(false);
        // Axis lines on the left and at the bottom only: XChart's plot border would draw a second line beside
        // each of them, a few pixels off.
        styler.setPlotBorderVisible(false);
        styler.setChartPadding(8);
        styler.setPlotContentSize(0.96);
        styler.setLocale(Locale.ROOT);
        styler.setDefaultSeriesRenderStyle(XYSeriesRenderStyle.Line);
        return chart;
    }

    /**
     * A trace of at most {@code maxPoints} points: all draws if they fit, else each of {@code maxPoints / 2}
     * buckets of consecutive draws keeps its lowest and highest draw in iteration order, so the envelope of the
     * trace and its excursions survive.
     *
     * @param draws not modified
     * @return {@code {iterations (1-based), values}}
     */
    static double[][] thin(double[] draws, int maxPoints) {
        int n = draws.length;
        if (n <= maxPoints) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = i + 1;
            }
            return new double[][] {x, draws.clone()};
        }
        int buckets = maxPoints / 2;
        double[] x = new double[2 * buckets];
        double[] y = new double[2 * buckets];
        for (int b = 0; b < buckets; b++) {
            int from = (int) ((long) b * n / buckets);
            int to = (int) ((long) (b + 1) * n / buckets);
            int low = from;
            int high = from;
            for (int i = from + 1; i < to; i++) {
                if (draws[i] < draws[low]) {
                    low = i;
                }
                if (draws[i] > draws[high]) {
                    high = i;
                }
            }
            int first = Math.min(low, high);
            int second = Math.max(low, high);
            x[2 * b] = first + 1;
            y[2 * b] = draws[first];
            x[2 * b + 1] = second + 1;
            y[2 * b + 1] = draws[second];
        }
        return new double[][] {x, Arrays.copyOf(y, y.length)};
    }
}
