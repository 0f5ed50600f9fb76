package org.muster.samplers.internal.hmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.muster.core.api.PosteriorDraws;
import org.muster.core.spi.FitListener;
import org.muster.core.spi.InferenceMethodProvider;
import org.muster.core.spi.MethodOptions;
import org.muster.core.spi.RunConfig;
import org.muster.testkit.InferenceMethodContract;

class StaticHmcProviderTest extends InferenceMethodContract {

    @Override
    protected InferenceMethodProvider provider() {
        return new StaticHmcProvider();
    }

    @Override
    protected int drawsPerChain() {
        return 2000;
    }

    @Test
    void integrationTimeSetsTheNumberOfSteps() {
        PosteriorDraws fit = (PosteriorDraws) provider().create(MethodOptions.of(Map.of("int_time", "1.5")))
                .fit(conjugateModelForTests(), RunConfig.builder().chains(1).warmup(200).draws(100).seed(2).build(),
                        FitListener.NONE);
        assertEquals(List.of("lp__", "accept_stat__", "stepsize__", "int_time__", "n_leapfrog__", "divergent__",
                "energy__"), fit.samplerStatistics().variables());
        double stepSize = fit.samplerStatistics().value(0, fit.samplerStatistics().indexOf("stepsize__"), 0);
        double leapfrogs = fit.samplerStatistics().value(0, fit.samplerStatistics().indexOf("n_leapfrog__"), 0);
        assertEquals(StaticHmcKernel.steps(1.5, stepSize), (int) leapfrogs);
        assertEquals("static", fit.settings().get("engine"));
        assertThrows(IllegalArgumentException.class, () -> provider().create(MethodOptions.of(Map.of("max_depth", "5"))));
        assertTrue(StaticHmcKernel.steps(1.0, 3.0) == 1);
    }
}
