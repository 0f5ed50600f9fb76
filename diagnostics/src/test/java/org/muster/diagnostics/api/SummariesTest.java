package org.muster.diagnostics.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.muster.core.api.Draws;

class SummariesTest {

    /** Every statistic of expected.json and where our summary holds it. */
    static final Map<String, ToDoubleFunction<SummaryRow>> STATISTICS = new LinkedHashMap<>();

    static {
        STATISTICS.put("mean", SummaryRow::mean);
        STATISTICS.put("sd", SummaryRow::sd);
        STATISTICS.put("q5", SummaryRow::q5);
        STATISTICS.put("q50", SummaryRow::q50);
        STATISTICS.put("q95", SummaryRow::q95);
        STATISTICS.put("rhat", SummaryRow::rhat);
        STATISTICS.put("rhat_basic", SummaryRow::rhatBasic);
        // posterior's ess_basic and ess_mean are one computation (.ess of split chains)
        STATISTICS.put("ess_basic", SummaryRow::essMean);
        STATISTICS.put("ess_bulk", SummaryRow::essBulk);
        STATISTICS.put("ess_tail", SummaryRow::essTail);
        STATISTICS.put("ess_mean", SummaryRow::essMean);
        STATISTICS.put("mcse_mean", SummaryRow::mcseMean);
        STATISTICS.put("mcse_sd", SummaryRow::mcseSd);
        STATISTICS.put("mcse_q5", SummaryRow::mcseQ5);
        STATISTICS.put("mcse_q95", SummaryRow::mcseQ95);
    }


    static List<String> cases() {
        return ReferenceCases.names();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void everyStatisticMatchesThePosteriorPackageTo1e6Relative(String name) {
        JsonNode expected = ReferenceCases.expected().get(name);
        double[][] chains = ReferenceCases.draws(name);
        assertEquals(expected.get("chains").asInt(), chains.length);
        assertEquals(expected.get("draws_per_chain").asInt(), chains[0].length);
        SummaryRow row = Summaries.summarize("x", chains);
        int compared = 0;
        for (var field : (Iterable<Map.Entry<String, JsonNode>>) expected::fields) {
            if (field.getKey().equals("chains") || field.getKey().equals("draws_per_chain")) {
                continue;
            }
            ToDoubleFunction<SummaryRow> statistic = STATISTICS.get(field.getKey());
            assertTrue(statistic != null, "expected.json has a statistic we do not compute: " + field.getKey());
            double reference = field.getValue().asDouble();
            double actual = statistic.applyAsDouble(row);
            double relative = Math.abs(actual - reference) / Math.abs(reference);
            assertTrue(relative <= 1e-6, name + " " + field.getKey() + ": " + actual + " vs posterior " + reference
                    + " (relative error " + relative + ")");
            compared++;
        }
        assertEquals(STATISTICS.size(), compared);
    }


    @Test
    void summarizesEveryVariableOverAllChains() {
        double[][][] values = {{{1, 2, 3}, {0, 0, 0}}, {{4, 5, 6}, {1, 1, 1}}};
        List<SummaryRow> rows = Summaries.summarize(Draws.of(List.of("a", "b[1]"), values));
        assertEquals(2, rows.size());
        assertEquals("b[1]", rows.get(1).variable());
        assertEquals(3.5, rows.get(0).mean(), 1e-15);
        assertEquals(Math.sqrt(3.5), rows.get(0).sd(), 1e-12);
        assertEquals(0.5, rows.get(1).mean(), 1e-15);
    }

    /** Four chains of 200 draws of 130 variables (more than one block of work); variable 7 is constant. */
    static Draws manyVariables() {
        List<String> names = new java.util.ArrayList<>();
        double[][][] values = new double[4][130][200];
        java.util.SplittableRandom random = new java.util.SplittableRandom(4);
        for (int v = 0; v < 130; v++) {
            names.add("theta[" + (v + 1) + "]");
            for (int c = 0; c < 4; c++) {
                for (int i = 0; i < 200; i++) {
                    values[c][v][i] = v == 6 ? 2.0 : random.nextDouble() * (v + 1);
                }
            }
        }
        return Draws.of(names, values);
    }

    @Test
    void anExecutorGivesTheSameRowsInTheSameOrder() {
        Draws draws = manyVariables();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            assertEquals(Summaries.summarize(draws), Summaries.summarize(draws, pool));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFitGetsRowsSamplerChecksAndWarnings() {
        Draws draws = manyVariables();
        Draws statistics = Draws.of(List.of("lp__", "accept_stat__"), new double[4][2][200]);
        var fit = new org.muster.core.api.PosteriorDraws("mh", draws, statistics, List.of(), false);
        PosteriorSummary summary = Summaries.summarize(fit);
        assertEquals(130, summary.rows().size());
        assertEquals(4, summary.chains());
        assertEquals(200, summary.drawsPerChain());
        assertTrue(summary.sampler().orElseThrow().hasAcceptStat());
        // theta[7] is 2.0 in every draw of every chain: NA diagnostics, sd exactly 0, no warning
        SummaryRow fixed = summary.rows().get(6);
        assertTrue(fixed.constant() && Double.isNaN(fixed.rhat()) && Double.isNaN(fixed.essBulk()), fixed.toString());
        assertEquals(2.0, fixed.mean());
        assertEquals(List.of(), summary.warnings());
        var noStatistics = new org.muster.core.api.PosteriorDraws("x", draws, Draws.of(List.of(), new double[4][0][]),
                List.of(), false);
        assertTrue(Summaries.summarize(noStatistics).sampler().isEmpty());
    }

    @Test
    void aConstantIsReportedExactlyButStuckChainsAtDifferentValuesAreWarnedAbout() {
        // 0.1 summed 800 times does not divide back to 0.1 exactly
        double[][] fixed = new double[4][200];
        double[][] stuck = new double[4][200];
        for (int c = 0; c < 4; c++) {
            java.util.Arrays.fill(fixed[c], 0.1);
            java.util.Arrays.fill(stuck[c], 0.1 * (c + 1));
        }
        SummaryRow row = Summaries.summarize("L_1[1]", fixed);
        assertEquals(0.1, row.mean());
        assertEquals(0.0, row.sd());
        assertTrue(row.constant() && Double.isNaN(row.rhat()) && Double.isNaN(row.essBulk()), row.toString());
        Draws draws = Draws.of(List.of("L_1[1]", "tau"), new double[][][] {{fixed[0], stuck[0]}, {fixed[1], stuck[1]},
            {fixed[2], stuck[2]}, {fixed[3], stuck[3]}});
        var fit = new org.muster.core.api.PosteriorDraws("mh", draws, Draws.of(List.of("lp__"), new double[4][1][200]),
                List.of(), false);
        List<DiagnosticWarning> warnings = Summaries.summarize(fit).warnings();
        // chains stuck at different values: R-hat is infinite, and the warning names tau alone
        assertEquals(DiagnosticWarning.Kind.RHAT, warnings.get(0).kind(), warnings.toString());
        assertTrue(warnings.stream().allMatch(w -> w.variables().equals(List.of("tau"))), warnings.toString());
    }

    @Test
    void nonFiniteDrawsAreRejectedNamingVariableChainAndDraw() {
        double[][] chains = {{1, 2, 3, 4}, {1, 2, Double.NaN, 4}};
        var e = assertThrows(IllegalArgumentException.class, () -> Summaries.summarize("theta[2]", chains));
        assertTrue(e.getMessage().contains("theta[2]") && e.getMessage().contains("draw 3 of chain 2"), e.getMessage());
        double[][][] values = {{{1, 2, 3, 4}, {1, 2, 3, 4}}, {{1, 2, 3, 4}, {1, Double.NEGATIVE_INFINITY, 3, 4}}};
        Draws draws = Draws.of(List.of("a", "b"), values);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var parallel = assertThrows(IllegalArgumentException.class, () -> Summaries.summarize(draws, pool));
            assertTrue(parallel.getMessage().contains("variable b: draw 2 of chain 2 is -Infinity"), parallel.getMessage());
        } finally {
            pool.shutdownNow();
        }
    }
}
