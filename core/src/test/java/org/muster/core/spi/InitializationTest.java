package org.muster.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.muster.core.api.Distributions.halfNormal;
import static org.muster.core.api.Distributions.normal;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.muster.core.api.Model;
import org.muster.core.api.ModelBuilder;
import org.muster.core.api.Node;
import org.muster.core.api.PosteriorDraws;

class InitializationTest {

    private static final MarkovChainMethod STAY = SteppingSampler.stepping("stay", 0, true);

    private static Model model() {
        ModelBuilder b = Model.builder();
        Node mu = b.stochastic("mu", normal(0, 1));
        Node sigma = b.stochastic("sigma", halfNormal(1));
        b.observed("y", normal(mu, sigma), new double[] {0.5, -0.2});
        return b.build();
    }

    private static PosteriorDraws run(Model model, RunConfig config) {
        return STAY.fit(model, config, FitListener.NONE);
    }

    @Test
    void partialInitialValuesFixTheirParametersAndDrawTheRest() {
        PosteriorDraws fit = run(model(), RunConfig.builder().chains(3).warmup(0).draws(2).seed(1)
                .initialValues(Map.of("sigma", new double[] {0.7})).build());
        for (int c = 0; c < 3; c++) {
            assertEquals(0.7, fit.draws().value(c, fit.draws().indexOf("sigma"), 0), 1e-12);
        }
        double mu0 = fit.draws().value(0, fit.draws().indexOf("mu"), 0);
        double mu1 = fit.draws().value(1, fit.draws().indexOf("mu"), 0);
        assertTrue(mu0 != mu1 && Math.abs(mu0) < 2 && Math.abs(mu1) < 2, "mu drawn from uniform(-2, 2): " + mu0 + ", " + mu1);
    }

    @Test
    void initialValuesOutsideTheSupportOrNotInTheModelAreNamed() {
        IllegalArgumentException outside = assertThrows(IllegalArgumentException.class, () -> run(model(),
                RunConfig.builder().chains(1).warmup(0).draws(1).initialValues(Map.of("sigma", new double[] {-1})).build()));
        assertTrue(outside.getMessage().contains("sigma"), outside.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> run(model(),
                RunConfig.builder().chains(1).warmup(0).draws(1).initialValues(Map.of("tau", new double[] {1})).build()));
        assertTrue(unknown.getMessage().contains("'tau' is not a parameter"), unknown.getMessage());
    }

    @Test
    void aModelWithNoFiniteStartNamesTheTerm() {
        ModelBuilder b = Model.builder();
        Node mu = b.stochastic("mu", normal(0, 1));
        // exp(exp(1000 mu)) overflows for mu > 0; exp(-...) underflows the scale to 0 for mu < 0.
        Node scale = b.deterministic("scale", org.muster.core.api.Expressions.exp(
                org.muster.core.api.Expressions.exp(mu.times(1000)).minus(
                        org.muster.core.api.Expressions.exp(mu.times(-1000)))));
        b.observed("y", normal(0, scale), new double[] {1});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> run(b.build(), RunConfig.builder().chains(1).warmup(0).draws(1).build()));
        assertTrue(e.getMessage().contains("100 attempts") && e.getMessage().contains("'y'"), e.getMessage());
    }
}
