package org.muster.models.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.muster.core.api.Draws;
import org.muster.core.api.Model;
import org.muster.core.api.PosteriorDraws;
import org.muster.core.spi.FitListener;
import org.muster.core.spi.MethodOptions;
import org.muster.core.spi.RunConfig;
import org.muster.diagnostics.api.MonteCarloError;
import org.muster.models.api.DatasetReader;
import org.muster.models.internal.CollapsedReferences.Reference;
import org.muster.models.spi.FamilyOptions;

/**
 * {@code collapsed} on the built-in families agrees with the reference posteriors and with {@code nuts}
 * within 4 combined Monte Carlo standard errors, sqrt(MCSE_a² + MCSE_b²), on every hyperparameter and on
 * the units the README shows (eight schools: every theta; rats: theta[1] and theta[71]; the sources:
 * the first and last rate; radon: the first and last county's effects); so do the Rao–Blackwellized means
 * of those units. References: eight schools from rstan (100,000 draws, {@code validation/
 * eight_schools_posterior.csv}, copied from the team's shared/validation), the others from long runs of
 * {@code nuts} described in {@link CollapsedReferences}. Fixed seeds.
 */
@Tag("statistical")
class CollapsedOnFamiliesTest {

    private static PosteriorDraws fit(String method, Model model, int draws, long seed) {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            return (PosteriorDraws) Fits.method(method).create(MethodOptions.empty()).fit(model, RunConfig.builder()
                    .chains(4).warmup(1000).draws(draws).seed(seed).executor(pool).build(), FitListener.NONE);
        } finally {
            pool.shutdownNow();
        }
    }

    private static double mean(Draws draws, String variable) {
        return Fits.mean(draws, variable);
    }

    private static double mcse(Draws draws, String variable) {
        return MonteCarloError.mean(draws.variable(draws.indexOf(variable)));
    }

    /** Every check on every variable, collected so one failure shows them all. */
    private static void assertAgree(String model, Model built, Map<String, Reference> references, List<String> variables,
            int draws) {
        PosteriorDraws collapsed = fit("collapsed", built, draws, 20261204);
        PosteriorDraws nuts = fit("nuts", built, draws, 20261205);
        Draws conditional = collapsed.conditionalMeans().orElseThrow();
        List<String> failures = new ArrayList<>();
        for (String variable : variables) {
            double m = mean(collapsed.draws(), variable);
            double e = mcse(collapsed.draws(), variable);
            Reference reference = references.get(variable);
            check(failures, model + " " + variable + " vs reference", m, e, reference.mean(), reference.mcse());
            check(failures, model + " " + variable + " vs nuts", m, e, mean(nuts.draws(), variable), mcse(nuts.draws(),
                    variable));
            if (conditional.indexOf(variable) >= 0) {
                check(failures, model + " " + variable + " Rao-Blackwellized vs reference", mean(conditional, variable),
                        mcse(conditional, variable), reference.mean(), reference.mcse());
                assertTrue(mcse(conditional, variable) <= e * 1.1, variable + ": the conditional means' MCSE "
                        + mcse(conditional, variable) + " should not exceed the draws' " + e);
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    private static void check(List<String> failures, String what, double mean, double mcse, double other,
            double otherMcse) {
        double combined = Math.sqrt(mcse * mcse + otherMcse * otherMcse);
        if (!(Math.abs(mean - other) <= 4 * combined)) {
            failures.add(String.format(java.util.Locale.ROOT, "%s: %.5g vs %.5g, %.1f combined MCSE (%.3g)", what, mean,
                    other, Math.abs(mean - other) / combined, combined));
        }
    }

    @Test
    void eightSchools() {
        Model model = new EightSchoolsFamily().build(DatasetReader.builtIn("eight-schools"), FamilyOptions.none());
        List<String> variables = new ArrayList<>(List.of("mu", "tau"));
        for (int j = 1; j <= 8; j++) {
            variables.add("theta[" + j + "]");
        }
        assertAgree("eight schools", model, CollapsedReferences.read("eight_schools"), variables, 2500);
    }

    @Test
    void ratsUnderTheBda3Hyperprior() {
        assertAgree("rats", CollapsedReferences.rats(), CollapsedReferences.read("rats"),
                List.of("mean", "concentration", "alpha", "beta", "theta[1]", "theta[71]"), 2500);
    }

    @Test
    void gammaPoissonSources() {
        assertAgree("sources", CollapsedReferences.sources(), CollapsedReferences.read("gamma_poisson_sources"),
                List.of("mu", "sigma", "lambda[1]", "lambda[60]"), 2500);
    }

    @Test
    void radonVaryingInterceptsAndSlopes() {
        Model model = CollapsedReferences.radon();
        List<String> names = model.compile().outputNames();
        List<String> effects = names.stream().filter(n -> n.startsWith("r_county[")).toList();
        List<String> variables = new ArrayList<>(List.of("b_Intercept", "b_floor", "sd_county__Intercept",
                "sd_county__floor", "cor_county__Intercept__floor", "sigma"));
        variables.add(effects.get(0));
        variables.add(effects.get(effects.size() / 2 - 1));
        variables.add(effects.get(effects.size() / 2));
        variables.add(effects.get(effects.size() - 1));
        assertEquals(170, effects.size());
        assertAgree("radon", model, CollapsedReferences.read("radon"), variables, 1500);
    }
}
