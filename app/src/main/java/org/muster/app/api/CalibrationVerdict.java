package org.muster.app.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.muster.diagnostics.api.ChiSquareUniformity;
import org.muster.diagnostics.api.EcdfBand;
import org.muster.diagnostics.api.EcdfUniformity;

/**
 * Whether one parameter's ranks over the simulations of a calibration are uniform: the ECDF test with its
 * simultaneous band (Säilynoja, Bürkner &amp; Vehtari 2022) decides, the rank histogram's chi-square test
 * is reported beside it. Immutable.
 *
 * @param variable the parameter
 * @param simulations how many simulations gave it a rank
 * @param histogram the rank histogram and its chi-square test
 * @param ecdf the ECDF test
 */
public record CalibrationVerdict(String variable, int simulations, ChiSquareUniformity histogram, EcdfUniformity ecdf) {

    /** Whether the ranks pass as uniform: the ECDF stays inside its band. */
    public boolean uniform() {
        return ecdf.withinBand();
    }

    /**
     * The verdict in words: {@code uniform}, or what the shape of the ECDF says is wrong (ranks too low:
     * the posterior sits above the truth; too high: below it; too many extreme ranks: too narrow; too few:
     * too wide), as Talts et al. (2018) read rank histograms.
     */
    public String verdict() {
        if (uniform()) {
            return "uniform";
        }
        double[] difference = ecdf.difference();
        double firstHalf = 0;
        double secondHalf = 0;
        for (int i = 0; i < difference.length; i++) {
            if (2 * (i + 1) < ecdf.band().points()) {
                firstHalf += difference[i];
            } else if (2 * (i + 1) > ecdf.band().points()) {
                secondHalf += difference[i];
            }
        }
        String shape;
        if (firstHalf > 0 && secondHalf > 0) {
            shape = "ranks too low: the posterior tends to lie above the true value (biased up)";
        } else if (firstHalf < 0 && secondHalf < 0) {
            shape = "ranks too high: the posterior tends to lie below the true value (biased down)";
        } else if (firstHalf > 0) {
            shape = "too many extreme ranks: the posterior is too narrow (overconfident)";
        } else {
            shape = "too few extreme ranks: the posterior is too wide (underconfident)";
        }
        return String.format(Locale.ROOT, "NOT uniform (p = %.2g): %s", ecdf.pValue(), shape);
    }

    /**
     * The verdicts of every parameter in the rows, in the rows' order of parameters.
     *
     * @param rows the ranks, as {@link Calibration#simulate} gives them (completed simulations only)
     * @param level the simultaneous coverage of each parameter's ECDF band, e.g. {@link #levelFor}
     * @param bins the rank histogram's bins
     * @param points the ECDF's evaluation points (at most the number of simulations is sensible)
     * @throws IllegalArgumentException for no rows, or a bad level, bins or points
     */
    public static List<CalibrationVerdict> of(List<CalibrationRow> rows, double level, int bins, int points) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no simulation gave ranks");
        }
        Map<String, List<Double>> fractions = new LinkedHashMap<>();
        for (CalibrationRow row : rows) {
            fractions.computeIfAbsent(row.variable(), v -> new ArrayList<>()).add(row.fraction());
        }
        Map<Integer, EcdfBand> bands = new HashMap<>();
        List<CalibrationVerdict> out = new ArrayList<>(fractions.size());
        for (Map.Entry<String, List<Double>> entry : fractions.entrySet()) {
            double[] values = entry.getValue().stream().mapToDouble(Double::doubleValue).toArray();
            EcdfBand band = bands.computeIfAbsent(values.length, n -> EcdfBand.of(n, points, level));
            out.add(new CalibrationVerdict(entry.getKey(), values.length, ChiSquareUniformity.test(values, bins),
                    EcdfUniformity.test(values, band)));
        }
        return out;
    }

    /**
     * The level of each of {@code parameters} bands such that, for a calibrated method, all of them stay
     * inside together with probability at least {@code 1 - alpha} (Bonferroni): {@code 1 - alpha / parameters}.
     */
    public static double levelFor(double alpha, int parameters) {
        if (!(alpha > 0 && alpha < 1) || parameters < 1) {
            throw new IllegalArgumentException("alpha must be in (0, 1) and parameters at least 1, got " + alpha + " and "
                    + parameters);
        }
        return 1 - alpha / parameters;
    }

    /** The default number of histogram bins for n simulations: about 10 simulations a bin, 2 to 20 bins. */
    public static int defaultBins(int n) {
        return Math.max(2, Math.min(20, n / 10));
    }

    /** The default number of ECDF evaluation points for n simulations: n, at most 100. */
    public static int defaultPoints(int n) {
        return Math.max(2, Math.min(100, n));
    }
}
