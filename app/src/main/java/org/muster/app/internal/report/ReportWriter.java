package org.muster.app.internal.report;

import org.muster.app.internal.LongTables;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.knowm.xchart.XYChart;
import org.muster.app.api.FitOutcome;
import org.muster.app.api.Outcome;
import org.muster.app.api.OutputWriter;
import org.muster.core.api.Draws;
import org.muster.core.api.VariationalFit;
import org.muster.diagnostics.api.DiagnosticWarning;
import org.muster.diagnostics.api.PosteriorSummary;
import org.muster.diagnostics.api.SamplerChecks;
import org.muster.diagnostics.api.SummaryRow;
import org.muster.diagnostics.api.WarningThresholds;
import org.muster.diagnostics.api.WholeFile;
import org.muster.models.api.ShrinkageRow;
import org.muster.models.api.ShrinkageTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes {@code report.html}: one self-contained page (no network, no scripts, charts inline as SVG) with
 * the run, the diagnostics' warnings, the summary table, a trace, a rank and a density plot of each
 * hyperparameter (see {@link PlottedVariables}) and, for a model with units, the shrinkage figure.
 *
 * <p>The page is also well-formed XML (void elements closed), so tools can read it with an XML parser.
 * Every chart is a {@code <figure class="plot" data-parameter="NAME" data-kind="KIND">} with kind
 * {@code trace}, {@code rank}, {@code density} or {@code shrinkage}, so tools and tests can find them.
 */
public final class ReportWriter implements OutputWriter {

    /** The file name written into the output directory. */
    public static final String FILE_NAME = "report.html";

    private static final Logger LOG = LoggerFactory.getLogger(ReportWriter.class);

    private static final WarningThresholds THRESHOLDS = WarningThresholds.DEFAULT;

    /** Charts are drawn off screen; without a display AWT must not try to open one. */
    public ReportWriter() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /** Writes the report of a fit with draws; nothing for other outcomes. */
    @Override
    public List<Path> write(Path directory, Outcome outcome) throws IOException {
        if (outcome instanceof FitOutcome fit && fit.hasDraws()) {
            return List.of(write(directory, ReportInput.of(fit)));
        }
        return List.of();
    }

    /**
     * Writes the report into a directory, created if missing.
     *
     * @return the file written
     * @throws IOException if the directory or file cannot be written
     */
    public Path write(Path directory, ReportInput input) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve(FILE_NAME);
        long start = System.nanoTime();
        String html = render(input);
        LOG.debug("report of {} rendered in {} ms, {} characters", input.familyId(),
                (System.nanoTime() - start) / 1_000_000, html.length());
        WholeFile.write(file, out -> {
            out.write(html);
        });
        return file;
    }

    /** The page as text. */
    String render(ReportInput input) {
        PosteriorSummary summary = input.summary();
        Draws draws = input.draws().draws();
        PlottedVariables plotted = PlottedVariables.of(draws, input.shrinkage());
        StringBuilder page = new StringBuilder(1 << 18);
        page.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .append("<title>").append(escape("Muster report: " + input.familyId())).append("</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        header(page, input);
        if (input.variational().isPresent()) {
            approximation(page, input.variational().get());
            table(page, summary, input.variational());
        } else {
            diagnostics(page, summary);
            table(page, summary, Optional.empty());
        }
        int[] figureCount = {0};
        plots(page, "hyperparameters", "Hyperparameters", input.variational().isPresent()
                ? "<p>Hyperparameters are the model's scalar parameters. For each: the density of the draws from the"
                        + " approximation (dashed: 5% and 95% quantiles).</p>"
                : hyperparameterText(plotted), plotted.hyperparameters(), draws, summary, figureCount,
                input.variational().isPresent());
        if (!plotted.members().isEmpty()) {
            plots(page, "members", "Vector members", "<p>The model has no units, so its vectors are plotted like"
                    + " hyperparameters: the first " + PlottedVariables.MEMBERS_PER_VECTOR + " members of each"
                    + " (all members are in the table).</p>", plotted.members(), draws, summary, figureCount,
                    input.variational().isPresent());
        }
        input.shrinkage().filter(table -> !table.rows().isEmpty())
                .ifPresent(table -> shrinkage(page, table, figureCount));
        page.append("<footer>Written by Muster. Rank plots after Vehtari et al. (2021); densities are Gaussian"
                + " kernel estimates with Silverman's bandwidth.</footer>\n</body>\n</html>\n");
        return page.toString();
    }

    private static void header(StringBuilder page, ReportInput input) {
        PosteriorSummary summary = input.summary();
        page.append("<header>\n<h1>").append(escape(input.familyId())).append("</h1>\n<dl class=\"run\">\n");
        definition(page, "family", input.familyId());
        definition(page, "data", input.datasetSource());
        definition(page, "method", input.methodId());
        if (input.variational().isPresent()) {
            VariationalFit fit = input.variational().get();
            definition(page, "draws", summary.drawsPerChain() + " independent draws from the approximation");
            definition(page, "approximation", (fit.fullRank() ? "full-rank" : "mean-field") + " Gaussian on the"
                    + " unconstrained space; " + fit.stopReason() + " after " + fit.iterations() + " iterations");
        } else {
            definition(page, "chains × draws", summary.chains() + " × " + summary.drawsPerChain() + " (after "
                    + input.warmup() + " warmup)");
        }
        definition(page, "seed", Long.toString(input.seed()));
        summary.sampler().ifPresent(checks -> definition(page, "sampler", samplerLine(checks)));
        if (input.interruption().isPresent()) {
            definition(page, "note", input.interruption().get());
        } else if (input.draws().cancelled()) {
            definition(page, "note", "the run was cancelled: chains are cut to the shortest one");
        }
        page.append("</dl>\n</header>\n");
    }

    private static void definition(StringBuilder page, String term, String value) {
        page.append("<dt>").append(escape(term)).append("</dt><dd>").append(escape(value)).append("</dd>\n");
    }

    private static String samplerLine(SamplerChecks checks) {
        List<String> parts = new ArrayList<>();
        if (checks.hasDivergences()) {
            parts.add(checks.divergences() + " of " + checks.draws() + " transitions diverged");
        }
        if (checks.hasTreeDepth()) {
            parts.add(checks.treeDepthSaturated() + " at the maximum tree depth " + checks.maxTreeDepth());
        }
        if (checks.hasEnergy()) {
            parts.add("E-BFMI " + checks.chains().stream().map(c -> String.format(Locale.ROOT, "%.2f", c.ebfmi()))
                    .collect(Collectors.joining(", ")));
        }
        return parts.isEmpty() ? "no per-draw statistics" : String.join("; ", parts);
    }

    /**
     * A variational fit's check: the Pareto k-hat of the importance ratios (Yao et al. 2018), which says
     * whether the approximation can be trusted; R-hat and ESS of independent draws from it say nothing.
     */
    private static void approximation(StringBuilder page, VariationalFit fit) {
        String reading = fit.paretoKReading();
        page.append("<section id=\"diagnostics\">\n<h2>Diagnostics</h2>\n<p class=\"")
                .append(reading.equals("good") ? "ok" : "warning").append("\" data-pareto-k=\"")
                .append(escape(reading)).append("\"><strong>Pareto k-hat ")
                .append(String.format(Locale.ROOT, "%.2f", fit.paretoK())).append(": ").append(escape(reading))
                .append(".</strong> ").append(escape(VariationalFit.paretoKAdvice(reading)))
                .append(". Below 0.5 the approximation is good, to 0.7 usable, above that it should not be trusted"
                        + " (Yao, Vehtari, Simpson and Gelman 2018).</p>\n");
        if (!fit.warnings().isEmpty()) {
            page.append("<ul class=\"warnings\">\n");
            for (String warning : fit.warnings()) {
                page.append("<li class=\"warning\">").append(escape(warning)).append("</li>\n");
            }
            page.append("</ul>\n");
        }
        page.append("</section>\n");
    }

    private static void diagnostics(StringBuilder page, PosteriorSummary summary) {
        page.append("<section id=\"diagnostics\">\n<h2>Diagnostics</h2>\n");
        if (summary.warnings().isEmpty()) {
            page.append("<p class=\"ok\">No warnings: every R-hat is at most ").append(THRESHOLDS.rhat())
                    .append(" and every bulk and tail ESS at least ")
                    .append(ReportHtml.whole(THRESHOLDS.essPerChain())).append(" per chain.</p>\n");
        } else {
            page.append("<ul class=\"warnings\">\n");
            for (DiagnosticWarning warning : summary.warnings()) {
                page.append("<li class=\"warning\" data-warning=\"").append(warning.kind().name().toLowerCase(Locale.ROOT))
                        .append("\"><strong>").append(escape(warning.message())).append(".</strong> Try: ")
                        .append(escape(warning.advice())).append(".</li>\n");
            }
            page.append("</ul>\n");
        }
        page.append("</section>\n");
    }

    /** Longer summaries show the scalar variables first and the full table folded away. */
    static final int UNFOLDED_ROWS = 30;

    private static void table(StringBuilder page, PosteriorSummary summary, Optional<VariationalFit> variational) {
        double essLimit = THRESHOLDS.essPerChain() * summary.chains();
        page.append("<section id=\"summary\">\n<h2>").append(variational.isPresent() ? "Approximate posterior summary"
                : "Posterior summary").append("</h2>\n");
        List<SummaryRow> rows = summary.rows();
        if (rows.size() <= UNFOLDED_ROWS) {
            rows(page, "summary all", rows, essLimit, variational);
        } else {
            rows(page, "summary scalars", rows.stream().filter(r -> r.variable().indexOf('[') < 0).toList(), essLimit,
                    variational);
            page.append("<details class=\"all\">\n<summary>All ").append(rows.size())
                    .append(" variables</summary>\n");
            // 10^6 units: each vector's first members here, every row in summary.csv
            LongTables.Shown<SummaryRow> shown = LongTables.members(rows, SummaryRow::variable);
            rows(page, "summary all", shown.rows(), essLimit, variational);
            if (!shown.omitted().isEmpty()) {
                page.append("<p class=\"note\" data-omitted=\"").append(shown.omittedRows()).append("\">")
                        .append(escape(shown.note("summary.csv"))).append("</p>\n");
            }
            page.append("</details>\n");
        }
        if (variational.isPresent()) {
            page.append("<p class=\"note\">Of independent draws from the approximation: MCSE is their Monte Carlo"
                    + " error; the PSIS mean reweights them toward the posterior.</p>\n");
        } else {
            page.append("<p class=\"note\">Flagged: R-hat above ").append(THRESHOLDS.rhat())
                    .append(", ESS below ").append(ReportHtml.whole(essLimit)).append(" (")
                    .append(ReportHtml.whole(THRESHOLDS.essPerChain())).append(" per chain), or undefined.</p>\n");
        }
        page.append("</section>\n");
    }

    private static void rows(StringBuilder page, String tableClass, List<SummaryRow> rows, double essLimit,
            Optional<VariationalFit> variational) {
        page.append("<table class=\"").append(tableClass).append("\">\n<thead><tr>")
                .append("<th>variable</th><th>mean</th><th>sd</th><th>5%</th><th>50%</th><th>95%</th>")
                .append(variational.isPresent() ? "<th>MCSE mean</th><th>PSIS mean</th></tr></thead>\n<tbody>\n"
                        : "<th>MCSE mean</th><th>R-hat</th><th>ESS bulk</th><th>ESS tail</th></tr></thead>\n<tbody>\n");
        for (SummaryRow row : rows) {
            page.append("<tr><th scope=\"row\">").append(escape(row.variable())).append("</th>");
            for (double value : new double[] {row.mean(), row.sd(), row.q5(), row.q50(), row.q95(), row.mcseMean()}) {
                page.append("<td>").append(ReportHtml.number(value)).append("</td>");
            }
            if (variational.isPresent()) {
                Double reweighted = variational.get().psisMeans().get(row.variable());
                page.append("<td>").append(ReportHtml.number(reweighted == null ? Double.NaN : reweighted))
                        .append("</td>");
            } else {
                cell(page, String.format(Locale.ROOT, "%.3f", row.rhat()), !(row.rhat() <= THRESHOLDS.rhat()));
                cell(page, ReportHtml.whole(row.essBulk()), !(row.essBulk() >= essLimit));
                cell(page, ReportHtml.whole(row.essTail()), !(row.essTail() >= essLimit));
            }
            page.append("</tr>\n");
        }
        page.append("</tbody>\n</table>\n");
    }

    private static void cell(StringBuilder page, String text, boolean flagged) {
        page.append(flagged ? "<td class=\"flag\">" : "<td>").append(text).append("</td>");
    }

    private static String hyperparameterText(PlottedVariables plotted) {
        if (plotted.hyperparameters().isEmpty()) {
            return "<p>The model has no scalar parameters to plot; its vectors are in the table.</p>";
        }
        return "<p>Hyperparameters are the model's scalar parameters, the population the units are drawn from."
                + " For each: the trace of every chain's sampling draws (chains that mix overlap like a hairy"
                + " caterpillar), the histogram of each chain's ranks among all draws (flat near the dashed line"
                + " when the chains agree) and the posterior density of all draws (dashed: 5% and 95%"
                + " quantiles).</p>";
    }

    private void plots(StringBuilder page, String id, String title, String text, List<String> variables, Draws draws,
            PosteriorSummary summary, int[] figureCount, boolean densityOnly) {
        page.append("<section id=\"").append(id).append("\">\n<h2>").append(escape(title)).append("</h2>\n")
                .append(text).append('\n');
        if (draws.iterations() < 2) {
            page.append("<p class=\"note\">Fewer than 2 draws per chain: nothing to plot.</p>\n</section>\n");
            return;
        }
        if (!variables.isEmpty() && !densityOnly) {
            chainLegend(page, draws.chains());
        }
        // one pass over the summary, not one per plotted variable
        java.util.Set<String> plotted = new java.util.HashSet<>(variables);
        Map<String, SummaryRow> summaryRows = new java.util.HashMap<>();
        for (SummaryRow r : summary.rows()) {
            if (plotted.contains(r.variable())) {
                summaryRows.putIfAbsent(r.variable(), r);
            }
        }
        for (String variable : variables) {
            int index = draws.indexOf(variable);
            double[][] chains = draws.variable(index);
            SummaryRow row = summaryRows.get(variable);
            page.append("<div class=\"parameter\">\n<h3>").append(escape(variable)).append("</h3>\n<div class=\"plots\">\n");
            if (!densityOnly) {
                figure(page, variable, "trace", Charts.trace(variable, chains), "Trace of " + variable
                        + ": one line per chain", figureCount);
            }
            if (allFinite(chains)) {
                if (!densityOnly) {
                    figure(page, variable, "rank", Charts.rank(variable, RankHistogram.of(chains, Charts.RANK_BINS)),
                            "Ranks of " + variable + " per chain, " + Charts.RANK_BINS + " bins", figureCount);
                }
                double[] pooled = draws.pooled(index);
                KernelDensity density = KernelDensity.estimate(pooled, Charts.DENSITY_POINTS);
                figure(page, variable, "density", Charts.density(variable, density,
                        row == null ? Double.NaN : row.q5(), row == null ? Double.NaN : row.q95()),
                        String.format(Locale.ROOT, (densityOnly ? "Approximate posterior" : "Posterior")
                                + " density of %s, bandwidth %s", variable,
                                ReportHtml.number(density.bandwidth())), figureCount);
            } else {
                page.append("<p class=\"note\">Some draws of ").append(escape(variable))
                        .append(" are not finite: no rank or density plot.</p>\n");
            }
            page.append("</div>\n</div>\n");
        }
        page.append("</section>\n");
    }

    private static void shrinkage(StringBuilder page, ShrinkageTable full, int[] figureCount) {
        // 10^6 units: the figure and the list show units spread evenly over the order by raw estimate
        List<ShrinkageRow> spread = LongTables.spread(Charts.plotOrder(full), LongTables.UNITS_SHOWN);
        ShrinkageTable table = spread.size() == full.rows().size() ? full
                : new ShrinkageTable(full.rawDescription(), full.populationVariable(), spread);
        String variable = table.rows().isEmpty() ? "units" : baseName(table.rows().get(0).variable());
        page.append("<section id=\"shrinkage\">\n<h2>Shrinkage</h2>\n<p>Each unit's raw estimate (")
                .append(escape(table.rawDescription())).append(", diamond) and its posterior mean (dot) with the"
                        + " 90% posterior interval; the grey line shows how far partial pooling moved the estimate"
                        + " toward the population")
                .append(table.populationVariable().map(p -> " mean, " + escape(p) + " (dashed)").orElse(""))
                .append(". Units are numbered by raw estimate, lowest first; the list below names them.</p>\n");
        if (table != full) {
            page.append("<p class=\"note\" data-omitted=\"").append(full.rows().size() - table.rows().size())
                    .append("\">").append(String.format(Locale.ROOT, "%,d of the %,d units are shown, spread evenly over"
                            + " the order by raw estimate (the lowest and the highest among them); shrinkage.csv has"
                            + " every unit.", table.rows().size(), full.rows().size())).append("</p>\n");
        }
        figure(page, variable, "shrinkage", Charts.shrinkage(table, table.rawDescription()),
                "Shrinkage of " + table.rows().size() + " units' " + variable, figureCount);
        page.append("<details class=\"units\">\n<summary>The ").append(table.rows().size())
                .append(" units as numbered in the figure</summary>\n<table class=\"summary units\">\n<thead><tr>")
                .append("<th>#</th><th>unit</th><th>variable</th><th>raw (").append(escape(table.rawDescription()))
                .append(")</th><th>posterior mean</th><th>5%</th><th>95%</th><th>moved</th></tr></thead>\n<tbody>\n");
        List<ShrinkageRow> rows = Charts.plotOrder(table);
        for (int j = 0; j < rows.size(); j++) {
            ShrinkageRow row = rows.get(j);
            page.append("<tr><td>").append(j + 1).append("</td><td class=\"label\">").append(escape(row.unit()))
                    .append("</td><td class=\"label\">").append(escape(row.variable())).append("</td>");
            for (double value : new double[] {row.raw(), row.mean(), row.q5(), row.q95()}) {
                page.append("<td>").append(ReportHtml.number(value)).append("</td>");
            }
            page.append("<td>").append(Double.isNaN(row.shrinkage()) ? "" : String.format(Locale.ROOT, "%.2f",
                    row.shrinkage())).append("</td></tr>\n");
        }
        page.append("</tbody>\n</table>\n</details>\n");
        page.append("</section>\n");
    }

    static void figure(StringBuilder page, String variable, String kind, XYChart chart, String caption,
            int[] figureCount) {
        figureCount[0]++;
        page.append("<figure class=\"plot ").append(kind).append("\" data-parameter=\"").append(escape(variable))
                .append("\" data-kind=\"").append(kind).append("\">\n")
                .append(SvgInliner.inline(chart, "f" + figureCount[0], caption)).append('\n')
                .append("<figcaption>").append(escape(caption)).append("</figcaption>\n</figure>\n");
    }

    private static void chainLegend(StringBuilder page, int chains) {
        page.append("<p class=\"chains\">");
        for (int c = 0; c < chains; c++) {
            java.awt.Color color = Charts.chainColor(c);
            page.append(String.format(Locale.ROOT, "<span class=\"chain\"><span class=\"swatch\" style=\"background:"
                    + "#%02x%02x%02x\"></span>chain %d</span>", color.getRed(), color.getGreen(), color.getBlue(), c + 1));
        }
        page.append("</p>\n");
    }

    private static boolean allFinite(double[][] chains) {
        for (double[] chain : chains) {
            for (double value : chain) {
                if (!Double.isFinite(value)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static String baseName(String member) {
        int bracket = member.indexOf('[');
        return bracket < 0 ? member : member.substring(0, bracket);
    }

    private static String escape(String text) {
        return ReportHtml.escape(text);
    }

    static final String STYLE = """
            body { font-family: system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; color: #222;
                   max-width: 1180px; margin: 0 auto; padding: 16px 20px 40px; line-height: 1.4; }
            h1 { font-size: 1.6em; margin: 0.2em 0 0.4em; }
            h2 { font-size: 1.25em; border-bottom: 1px solid #ddd; padding-bottom: 4px; margin-top: 1.6em; }
            h3 { font-size: 1.05em; margin: 1.2em 0 0.3em; font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
            dl.run { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 0; }
            dl.run dt { color: #666; }
            dl.run dd { margin: 0; }
            ul.warnings { padding-left: 1.2em; }
            li.warning { background: #fff4e5; border-left: 4px solid #e69f00; padding: 6px 10px; margin: 6px 0;
                         list-style: none; }
            p.ok { background: #eef8f0; border-left: 4px solid #009e73; padding: 6px 10px; }
            table.summary { border-collapse: collapse; font-variant-numeric: tabular-nums; font-size: 0.9em; }
            table.summary th, table.summary td { padding: 2px 10px; text-align: right; border-bottom: 1px solid #eee; }
            table.summary th[scope=row] { text-align: left; font-family: ui-monospace, "DejaVu Sans Mono", monospace;
                                          font-weight: normal; }
            table.summary thead th { border-bottom: 2px solid #ccc; }
            td.flag { background: #fde2e1; color: #a40000; font-weight: bold; }
            p.note { color: #666; font-size: 0.9em; }
            p.chains { margin: 0.4em 0; }
            span.chain { margin-right: 16px; white-space: nowrap; }
            span.swatch { display: inline-block; width: 18px; height: 4px; margin-right: 6px; vertical-align: middle; }
            div.plots { display: grid; grid-template-columns: 1.47fr 1fr 1fr; gap: 8px; align-items: start; }
            figure.plot { margin: 0; }
            figure.plot svg { width: 100%; height: auto; display: block; }
            figure.plot figcaption { font-size: 0.8em; color: #666; text-align: center; }
            figure.shrinkage { max-width: 1100px; }
            details { margin-top: 8px; }
            details summary { cursor: pointer; color: #0072b2; margin-bottom: 4px; }
            table.summary td.label { text-align: left; font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
            footer { margin-top: 2em; color: #888; font-size: 0.85em; }
            """;
}
