package org.muster.diagnostics.api;

import java.util.ArrayList;
import java.util.List;
import org.muster.core.api.Draws;
import org.muster.diagnostics.internal.RankNormalScores;
import org.muster.diagnostics.internal.VariableDiagnostics;

/**
 * Posterior summaries of draws, one row per scalar variable: mean, sd, quantiles, their Monte Carlo
 * standard errors, R-hat and effective sample sizes, as the R package {@code posterior} 1.4.0 computes
 * them (see {@link Convergence} and {@link MonteCarloError}).
 */
public final class Summaries {

    private Summaries() {
    }

    /**
     * One row per variable, in the draws' order.
     *
     * @throws IllegalArgumentException naming variable, chain and draw if a draw is NaN or infinite
     */
    public static List<SummaryRow> summarize(Draws draws) {
        List<SummaryRow> rows = new ArrayList<>(draws.variables().size());
        if (draws.iterations() == 0) {
            throw new IllegalArgumentException("no draws to summarize");
        }
        RankNormalScores scores = RankNormalScores.tabulated(
                VariableDiagnostics.splitDraws(draws.chains(), draws.iterations()));
        for (int v = 0; v < draws.variables().size(); v++) {
            rows.add(summarize(draws.variables().get(v), draws.variable(v), scores));
        }
        return rows;
    }

    /**
     * The summary of one variable.
     *
     * @param chains not modified: [chain][iteration], all chains of one length
     * @throws IllegalArgumentException naming the variable if chains differ in length or a draw is not finite
     */
    public static SummaryRow summarize(String variable, double[][] chains) {
        return summarize(variable, chains, null);
    }

    /** The summary of one chain's draws (R-hat and ESS from its two halves). @param values not modified */
    public static SummaryRow summarize(String variable, double[] values) {
        return summarize(variable, new double[][] {values});
    }

    private static SummaryRow summarize(String variable, double[][] chains, RankNormalScores scores) {
        VariableDiagnostics d = new VariableDiagnostics(variable, chains, scores);
        double essQ5 = d.essQuantile(0.05);
        double essQ95 = d.essQuantile(0.95);
        return new SummaryRow(variable, d.mean(), d.sd(), d.quantile(0.05), d.quantile(0.5), d.quantile(0.95),
                d.mcseMean(), d.mcseSd(), d.mcseQuantile(0.05, essQ5), d.mcseQuantile(0.95, essQ95), d.rhat(),
                d.rhatBasic(), d.essBulk(), Math.min(essQ5, essQ95), d.essMean());
    }
}
