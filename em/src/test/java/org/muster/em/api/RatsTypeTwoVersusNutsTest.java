package org.muster.em.api;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.muster.core.api.Draws;
import org.muster.core.api.PosteriorDraws;
import org.muster.core.spi.FitListener;
import org.muster.core.spi.InferenceMethodProvider;
import org.muster.core.spi.MethodOptions;
import org.muster.core.spi.RunConfig;
import org.muster.models.api.Dataset;
import org.muster.models.api.DatasetReader;
import org.muster.models.spi.FamilyOptions;
import org.muster.models.spi.ModelFamily;

/**
 * The empirical-Bayes rung against full Bayes on rats (BDA3 5.3): NUTS on the beta-binomial family
 * with its default hyperprior p(alpha, beta) ∝ (alpha + beta)^(-5/2), against type-II maximum
 * likelihood. Empirical Bayes plugs in one (alpha, beta) where full Bayes averages over them, so the
 * two agree closely but not exactly; the tolerances below say how closely.
 */
@Tag("statistical")
class RatsTypeTwoVersusNutsTest {

    @Test
    void typeTwoEstimatesSitInsideTheFullBayesPosteriorAndUnitMeansAgree() {
        Dataset rats = DatasetReader.builtIn("rats");
        int[] tumors = rats.integer("tumors");
        int[] animals = rats.integer("rats");
        BetaBinomialEstimate typeTwo = BetaBinomialEmpiricalBayes.typeTwoMaximumLikelihood(tumors, animals);

        ModelFamily family = ServiceLoader.load(ModelFamily.class).stream().map(ServiceLoader.Provider::get)
                .filter(f -> f.id().equals("beta-binomial")).findFirst().orElseThrow();
        InferenceMethodProvider nuts = ServiceLoader.load(InferenceMethodProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.id().equals("nuts")).findFirst().orElseThrow();
        PosteriorDraws fit = (PosteriorDraws) nuts.create(MethodOptions.empty()).fit(
                family.build(rats, FamilyOptions.none()),
                RunConfig.builder().chains(4).warmup(1000).draws(1000).seed(20261121).build(), FitListener.NONE);
        Draws draws = fit.draws();

        for (String name : new String[] {"alpha", "beta"}) {
            double[] pooled = draws.pooled(draws.indexOf(name)).clone();
            Arrays.sort(pooled);
            double q05 = pooled[(int) (0.05 * pooled.length)];
            double q95 = pooled[(int) (0.95 * pooled.length)];
            double value = name.equals("alpha") ? typeTwo.alpha() : typeTwo.beta();
            assertTrue(value > q05 && value < q95, name + " = " + value + " outside the 90% interval (" + q05 + ", " + q95 + ")");
        }
        double largest = 0;
        for (int j = 0; j < tumors.length; j++) {
            double fullBayes = Arrays.stream(draws.pooled(draws.indexOf("theta[" + (j + 1) + "]"))).average().orElseThrow();
            largest = Math.max(largest, Math.abs(fullBayes - typeTwo.posteriorMean(tumors[j], animals[j])));
        }
        // Integrating over (alpha, beta) moves unit means by a fraction of their posterior sd (about 0.02 to 0.1).
        assertTrue(largest < 0.01, "largest difference of a unit's posterior mean: " + largest);
    }
}
