package org.muster.diagnostics.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.muster.core.api.Draws;
import org.muster.core.api.PosteriorDraws;
import org.muster.diagnostics.internal.RankNormalScores;
import org.muster.diagnostics.internal.VariableDiagnostics;

/**
 * Posterior summaries of draws, one row per scalar variable: mean, sd, quantiles, their Monte Carlo
 * standard errors, R-hat and effective sample sizes, as the R package {@code posterior} 1.4.0 computes
 * them (see {@link Convergence} and {@link MonteCarloError}).
 */
public final class Summaries {

    /** Variables summarized by one task when an executor shares the work. */
    private static final int VARIABLES_PER_TASK = 64;

    private Summaries() {
    }

    /**
     * The summary rows, sampler checks (from the fit's {@code __} statistics and settings) and warnings
     * with the default thresholds, on the calling thread.
     *
     * @throws IllegalArgumentException naming variable, chain and draw if a draw is NaN or infinite
     */
    public static PosteriorSummary summarize(PosteriorDraws fit) {
        return summarize(fit, WarningThresholds.DEFAULT, Runnable::run);
    }

    /**
     * The summary rows, sampler checks and warnings, variables summarized in parallel on an executor.
     *
     * @param executor runs the work (in blocks of variables); {@code Runnable::run} for the calling thread
     * @throws IllegalArgumentException naming variable, chain and draw if a draw is NaN or infinite
     */
    public static PosteriorSummary summarize(PosteriorDraws fit, WarningThresholds thresholds, Executor executor) {
        List<SummaryRow> rows = summarize(fit.draws(), executor);
        Optional<SamplerChecks> sampler = fit.samplerStatistics().variables().isEmpty() ? Optional.empty()
                : Optional.of(SamplerChecks.of(fit.samplerStatistics(), fit.settings()));
        int chains = fit.draws().chains();
        return new PosteriorSummary(rows, chains, fit.draws().iterations(), sampler,
                Warnings.of(rows, chains, sampler, thresholds));
    }

    /**
     * One row per variable, in the draws' order.
     *
     * @throws IllegalArgumentException naming variable, chain and draw if a draw is NaN or infinite
     */
    public static List<SummaryRow> summarize(Draws draws) {
        return summarize(draws, Runnable::run);
    }

    /**
     * One row per variable, in the draws' order, summarized in blocks of variables on an executor.
     *
     * @param executor runs the work; {@code Runnable::run} for the calling thread. The calling thread waits
     *     for the tasks, so do not call this from a task of the same bounded executor.
     * @throws IllegalArgumentException naming variable, chain and draw if a draw is NaN or infinite
     */
    public static List<SummaryRow> summarize(Draws draws, Executor executor) {
        if (draws.iterations() == 0) {
            throw new IllegalArgumentException("no draws to summarize");
        }
        // every variable ranks as many draws: their normal scores are computed once
        RankNormalScores scores = RankNormalScores.tabulated(
                VariableDiagnostics.splitDraws(draws.chains(), draws.iterations()));
        int variables = draws.variables().size();
        List<CompletableFuture<List<SummaryRow>>> tasks = new ArrayList<>();
        for (int start = 0; start < variables; start += VARIABLES_PER_TASK) {
            int from = start;
            int to = Math.min(variables, start + VARIABLES_PER_TASK);
            tasks.add(CompletableFuture.supplyAsync(() -> {
                List<SummaryRow> block = new ArrayList<>(to - from);
                for (int v = from; v < to; v++) {
                    block.add(summarize(draws.variables().get(v), draws.variable(v), scores));
                }
                return block;
            }, executor));
        }
        List<SummaryRow> rows = new ArrayList<>(variables);
        for (CompletableFuture<List<SummaryRow>> task : tasks) {
            try {
                rows.addAll(task.join());
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                throw e;
            }
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
