package org.muster.samplers.internal.gibbs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.muster.testkit.MonteCarloAssertions.assertExpectation;
import static org.muster.testkit.MonteCarloAssertions.assertMeanAndVariance;
import static org.muster.core.api.Distributions.beta;
import static org.muster.core.api.Distributions.gamma;
import static org.muster.core.api.Distributions.inverseGamma;
import static org.muster.core.api.Distributions.normal;
import static org.muster.core.api.Distributions.studentT;
import static org.muster.core.api.Expressions.sqrt;

import java.util.Arrays;
import java.util.List;
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

/**
 * Gibbs recovers closed-form posteriors within 4 Monte Carlo standard errors (from the draws'
 * effective sample size), with fixed seeds: the normal model with unknown mean and precision under
 * the conjugate normal–gamma prior (both nodes drawn in closed form, each given the other), a normal
 * variance under an inverse-gamma prior, and targets that only slice sampling updates.
 */
@Tag("statistical")
class GibbsPosteriorTest {

    static final double[] Y = {2.1, 3.4, 1.9, 2.8, 4.0, 2.2, 3.1, 2.6, 3.7, 2.4, 5.1, 1.2};

    static Draws fit(Model model, int draws, long seed) {
        PosteriorDraws fit = (PosteriorDraws) new GibbsProvider().create(MethodOptions.empty()).fit(model,
                RunConfig.builder().chains(4).warmup(500).draws(draws).seed(seed).build(), FitListener.NONE);
        return fit.draws();
    }

    /**
     * tau ~ Gamma(a, b), mu | tau ~ N(m0, 1/sqrt(tau)), y_i ~ N(mu, 1/sqrt(tau)): the posterior is
     * normal–gamma (BDA3 §3.3 with kappa0 = 1), so tau | y ~ Gamma(a_n, b_n) and mu | y is a Student t
     * with 2 a_n degrees of freedom, location m_n and squared scale b_n / (a_n kappa_n).
     */
    @Test
    void normalMeanAndPrecisionUnderTheNormalGammaPriorMatchTheClosedFormMarginals() {
        double m0 = 1;
        double a = 2;
        double b = 3;
        ModelBuilder builder = Model.builder();
        Node tau = builder.stochastic("tau", gamma(a, b));
        Node sigma = tau.pow(-0.5);
        Node mu = builder.stochastic("mu", normal(m0, sigma));
        builder.observed("y", normal(mu, sigma), Y);
        Model model = builder.build();
        assertEquals(List.of("tau: conjugate gamma-normal-precision given mu, y", "mu: conjugate normal-normal given y"),
                new GibbsProvider().explain(model, MethodOptions.empty()));

        int n = Y.length;
        double mean = Arrays.stream(Y).average().orElseThrow();
        double squares = Arrays.stream(Y).map(y -> (y - mean) * (y - mean)).sum();
        double kappaN = 1 + n;
        double mN = (m0 + n * mean) / kappaN;
        double aN = a + n / 2.0;
        double bN = b + squares / 2 + n * (mean - m0) * (mean - m0) / (2 * kappaN);

        Draws draws = fit(model, 5000, 20261121);
        assertMeanAndVariance(draws, "tau", aN / bN, aN / (bN * bN));
        assertMeanAndVariance(draws, "mu", mN, bN / (kappaN * (aN - 1)));
    }

    /** v ~ InvGamma(3, 2), y_i ~ N(0.5, sqrt(v)): v | y ~ InvGamma(3 + n/2, 2 + sum (y_i - 0.5)^2 / 2). */
    @Test
    void aNormalVarianceUnderAnInverseGammaPrior() {
        ModelBuilder builder = Model.builder();
        Node v = builder.stochastic("v", inverseGamma(3, 2));
        builder.observed("y", normal(0.5, sqrt(v)), Y);
        Model model = builder.build();
        assertEquals(List.of("v: conjugate inverse-gamma-normal-variance given y"), new GibbsProvider().explain(model, MethodOptions.empty()));
        double alpha = 3 + Y.length / 2.0;
        double beta = 2 + Arrays.stream(Y).map(y -> (y - 0.5) * (y - 0.5)).sum() / 2;
        Draws draws = fit(model, 5000, 7);
        assertMeanAndVariance(draws, "v", beta / (alpha - 1), beta * beta / ((alpha - 1) * (alpha - 1) * (alpha - 2)));
    }

    /**
     * Nodes with no conjugate children are slice sampled on the unconstrained scale: a gamma and a beta
     * on their own (whose log and logit transforms the slice must account for through the Jacobian),
     * and a heavy-tailed Student t with 5 degrees of freedom.
     */
    @Test
    void sliceSamplingRecoversGammaBetaAndStudentTargets() {
        ModelBuilder builder = Model.builder();
        builder.stochastic("g", gamma(3, 2));
        builder.stochastic("p", beta(2, 5));
        builder.stochastic("t", studentT(5, 1, 2));
        Model model = builder.build();
        assertTrue(new GibbsProvider().explain(model, MethodOptions.empty()).stream().allMatch(line -> line.contains("slice")));
        Draws draws = fit(model, 5000, 11);
        assertMeanAndVariance(draws, "g", 1.5, 0.75);
        assertMeanAndVariance(draws, "p", 2.0 / 7, 10.0 / (49 * 8));
        assertExpectation(draws, "t", x -> x, 1, "mean");
        // The 95% quantile of a t with 5 degrees of freedom is 2.015048.
        assertExpectation(draws, "t", x -> x < 1 + 2 * 2.015048 ? 1 : 0, 0.95, "95% quantile");
    }
}
