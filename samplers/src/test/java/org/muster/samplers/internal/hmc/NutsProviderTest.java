package org.muster.samplers.internal.hmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.muster.core.api.PosteriorDraws;
import org.muster.core.spi.FitListener;
import org.muster.core.spi.InferenceMethodProvider;
import org.muster.core.spi.MethodOptions;
import org.muster.core.spi.RunConfig;
import org.muster.testkit.InferenceMethodContract;

class NutsProviderTest extends InferenceMethodContract {

    @Override
    protected InferenceMethodProvider provider() {
        return new NutsProvider();
    }

    @Override
    protected int drawsPerChain() {
        return 2000;
    }

    @Test
    void isFoundByServiceLoader() {
        assertTrue(ServiceLoader.load(InferenceMethodProvider.class).stream().anyMatch(p -> p.get().id().equals("nuts")));
    }

    @Test
    void writesStanStatisticsAndTheAdaptationResult() {
        PosteriorDraws fit = (PosteriorDraws) provider().create(MethodOptions.empty()).fit(conjugateModelForTests(),
                RunConfig.builder().chains(2).warmup(300).draws(200).seed(11).build(), FitListener.NONE);
        assertEquals(List.of("lp__", "accept_stat__", "stepsize__", "treedepth__", "n_leapfrog__", "divergent__",
                "energy__"), fit.samplerStatistics().variables());
        double adapted = fit.chains().get(0).adaptation().orElseThrow().stepSize();
        int stepsize = fit.samplerStatistics().indexOf("stepsize__");
        for (double s : fit.samplerStatistics().chain(0, stepsize)) {
            assertEquals(adapted, s, 0.0, "the step size is fixed after warmup");
        }
        assertEquals("nuts", fit.settings().get("engine"));
        assertEquals("10", fit.settings().get("max_depth"));
        assertEquals("diag_e", fit.settings().get("metric"));
        double[] inverseMetric = fit.chains().get(0).adaptation().orElseThrow().inverseMetric()[0];
        assertEquals(2, inverseMetric.length);
        assertTrue(inverseMetric[0] != 1 && inverseMetric[1] != 1, "the metric was adapted");
    }

    @Test
    void rejectsUnknownAndInvalidOptionsNamingThem() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> provider().create(MethodOptions.of(Map.of("int_time", "3"))));
        assertTrue(unknown.getMessage().contains("int_time"), unknown.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> provider().create(MethodOptions.of(Map.of("adapt_delta", "1"))));
        IllegalArgumentException metric = assertThrows(IllegalArgumentException.class,
                () -> provider().create(MethodOptions.of(Map.of("metric", "riemann"))));
        assertTrue(metric.getMessage().contains("riemann"), metric.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> provider().create(MethodOptions.of(Map.of("max_depth", "0"))));
    }
}
