package org.muster.app.internal.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.muster.app.internal.LongTables;
import java.util.Locale;
import java.util.stream.Collectors;
import org.muster.diagnostics.api.DiagnosticWarning;
import org.muster.diagnostics.api.PosteriorSummary;
import org.muster.diagnostics.api.SamplerChecks;
import org.muster.diagnostics.api.SummaryRow;
import org.muster.diagnostics.api.Warnings;

/** Prints a posterior summary as {@code fit} and {@code diagnose} show it: table, sampler checks, warnings. */
final class SummaryReport {

    private SummaryReport() {
    }

    static void print(PrintWriter out, PosteriorSummary summary) {
        printTable(out, summary.rows());
        summary.sampler().ifPresent(checks -> {
            out.println();
            out.println(samplerLine(checks));
        });
        out.println();
        if (summary.warnings().isEmpty()) {
            out.println("No warnings: every R-hat is at most 1.01 and every bulk and tail ESS at least 100 per chain"
                    + (summary.sampler().map(s -> s.hasDivergences() ? ", no divergences" : "").orElse("")) + ".");
        }
        for (DiagnosticWarning warning : summary.warnings()) {
            out.println("Warning: " + warning.text());
        }
    }

    static void printTable(PrintWriter out, List<SummaryRow> all) {
        // 10^6 units: each vector's first members, and a line saying how many more summary.csv holds
        LongTables.Shown<SummaryRow> shown = LongTables.members(all, SummaryRow::variable);
        List<SummaryRow> rows = shown.rows();
        int width = Math.max(8, rows.stream().mapToInt(r -> r.variable().length()).max().orElse(8));
        String nameFormat = "%-" + width + "s";
        out.println(String.format(Locale.ROOT, nameFormat + " %9s %9s %9s %9s %9s %9s %8s %8s %6s", "variable", "mean",
                "mcse", "sd", "5%", "50%", "95%", "ess_bulk", "ess_tail", "rhat"));
        for (SummaryRow row : rows) {
            out.println(String.format(Locale.ROOT, nameFormat + " %9.3f %9.3f %9.3f %9.3f %9.3f %9.3f %8s %8s %6s",
                    row.variable(), row.mean(), row.mcseMean(), row.sd(), row.q5(), row.q50(), row.q95(),
                    whole(row.essBulk()), whole(row.essTail()), fixed(row.rhat(), "%.3f")));
        }
        if (!shown.omitted().isEmpty()) {
            out.println(shown.note("summary.csv"));
        }
    }

    /** One line: divergences, tree depth, E-BFMI and acceptance, as far as the sampler reports them. */
    static String samplerLine(SamplerChecks checks) {
        List<String> parts = new ArrayList<>();
        if (checks.hasDivergences()) {
            parts.add(checks.divergences() + " of " + checks.draws() + " transitions diverged"
                    + (checks.divergences() == 0 ? "" : " (" + Warnings.percent(checks.divergences(), checks.draws()) + ")"));
        }
        if (checks.hasTreeDepth()) {
            parts.add(checks.treeDepthSaturated() + " hit the maximum tree depth " + checks.maxTreeDepth());
        }
        if (checks.hasEnergy()) {
            parts.add("E-BFMI " + checks.chains().stream().map(c -> fixed(c.ebfmi(), "%.2f"))
                    .collect(Collectors.joining(", ")));
        }
        if (checks.hasAcceptStat()) {
            parts.add(String.format(Locale.ROOT, "mean acceptance %.2f", checks.meanAcceptStat()));
        }
        return "Sampler: " + (parts.isEmpty() ? "no per-draw statistics" : String.join("; ", parts));
    }

    private static String whole(double value) {
        return Double.isNaN(value) ? "NaN" : String.format(Locale.ROOT, "%.0f", value);
    }

    private static String fixed(double value, String format) {
        return Double.isNaN(value) ? "NaN" : String.format(Locale.ROOT, format, value);
    }
}
