package org.muster.app.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.muster.core.spi.FitListener;

/** Simulation-based calibration: ranks, seeds, verdicts, and the acceptance runs (tagged statistical). */
class CalibrationTest {

    private static FitSpec eightSchools(int warmup, int draws, long seed) {
        return FitSpec.builder("eight-schools").chains(2).warmup(warmup).draws(draws).seed(seed).build();
    }

    private static FitSpec betaBinomial(int warmup, int draws, long seed) {
        return FitSpec.builder("beta-binomial").prior("concentration=gamma(2, 0.1)").chains(2).warmup(warmup)
                .draws(draws).seed(seed).build();
    }

    @Test
    void aSimulationRanksEveryParameterAndDependsOnItsNumberAlone() throws Exception {
        Calibration calibration = Calibration.of(eightSchools(100, 100, 5), Optional.empty());
        assertEquals(List.of("mu", "tau", "z[1]", "z[2]", "z[3]", "z[4]", "z[5]", "z[6]", "z[7]", "z[8]", "theta[1]",
                "theta[2]", "theta[3]", "theta[4]", "theta[5]", "theta[6]", "theta[7]", "theta[8]"),
                calibration.parameters());
        SimulationResult third = calibration.simulate(3);
        assertTrue(third.completed(), third.error().orElse(""));
        assertEquals(18, third.rows().size());
        assertEquals(Seeds.forIndex(5, 2), third.seed());
        for (CalibrationRow row : third.rows()) {
            assertEquals(3, row.simulation());
            assertTrue(row.rank() >= 0 && row.rank() <= row.draws() && row.draws() * row.thin() <= 200, row.toString());
        }
        // theta = mu + tau z holds in the truth
        double mu = third.rows().get(0).truth();
        double tau = third.rows().get(1).truth();
        assertEquals(mu + tau * third.rows().get(2).truth(), third.rows().get(10).truth(), 1e-9);
        // the same simulation on another thread, after others: the same numbers
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<SimulationResult>> results = new ArrayList<>();
            for (int number = 4; number >= 1; number--) {
                int n = number;
                results.add(pool.submit(() -> calibration.simulate(n)));
            }
            assertEquals(third, results.get(1).get());
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void simulatedDataReplaceTheDesignsOutcomes() {
        Calibration calibration = Calibration.of(betaBinomial(100, 100, 2), BetaBinomialDesign.design());
        SimulationResult result = calibration.simulate(1);
        assertTrue(result.completed(), result.error().orElse(""));
        assertEquals(List.of("mean", "concentration", "alpha", "beta"), calibration.parameters().subList(0, 4));
        assertEquals(14, result.rows().size());
    }

    @Test
    void anImproperPriorIsRefusedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Calibration.of(
                FitSpec.builder("beta-binomial").build(), BetaBinomialDesign.design()));
        assertTrue(e.getMessage().contains("concentration") && e.getMessage().contains("--prior"), e.getMessage());
    }

    @Test
    void aCancelledFitGivesNoRanks() {
        Calibration calibration = Calibration.of(eightSchools(100, 100, 5), Optional.empty());
        FitListener cancelled = new FitListener() {
            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        SimulationResult result = calibration.simulate(1, Calibration.DEFAULT_FITTER, cancelled);
        assertTrue(result.cancelled());
        assertTrue(result.rows().isEmpty());
    }

    @Test
    void aBadlyShiftedSamplerIsFlaggedEvenInFewSimulations() {
        List<CalibrationRow> rows = run(Calibration.of(eightSchools(100, 100, 9), Optional.empty()), 25,
                new ShiftedDraws(1.0));
        List<CalibrationVerdict> verdicts = CalibrationVerdict.of(rows, CalibrationVerdict.levelFor(0.05, 18), 4, 25);
        CalibrationVerdict mu = verdicts.get(0);
        assertEquals("mu", mu.variable());
        assertFalse(mu.uniform());
        // draws moved up: the truth is below most of them
        assertTrue(mu.verdict().contains("ranks too low"), mu.verdict());
    }

    @Test
    @Tag("statistical")
    void nutsIsCalibratedOnEightSchoolsAndAShiftedSamplerIsNot() {
        Calibration calibration = Calibration.of(eightSchools(150, 150, 2024), Optional.empty());
        assertAllUniform(run(calibration, 500, Calibration.DEFAULT_FITTER), 18);
        List<CalibrationVerdict> shifted = CalibrationVerdict.of(run(calibration, 100, new ShiftedDraws(1.0)),
                CalibrationVerdict.levelFor(0.05, 18), 10, 100);
        assertTrue(shifted.stream().noneMatch(CalibrationVerdict::uniform), "every parameter flagged: " + shifted.stream()
                .map(v -> v.variable() + " " + v.verdict()).toList());
    }

    @Test
    @Tag("statistical")
    void nutsIsCalibratedOnTheBetaBinomialWithAProperHyperprior() {
        Calibration calibration = Calibration.of(betaBinomial(150, 150, 2025), BetaBinomialDesign.design());
        assertAllUniform(run(calibration, 500, Calibration.DEFAULT_FITTER), 14);
        List<CalibrationVerdict> shifted = CalibrationVerdict.of(run(calibration, 100, new ShiftedDraws(1.0)),
                CalibrationVerdict.levelFor(0.05, 14), 10, 100);
        assertTrue(shifted.stream().filter(v -> !v.uniform()).count() >= 10, "flagged: " + shifted.stream()
                .map(v -> v.variable() + " " + v.verdict()).toList());
    }

    private static void assertAllUniform(List<CalibrationRow> rows, int parameters) {
        List<CalibrationVerdict> verdicts = CalibrationVerdict.of(rows, CalibrationVerdict.levelFor(0.05, parameters),
                20, 100);
        assertEquals(parameters, verdicts.size());
        for (CalibrationVerdict verdict : verdicts) {
            assertEquals(500, verdict.simulations());
            assertTrue(verdict.uniform(), verdict.variable() + ": " + verdict.verdict());
        }
    }

    /** Simulations 1 .. count on two threads, as the command runs them. */
    static List<CalibrationRow> run(Calibration calibration, int count, Calibration.Fitter fitter) {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<SimulationResult>> futures = new ArrayList<>();
            for (int number = 1; number <= count; number++) {
                int n = number;
                futures.add(pool.submit(() -> calibration.simulate(n, fitter, FitListener.NONE)));
            }
            List<CalibrationRow> rows = new ArrayList<>();
            for (Future<SimulationResult> future : futures) {
                SimulationResult result = future.get();
                assertTrue(result.completed(), result.error().orElse("cancelled"));
                rows.addAll(result.rows());
            }
            return rows;
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            pool.shutdown();
        }
    }
}
