package org.muster.em.internal.eb;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.muster.core.api.Draws;
import org.muster.core.api.Model;
import org.muster.core.api.PointEstimate;
import org.muster.core.api.PosteriorDraws;
import org.muster.core.spi.FitListener;
import org.muster.core.spi.InferenceMethodProvider;
import org.muster.core.spi.MethodOptions;
import org.muster.core.spi.RunConfig;
import org.muster.models.api.DatasetReader;
import org.muster.models.spi.FamilyOptions;
import org.muster.models.spi.ModelFamily;

/**
 * The {@code eb} method as {@code muster fit} runs it, against NUTS on the same rats model (BDA3 5.3):
 * the type-II (alpha, beta) lie inside the full-Bayes 90% intervals and each unit's conditional
 * posterior mean is within 0.01 of its full-Bayes posterior mean (plugging in one (alpha, beta) instead
 * of averaging over them moves unit means by a fraction of their sd).
 */
@Tag("statistical")
class RatsEmpiricalBayesVersusNutsTest {

    @Test
    void typeTwoSitsInsideTheFullBayesPosterior() {
        ModelFamily family = ServiceLoader.load(ModelFamily.class).stream().map(ServiceLoader.Provider::get)
                .filter(f -> f.id().equals("beta-binomial")).findFirst().orElseThrow();
        Model model = family.build(DatasetReader.builtIn("rats"), FamilyOptions.none());
        PointEstimate eb = EmpiricalBayesProviderTest.fit("eb", model, Map.of());
        InferenceMethodProvider nuts = ServiceLoader.load(InferenceMethodProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.id().equals("nuts")).findFirst().orElseThrow();
        Draws draws = ((PosteriorDraws) nuts.create(MethodOptions.empty()).fit(model,
                RunConfig.builder().chains(4).warmup(1000).draws(1000).seed(11).build(), FitListener.NONE)).draws();
        for (String name : new String[] {"alpha", "beta", "mean", "concentration"}) {
            double[] pooled = draws.pooled(draws.indexOf(name)).clone();
            Arrays.sort(pooled);
            double value = eb.estimates().get(name)[0];
            assertTrue(value > pooled[(int) (0.05 * pooled.length)] && value < pooled[(int) (0.95 * pooled.length)],
                    name + " = " + value);
        }
        double[] theta = eb.estimates().get("theta");
        for (int j = 0; j < theta.length; j++) {
            double fullBayes = Arrays.stream(draws.pooled(draws.indexOf("theta[" + (j + 1) + "]"))).average().orElseThrow();
            assertTrue(Math.abs(fullBayes - theta[j]) < 0.01, "theta[" + (j + 1) + "]: " + theta[j] + " vs " + fullBayes);
        }
    }
}
