package org.muster.diagnostics.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WarningsTest {

    static SummaryRow row(String name, double rhat, double essBulk, double essTail) {
        return new SummaryRow(name, 0, 1, -1.6, 0, 1.6, 0.02, 0.01, 0.05, 0.05, rhat, rhat, essBulk, essTail, essBulk);
    }

    static List<DiagnosticWarning.Kind> kinds(List<DiagnosticWarning> warnings) {
        return warnings.stream().map(DiagnosticWarning::kind).toList();
    }

    @Test
    void aHealthySummaryHasNoWarnings() {
        List<SummaryRow> rows = List.of(row("mu", 1.001, 3000, 2500), row("tau", 1.009, 401, 401));
        assertEquals(List.of(), Warnings.of(rows, 4, Optional.empty(), WarningThresholds.DEFAULT));
    }

    @Test
    void highRhatNamesTheWorstVariablesFirstAndSaysWhatToTry() {
        List<SummaryRow> rows = List.of(row("mu", 1.02, 3000, 3000), row("tau", 1.2, 3000, 3000),
                row("sigma", 1.0, 3000, 3000));
        List<DiagnosticWarning> warnings = Warnings.of(rows, 4, Optional.empty(), WarningThresholds.DEFAULT);
        assertEquals(List.of(DiagnosticWarning.Kind.RHAT), kinds(warnings));
        DiagnosticWarning rhat = warnings.get(0);
        assertEquals(List.of("tau", "mu"), rhat.variables());
        assertTrue(rhat.message().startsWith("R-hat above 1.01 for 2 of 3 variables (tau 1.200, mu 1.020)"), rhat.message());
        assertTrue(rhat.advice().contains("run longer") && rhat.advice().contains("non-centered"), rhat.advice());
        assertTrue(rhat.text().contains(". Try: "), rhat.text());
    }

    @Test
    void essThresholdIsPerChain() {
        List<SummaryRow> rows = List.of(row("mu", 1.0, 399, 1000), row("tau", 1.0, 1000, 150));
        List<DiagnosticWarning> four = Warnings.of(rows, 4, Optional.empty(), WarningThresholds.DEFAULT);
        assertEquals(List.of(DiagnosticWarning.Kind.ESS_BULK, DiagnosticWarning.Kind.ESS_TAIL), kinds(four));
        assertTrue(four.get(0).message().startsWith("Bulk ESS below 400 (100 per chain)"), four.get(0).message());
        assertEquals(List.of("tau"), four.get(1).variables());
        assertEquals(List.of(), Warnings.of(rows, 1, Optional.empty(), WarningThresholds.DEFAULT));
    }

    @Test
    void undefinedDiagnosticsAreWarnedAboutNotHidden() {
        List<SummaryRow> rows = List.of(row("sigma", Double.NaN, Double.NaN, Double.NaN), row("mu", 1.0, 3000, 3000));
        List<DiagnosticWarning> warnings = Warnings.of(rows, 4, Optional.empty(), WarningThresholds.DEFAULT);
        assertEquals(List.of(DiagnosticWarning.Kind.UNDEFINED), kinds(warnings));
        assertTrue(warnings.get(0).message().contains("(sigma)") && warnings.get(0).message().contains("equal"),
                warnings.get(0).message());
    }

    @Test
    void aVariableConstantInEveryChainHasNoRhatButNoWarning() {
        SummaryRow fixed = new SummaryRow("L_1[1]", 1, 0, 1, 1, 1, 0, 0, 0, 0, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN);
        assertTrue(fixed.constant());
        List<SummaryRow> rows = List.of(fixed, row("mu", 1.0, 3000, 3000));
        assertEquals(List.of(), Warnings.of(rows, 4, Optional.empty(), WarningThresholds.DEFAULT));
        List<SummaryRow> stuck = List.of(fixed, row("sigma", Double.NaN, Double.NaN, Double.NaN));
        List<DiagnosticWarning> warnings = Warnings.of(stuck, 4, Optional.empty(), WarningThresholds.DEFAULT);
        assertEquals(List.of(DiagnosticWarning.Kind.UNDEFINED), kinds(warnings));
        assertEquals(List.of("sigma"), warnings.get(0).variables());
        assertTrue(warnings.get(0).message().startsWith("R-hat and ESS are undefined for 1 of 2 variables (sigma)"),
                warnings.get(0).message());
    }

    @Test
    void longListsAreCut() {
        List<SummaryRow> rows = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            rows.add(row("theta[" + i + "]", 1.0 + i / 100.0, 3000, 3000));
        }
        DiagnosticWarning rhat = Warnings.of(rows, 4, Optional.empty(), WarningThresholds.DEFAULT).get(0);
        assertEquals(7, rhat.variables().size());
        assertTrue(rhat.message().contains("theta[8] 1.080, theta[7] 1.070") && rhat.message().contains("and 2 more"),
                rhat.message());
    }

    @Test
    void sharesNeverRoundACountAway() {
        assertEquals("0%", Warnings.percent(0, 4000));
        assertEquals("0.03%", Warnings.percent(1, 4000));
        assertEquals("0.0001%", Warnings.percent(1, 1_000_000));
        assertEquals("0.1%", Warnings.percent(4, 4000));
        assertEquals("12.5%", Warnings.percent(1, 8));
        assertEquals(">99.9%", Warnings.percent(3999, 4000));
        assertEquals("100%", Warnings.percent(8, 8));
    }

    @Test
    void samplerProblemsEachGetAWarning() {
        SamplerChecks checks = SamplerChecks.of(SamplerChecksTest.statistics(), Map.of("max_depth", "3"));
        List<DiagnosticWarning> warnings = Warnings.of(List.of(row("mu", 1.0, 3000, 3000)), 2, Optional.of(checks),
                new WarningThresholds(1.01, 100, 1.2));
        assertEquals(List.of(DiagnosticWarning.Kind.DIVERGENCES, DiagnosticWarning.Kind.LOW_EBFMI,
                DiagnosticWarning.Kind.TREE_DEPTH), kinds(warnings));
        assertTrue(warnings.get(0).message().startsWith("1 of 8 transitions (12.5%) diverged (chain 1: 1)"),
                warnings.get(0).message());
        assertTrue(warnings.get(0).advice().contains("adapt-delta") && warnings.get(0).advice().contains("non-centered"));
        assertTrue(warnings.get(1).message().contains("1 of 2 chains (chain 2: 1.00)"), warnings.get(1).message());
        assertTrue(warnings.get(2).message().startsWith("2 of 8 transitions (25.0%) stopped at the maximum tree depth 3"),
                warnings.get(2).message());
        // with the default E-BFMI threshold 0.3 both chains (1.5 and 1.0) pass
        assertEquals(2, Warnings.of(List.of(), 2, Optional.of(checks), WarningThresholds.DEFAULT).size());
    }
}
