package org.muster.samplers.internal.gibbs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.muster.core.api.Distributions.categorical;
import static org.muster.core.api.Distributions.dirichlet;
import static org.muster.core.api.Distributions.halfNormal;
import static org.muster.core.api.Distributions.normal;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.muster.core.api.Draws;
import org.muster.core.api.Model;
import org.muster.core.api.ModelBuilder;
import org.muster.core.api.Node;
import org.muster.core.api.PosteriorDraws;
import org.muster.core.spi.FitListener;
import org.muster.core.spi.MethodOptions;
import org.muster.core.spi.RunConfig;
import org.muster.samplers.internal.hmc.NutsProvider;
import org.muster.samplers.internal.mh.MetropolisProvider;

/**
 * A two-component Gaussian mixture stated with discrete indicators z_i ~ categorical(w), as JAGS users
 * write it: Gibbs draws the indicators by enumeration, w by the Dirichlet–categorical conjugate draw and
 * the means and scales by slice sampling, and recovers well-separated components.
 */
@Tag("statistical")
class GibbsMixtureTest {

    private static final int N = 150;
    private static final double[] MEANS = {-2, 3};
    private static final double[] SDS = {0.7, 1.0};

    private final int[] truth = new int[N];
    private final double[] y = new double[N];

    GibbsMixtureTest() {
        var random = new SplittableRandom(2026);
        for (int i = 0; i < N; i++) {
            truth[i] = random.nextDouble() < 0.4 ? 0 : 1;
            y[i] = MEANS[truth[i]] + SDS[truth[i]] * random.nextGaussian();
        }
    }

    private Model mixture() {
        ModelBuilder b = Model.builder();
        Node w = b.stochastic("w", dirichlet(b.data("ones", new double[] {1, 1})));
        Node z = b.stochastic("z", N, categorical(w));
        Node mu = b.stochastic("mu", 2, normal(0, 10));
        Node sigma = b.stochastic("sigma", 2, halfNormal(5));
        b.observed("y", normal(mu.select(z), sigma.select(z)), y);
        return b.build();
    }

    @Test
    void explainsTheEnumerationOfTheIndicators() {
        var lines = GibbsPlan.explain(mixture());
        assertEquals(4, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("w: conjugate dirichlet-categorical"), lines.get(0));
        assertEquals("z: exact draw from the full conditional by enumerating its labels 1..2, for each of its 150"
                + " members in turn", lines.get(1));
        assertTrue(lines.get(2).startsWith("mu: slice sampling"), lines.get(2));
    }

    @Test
    void recoversWellSeparatedComponentsAndTheLabels() {
        PosteriorDraws fit = (PosteriorDraws) new GibbsProvider().create(MethodOptions.empty()).fit(mixture(),
                RunConfig.builder().chains(4).warmup(300).draws(600).seed(8).build(), FitListener.NONE);
        Draws draws = fit.draws();
        for (int chain = 0; chain < 4; chain++) {
            // Components are exchangeable; a well-separated chain keeps one labelling, so sort per chain.
            double m1 = mean(draws.chain(chain, draws.indexOf("mu[1]")));
            double m2 = mean(draws.chain(chain, draws.indexOf("mu[2]")));
            boolean swapped = m1 > m2;
            double low = Math.min(m1, m2);
            double high = Math.max(m1, m2);
            // Within 4 posterior sds (sd / sqrt(n_k)) of the true means.
            assertEquals(MEANS[0], low, 4 * SDS[0] / Math.sqrt(0.4 * N), "chain " + chain + " lower mean");
            assertEquals(MEANS[1], high, 4 * SDS[1] / Math.sqrt(0.6 * N), "chain " + chain + " upper mean");
            int agree = 0;
            for (int i = 0; i < N; i++) {
                double label = mean(draws.chain(chain, draws.indexOf("z[" + (i + 1) + "]")));
                int component = label < 1.5 ? 0 : 1;
                if ((swapped ? 1 - component : component) == truth[i]) {
                    agree++;
                }
            }
            assertTrue(agree >= 0.97 * N, "chain " + chain + ": " + agree + " of " + N + " labels recovered");
            double weight = mean(draws.chain(chain, draws.indexOf(swapped ? "w[2]" : "w[1]")));
            double trueShare = Arrays.stream(truth).filter(t -> t == 0).count() / (double) N;
            assertEquals(trueShare, weight, 4 * Math.sqrt(trueShare * (1 - trueShare) / N), "chain " + chain + " weight");
        }
    }

    @Test
    void gradientMethodsRefuseDiscreteParametersNamingThem() {
        var nuts = assertThrows(IllegalArgumentException.class, () -> new NutsProvider().create(MethodOptions.empty())
                .fit(mixture(), RunConfig.builder().build(), FitListener.NONE));
        assertEquals("nuts cannot fit discrete parameters: [z ~ categorical]; use --method gibbs (it updates them by"
                + " enumerating their values), or marginalize them out", nuts.getMessage());
        var mh = assertThrows(IllegalArgumentException.class, () -> new MetropolisProvider()
                .create(MethodOptions.empty()).fit(mixture(), RunConfig.builder().build(), FitListener.NONE));
        assertTrue(mh.getMessage().startsWith("mh cannot fit discrete parameters"), mh.getMessage());
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElseThrow();
    }
}
