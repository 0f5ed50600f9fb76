package org.muster.diagnostics.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/** Turns summaries and sampler checks into plain-language warnings with advice. */
public final class Warnings {

    /** Variables named in a message before "and N more". */
    private static final int NAMED = 5;

    private Warnings() {
    }

    /**
     * The warnings for a summary, in a fixed order: undefined diagnostics, R-hat, bulk ESS, tail ESS,
     * divergences, E-BFMI, tree depth. Empty when nothing is wrong.
     *
     * @param rows the summary
     * @param chains how many chains the summary pooled (the ESS threshold is per chain)
     * @param sampler the sampler checks, if the sampler reports per-draw statistics
     */
    public static List<DiagnosticWarning> of(List<SummaryRow> rows, int chains, Optional<SamplerChecks> sampler,
            WarningThresholds thresholds) {
        List<DiagnosticWarning> warnings = new ArrayList<>();
        // a variable with one value in every draw of every chain (the fixed entries of a Cholesky factor)
        // has no R-hat or ESS, as in posterior, and nothing to warn about; constant within chains but
        // different between them is non-convergence and is warned about
        List<SummaryRow> undefined = rows.stream()
                .filter(r -> !r.constant() && (Double.isNaN(r.rhat()) || Double.isNaN(r.essBulk()))).toList();
        if (!undefined.isEmpty()) {
            warnings.add(new DiagnosticWarning(DiagnosticWarning.Kind.UNDEFINED,
                    "R-hat and ESS are undefined for " + count(undefined.size(), rows.size()) + " ("
                            + names(undefined) + "): their draws are equal within the chains, or there are too few draws",
                    "if the variable should vary, the sampler is stuck at one value: check initial values and the"
                            + " model; otherwise run more draws",
                    undefined.stream().map(SummaryRow::variable).toList()));
        }
        List<SummaryRow> highRhat = worst(rows, r -> r.rhat() > thresholds.rhat(), SummaryRow::rhat, true);
        if (!highRhat.isEmpty()) {
            warnings.add(new DiagnosticWarning(DiagnosticWarning.Kind.RHAT,
                    "R-hat above " + format(thresholds.rhat()) + " for " + count(highRhat.size(), rows.size()) + " ("
                            + valued(highRhat, SummaryRow::rhat, "%.3f") + "): the chains disagree about "
                            + (highRhat.size() == 1 ? "this variable" : "these variables")
                            + ", so they have not converged to one posterior and the summaries are not reliable",
                    "run longer (more warmup and draws); if it persists, reparameterize (a hierarchical layer"
                            + " non-centered when groups have little data, centered when each group's data pin it down)"
                            + " or use more informative priors",
                    highRhat.stream().map(SummaryRow::variable).toList()));
        }
        double essMinimum = thresholds.essPerChain() * chains;
        List<SummaryRow> lowBulk = worst(rows, r -> r.essBulk() < essMinimum, SummaryRow::essBulk, false);
        if (!lowBulk.isEmpty()) {
            warnings.add(new DiagnosticWarning(DiagnosticWarning.Kind.ESS_BULK,
                    "Bulk ESS below " + format(essMinimum) + " (" + format(thresholds.essPerChain()) + " per chain) for "
                            + count(lowBulk.size(), rows.size()) + " (" + valued(lowBulk, SummaryRow::essBulk, "%.0f")
                            + "): too few effectively independent draws for reliable means, medians and R-hat",
                    "run longer; if the chains move slowly, reparameterize to reduce autocorrelation (a"
                            + " hierarchical layer non-centered when groups have little data, centered when each group's"
                            + " data pin it down)",
                    lowBulk.stream().map(SummaryRow::variable).toList()));
        }
        List<SummaryRow> lowTail = worst(rows, r -> r.essTail() < essMinimum, SummaryRow::essTail, false);
        if (!lowTail.isEmpty()) {
            warnings.add(new DiagnosticWarning(DiagnosticWarning.Kind.ESS_TAIL,
                    "Tail ESS below " + format(essMinimum) + " (" + format(thresholds.essPerChain()) + " per chain) for "
                            + count(lowTail.size(), rows.size()) + " (" + valued(lowTail, SummaryRow::essTail, "%.0f")
                            + "): the 5% and 95% quantiles, and intervals built from them, are unreliable",
                    "run longer; heavy tails or a funnel may need reparameterization or more informative priors",
                    lowTail.stream().map(SummaryRow::variable).toList()));
        }
        sampler.ifPresent(checks -> samplerWarnings(checks, thresholds, warnings));
        return warnings;
    }

    /**
     * A share as a percentage that never hides a count: {@code 0%} only for none, one decimal from 0.1% up
     * ({@code 2.5%}), one significant digit below ({@code 0.03%} for 1 of 4000), and {@code 100%} only for all
     * ({@code >99.9%} else).
     */
    public static String percent(long count, long total) {
        if (count <= 0 || total <= 0) {
            return "0%";
        }
        if (count >= total) {
            return "100%";
        }
        double percent = 100.0 * count / total;
        if (percent >= 0.1) {
            String text = String.format(Locale.ROOT, "%.1f", percent);
            return text.equals("100.0") ? ">99.9%" : text + "%";
        }
        return new java.math.BigDecimal(percent).round(new java.math.MathContext(1)).toPlainString() + "%";
    }

    private static void samplerWarnings(SamplerChecks checks, WarningThresholds thresholds,
            List<DiagnosticWarning> warnings) {
        if (checks.hasDivergences() && checks.divergences() > 0) {
            String perChain = checks.chains().stream().filter(c -> c.divergences() > 0)
                    .map(c -> "chain " + c.chain() + ": " + c.divergences()).collect(Collectors.joining(", "));
            warnings.add(new DiagnosticWarning(DiagnosticWarning.Kind.DIVERGENCES,
                    checks.divergences() + " of " + checks.draws() + " transitions ("
                            + percent(checks.divergences(), checks.draws()) + ") diverged ("
                            + perChain + "): the sampler met curvature its step size cannot follow, so it may have"
                            + " missed part of the posterior and the summaries may be biased",
                    "raise adapt-delta (the target acceptance, e.g. 0.95 or 0.99) for smaller steps; reparameterize"
                            + " (a hierarchical scale in non-centered form removes the funnel); use more informative"
                            + " priors",
                    List.of()));
        }
        if (checks.hasEnergy()) {
            List<SamplerChecks.ChainChecks> low = checks.chains().stream()
                    .filter(c -> c.ebfmi() < thresholds.ebfmi()).toList();
            if (!low.isEmpty()) {
                warnings.add(new DiagnosticWarning(DiagnosticWarning.Kind.LOW_EBFMI,
                        "E-BFMI below " + format(thresholds.ebfmi()) + " in " + low.size() + " of "
                                + checks.chains().size() + " chains (" + low.stream()
                                        .map(c -> "chain " + c.chain() + ": " + String.format(Locale.ROOT, "%.2f", c.ebfmi()))
                                        .collect(Collectors.joining(", "))
                                + "): momentum resampling explores the energy poorly, typical of heavy tails or funnels,"
                                + " so the sampler may not reach all of the posterior",
                        "reparameterize (non-centered for hierarchical scales), use more informative priors, or run"
                                + " longer warmup",
                        List.of()));
            }
        }
        if (checks.hasTreeDepth() && checks.treeDepthSaturated() > 0) {
            warnings.add(new DiagnosticWarning(DiagnosticWarning.Kind.TREE_DEPTH,
                    checks.treeDepthSaturated() + " of " + checks.draws() + " transitions ("
                            + percent(checks.treeDepthSaturated(), checks.draws())
                            + ") stopped at the maximum tree depth " + checks.maxTreeDepth()
                            + ": the trajectories were cut short, which costs efficiency (not validity)",
                    "raise the maximum tree depth, or reparameterize to reduce strong correlations between parameters",
                    List.of()));
        }
    }

    /** The rows that fail, worst first. */
    private static List<SummaryRow> worst(List<SummaryRow> rows, java.util.function.Predicate<SummaryRow> fails,
            ToDoubleFunction<SummaryRow> value, boolean highIsWorse) {
        Comparator<SummaryRow> byValue = Comparator.comparingDouble(value);
        return rows.stream().filter(fails).sorted(highIsWorse ? byValue.reversed() : byValue).toList();
    }

    private static String count(int failing, int all) {
        return failing + " of " + all + (all == 1 ? " variable" : " variables");
    }

    private static String names(List<SummaryRow> rows) {
        String named = rows.stream().limit(NAMED).map(SummaryRow::variable).collect(Collectors.joining(", "));
        return rows.size() > NAMED ? named + " and " + (rows.size() - NAMED) + " more" : named;
    }

    private static String valued(List<SummaryRow> rows, ToDoubleFunction<SummaryRow> value, String format) {
        String named = rows.stream().limit(NAMED)
                .map(r -> r.variable() + " " + String.format(Locale.ROOT, format, value.applyAsDouble(r)))
                .collect(Collectors.joining(", "));
        return rows.size() > NAMED ? named + " and " + (rows.size() - NAMED) + " more" : named;
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
