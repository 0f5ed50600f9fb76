package org.muster.samplers.internal.collapsed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.muster.core.api.PosteriorDraws;
import org.muster.core.spi.FitListener;
import org.muster.core.spi.InferenceMethodProvider;
import org.muster.core.spi.MethodOptions;
import org.muster.core.spi.RunConfig;
import org.muster.samplers.testkit.InferenceMethodContract;

/** collapsed meets the sampler contract (its conjugate model is two layers and nothing else: exact draws). */
class CollapsedProviderTest extends InferenceMethodContract {

    @Override
    protected InferenceMethodProvider provider() {
        return new CollapsedProvider();
    }

    @Override
    protected int drawsPerChain() {
        return 1000;
    }

    @Test
    void isFoundByServiceLoader() {
        assertTrue(ServiceLoader.load(InferenceMethodProvider.class).stream()
                .anyMatch(p -> p.get().id().equals("collapsed")));
    }

    @Test
    void explainsWhichNodesAreIntegratedOut() {
        assertEquals(List.of(
                "mu: integrated out in closed form (mu -> y (normal-normal)), drawn exactly from its conditional after"
                        + " each transition",
                "lambda: integrated out in closed form (lambda -> k (gamma-poisson)), drawn exactly from its conditional"
                        + " after each transition",
                "no other parameters: every draw is exact and independent"),
                provider().explain(conjugateModelForTests(), MethodOptions.empty()));
    }
}
