package org.muster.models.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.muster.core.api.Draws;
import org.muster.core.api.Model;
import org.muster.core.spi.MethodOptions;
import org.muster.diagnostics.api.Convergence;
import org.muster.diagnostics.api.MonteCarloError;
import org.muster.diagnostics.api.Quantiles;
import org.muster.models.api.DatasetReader;
import org.muster.models.spi.FamilyOptions;

/**
 * The {@code gibbs} method (from the samplers module, found as the app finds it) on the built-in
 * families: which update each node gets, and agreement with NUTS on means and 5%/95% quantiles within
 * 4 combined Monte Carlo standard errors, sqrt(MCSE_gibbs^2 + MCSE_nuts^2), with fixed seeds.
 */
class GibbsOnFamiliesTest {

    private static Model gammaPoisson() {
        return new GammaPoissonFamily().build(DatasetReader.builtIn("gamma-poisson-sources"), FamilyOptions.none());
    }

    private static Model rats() {
        return new BetaBinomialFamily().build(DatasetReader.builtIn("rats"), FamilyOptions.none());
    }

    @Test
    void gammaPoissonRatesAreDrawnInClosedFormAndTheHyperparametersSliced() {
        assertEquals(List.of(
                "mu: slice sampling on the unconstrained scale (stepping out, shrinkage)",
                "sigma: slice sampling on the unconstrained scale (stepping out, shrinkage)",
                "lambda: conjugate gamma-poisson given n (all 60 members in one draw)"),
                Fits.method("gibbs").explain(gammaPoisson(), MethodOptions.empty()));
    }

    @Test
    void ratsHyperparametersCanBeSlicedWithoutTheFamilysBlock() {
        assertEquals(List.of(
                "mean: slice sampling on the unconstrained scale (stepping out, shrinkage)",
                "concentration: slice sampling on the unconstrained scale (stepping out, shrinkage)",
                "theta: conjugate beta-binomial given y (all 71 members in one draw)"),
                Fits.method("gibbs").explain(rats(), MethodOptions.of(java.util.Map.of("block", "none"))));
    }

    @Test
    void theFamilyMarksRatsHyperparametersAsAMetropolisBlock() {
        List<String> block = List.of(
                "mean, concentration: Metropolis block (joint random walk on the unconstrained scale, 5 steps per sweep, scale and"
                        + " covariance adapted in warmup toward acceptance 0.234)",
                "theta: conjugate beta-binomial given y (all 71 members in one draw)");
        assertEquals(block, Fits.method("gibbs").explain(rats(), MethodOptions.empty()));
        assertEquals(block,
                Fits.method("gibbs").explain(rats(), MethodOptions.of(java.util.Map.of("block", "mean,concentration"))));
        Model onAlphaBeta = new BetaBinomialFamily().build(DatasetReader.builtIn("rats"), FamilyOptions.builder()
                .prior("alpha=gamma(1, 0.1)").prior("beta=gamma(1, 0.1)").build());
        assertEquals("alpha, beta: Metropolis block (joint random walk on the unconstrained scale, 5 steps per sweep, scale and covariance"
                + " adapted in warmup toward acceptance 0.234)",
                Fits.method("gibbs").explain(onAlphaBeta, MethodOptions.empty()).get(0));
    }

    @Test
    @Tag("statistical")
    void gammaPoissonGibbsAgreesWithNuts() {
        Model model = gammaPoisson();
        Draws gibbs = Fits.fit("gibbs", model, 1000, 3000, 20261121);
        Draws nuts = Fits.nuts(model, 1000, 1000, 20261121);
        for (String variable : List.of("mu", "sigma", "lambda[1]", "lambda[17]", "lambda[60]")) {
            assertAgree(gibbs, nuts, variable);
        }
    }

    @Test
    @Tag("statistical")
    void ratsSlicedGibbsAgreesWithNuts() {
        Model model = rats();
        Draws gibbs = Fits.fit("gibbs", MethodOptions.of(java.util.Map.of("block", "none")), model, 1000, 3000,
                20261121);
        Draws nuts = Fits.nuts(model, 1000, 1000, 20261121);
        for (String variable : List.of("alpha", "beta", "theta[71]", "mean", "concentration")) {
            assertAgree(gibbs, nuts, variable);
        }
    }

    /** The acceptance test: conjugate theta, Metropolis-within-Gibbs on the population parameters. */
    @Test
    @Tag("statistical")
    void ratsMetropolisWithinGibbsAgreesWithNuts() {
        Model model = rats();
        // The family marks (mean, concentration) as a block. The random walk mixes about four times slower per
        // draw than slicing but costs less per draw (bench/README.md): more draws.
        Draws gibbs = Fits.fit("gibbs", MethodOptions.empty(), model, 1000, 10_000, 20261121);
        Draws nuts = Fits.nuts(model, 1000, 1000, 20261121);
        for (String variable : List.of("alpha", "beta", "theta[71]")) {
            assertAgree(gibbs, nuts, variable);
        }
    }

    private static void assertAgree(Draws gibbs, Draws nuts, String variable) {
        double[][] a = gibbs.variable(gibbs.indexOf(variable));
        double[][] b = nuts.variable(nuts.indexOf(variable));
        assertTrue(Convergence.rhat(a) < 1.01, variable + ": Gibbs R-hat " + Convergence.rhat(a));
        assertTrue(Convergence.essBulk(a) > 400, variable + ": Gibbs bulk ESS " + Convergence.essBulk(a));
        compare(variable + " mean", mean(a), MonteCarloError.mean(a), mean(b), MonteCarloError.mean(b));
        for (double p : new double[] {0.05, 0.95}) {
            compare(variable + " " + (int) (100 * p) + "% quantile", quantile(a, p), MonteCarloError.quantile(a, p),
                    quantile(b, p), MonteCarloError.quantile(b, p));
        }
    }

    private static void compare(String what, double gibbs, double gibbsError, double nuts, double nutsError) {
        double combined = Math.sqrt(gibbsError * gibbsError + nutsError * nutsError);
        assertTrue(Math.abs(gibbs - nuts) < 4 * combined, what + ": Gibbs " + gibbs + " vs NUTS " + nuts + " ("
                + (gibbs - nuts) / combined + " combined MCSE of " + combined + ")");
    }

    private static double mean(double[][] chains) {
        return Arrays.stream(chains).flatMapToDouble(Arrays::stream).average().orElseThrow();
    }

    private static double quantile(double[][] chains, double p) {
        double[] sorted = Arrays.stream(chains).flatMapToDouble(Arrays::stream).sorted().toArray();
        return Quantiles.type7(sorted, p);
    }
}
