package org.muster.app.internal.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import org.muster.app.api.FitOutcome;
import org.muster.core.api.PointEstimate;

/**
 * Prints a point estimate as {@code fit} shows it: one row per scalar (estimate, standard error; long
 * vectors abbreviated to their first and last members), the objective, how many starts reached the
 * best value, the warnings.
 */
final class PointEstimateReport {

    /** Vectors longer than this show their first {@link #HEAD} and last {@link #TAIL} members only. */
    static final int LONG_VECTOR = 12;
    static final int HEAD = 5;
    static final int TAIL = 3;

    private PointEstimateReport() {
    }

    /** The header, the table, the objective and the warnings. */
    static void print(PrintWriter out, FitOutcome result) {
        PointEstimate estimate = result.pointEstimate();
        Map<String, String> settings = estimate.settings();
        String starts = settings.containsKey("starts") ? ", " + settings.get("starts") + " starts" : "";
        out.println(result.modelName() + " on " + result.datasetSource() + ": " + estimate.methodId() + starts
                + ", seed " + result.request().seed());
        out.println();
        if (estimate.hasEstimate()) {
            printTable(out, result);
        } else {
            out.println("No estimate (see the warning below).");
        }
        out.println();
        if (Double.isFinite(estimate.objective())) {
            String what = settings.getOrDefault("objective", estimate.methodId().equals("map") ? "log posterior density" : "objective");
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "Objective (%s): %.6g", what, estimate.objective()));
            if (settings.containsKey("iterations")) {
                line.append(" after ").append(settings.get("iterations")).append(" iterations");
            }
            if (settings.containsKey("restarts_at_best")) {
                line.append("; ").append(settings.get("restarts_at_best")).append(" of ").append(settings.get("restarts"))
                        .append(" restarts reached the best value");
            }
            if (settings.containsKey("starts_at_best")) {
                line.append("; ").append(settings.get("starts_at_best")).append(" of ").append(settings.get("starts"))
                        .append(" starts reached the best value");
            }
            out.println(line);
        }
        if (settings.containsKey("unit_standard_error")) {
            out.println("Units' std. errors: " + settings.get("unit_standard_error") + ".");
        }
        if (result.request().predict()) {
            out.println("Note: --predict adds predictive draws to posterior draws; a point estimate has none.");
        }
        for (String warning : estimate.warnings()) {
            out.println("Warning: " + warning);
        }
    }

    static void printTable(PrintWriter out, FitOutcome result) {
        PointEstimate estimate = result.pointEstimate();
        int width = 8;
        for (Map.Entry<String, double[]> entry : estimate.estimates().entrySet()) {
            for (int i = 0; i < entry.getValue().length; i++) {
                width = Math.max(width, estimate.variable(entry.getKey(), i, entry.getValue().length).length());
            }
        }
        String row = "%-" + width + "s %12s %12s";
        out.println(String.format(Locale.ROOT, row, "variable", "estimate", "std. error"));
        boolean abbreviated = false;
        for (Map.Entry<String, double[]> entry : estimate.estimates().entrySet()) {
            double[] values = entry.getValue();
            double[] errors = estimate.standardErrors().get(entry.getKey());
            for (int i = 0; i < values.length; i++) {
                if (values.length > LONG_VECTOR && i == HEAD) {
                    out.println("...");
                    i = values.length - TAIL;
                    abbreviated = true;
                }
                out.println(String.format(Locale.ROOT, row, estimate.variable(entry.getKey(), i, values.length),
                        number(values[i]), number(errors == null ? Double.NaN : errors[i])));
            }
        }
        if (abbreviated) {
            out.println("(vectors of more than " + LONG_VECTOR + " members show the first " + HEAD + " and last " + TAIL
                    + "; --output writes all of them)");
        }
    }

    /** Four decimals for ordinary magnitudes, four significant digits otherwise; an undefined value is "—". */
    static String number(double value) {
        if (Double.isNaN(value)) {
            return "—";
        }
        double magnitude = Math.abs(value);
        if (value == 0 || (magnitude >= 1e-3 && magnitude < 1e5)) {
            return String.format(Locale.ROOT, "%.4f", value);
        }
        return String.format(Locale.ROOT, "%.4g", value);
    }
}
