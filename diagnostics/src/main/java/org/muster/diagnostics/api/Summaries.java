package org.muster.diagnostics.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.muster.core.api.Draws;

/** Posterior summaries of draws: one row per scalar variable. */
public final class Summaries {

    private Summaries() {
    }

    /** Mean, sd and the 5%, 50%, 95% quantiles of every variable, pooling all chains. */
    public static List<SummaryRow> summarize(Draws draws) {
        List<SummaryRow> rows = new ArrayList<>();
        for (int v = 0; v < draws.variables().size(); v++) {
            double[] x = draws.pooled(v);
            rows.add(summarize(draws.variables().get(v), x));
        }
        return rows;
    }

    /** The summary of one variable's pooled draws. @param values not modified */
    public static SummaryRow summarize(String variable, double[] values) {
        double mean = 0;
        for (double value : values) {
            mean += value;
        }
        mean /= values.length;
        double squares = 0;
        for (double value : values) {
            squares += (value - mean) * (value - mean);
        }
        double sd = values.length > 1 ? Math.sqrt(squares / (values.length - 1)) : Double.NaN;
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return new SummaryRow(variable, mean, sd, Quantiles.type7(sorted, 0.05), Quantiles.type7(sorted, 0.5),
                Quantiles.type7(sorted, 0.95));
    }
}
