package org.muster.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.CauchyDistribution;
import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.PascalDistribution;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.junit.jupiter.api.Test;
import org.muster.core.api.distributions.Bernoulli;
import org.muster.core.api.distributions.BernoulliLogit;
import org.muster.core.api.distributions.Beta;
import org.muster.core.api.distributions.Binomial;
import org.muster.core.api.distributions.BinomialLogit;
import org.muster.core.api.distributions.Cauchy;
import org.muster.core.api.distributions.Exponential;
import org.muster.core.api.distributions.Gamma;
import org.muster.core.api.distributions.HalfCauchy;
import org.muster.core.api.distributions.HalfNormal;
import org.muster.core.api.distributions.InverseGamma;
import org.muster.core.api.distributions.LogNormal;
import org.muster.core.api.distributions.NegativeBinomial;
import org.muster.core.api.distributions.Normal;
import org.muster.core.api.distributions.Poisson;
import org.muster.core.api.distributions.PoissonLog;
import org.muster.core.api.distributions.StudentT;
import org.muster.core.api.distributions.Uniform;

/**
 * The distribution contract on every built-in univariate kernel, with log densities checked against
 * commons-math3 or closed forms, and the built-ins' own checks: their names and parameters, and finite
 * values at boundary points and extreme logits. (Here rather than in core's tests: core cannot depend on
 * the testkit, which depends on core.)
 */
class BuiltInDistributionsContractTest extends UnivariateDistributionContract {

    private static final double NAN = Double.NaN;

    private static double inverseLogit(double alpha) {
        return 1 / (1 + Math.exp(-alpha));
    }

    @Override
    protected Stream<KernelCase> kernels() {
        return Stream.of(
                new KernelCase(Normal.INSTANCE,
                        r -> new double[] {uniform(r, -5, 5), logUniform(r, 0.2, 5), NAN},
                        (r, p) -> p[0] + p[1] * uniform(r, -4, 4), real(true, true, false),
                        (x, a, b, c) -> new NormalDistribution(null, a, b).logDensity(x),
                        points(new double[] {0, 0, 0, NAN}, new double[] {0, 0, -1, NAN})),
                new KernelCase(HalfNormal.INSTANCE,
                        r -> new double[] {logUniform(r, 0.2, 5), NAN, NAN},
                        (r, p) -> p[0] * uniform(r, 0.05, 4), real(true, false, false),
                        (x, a, b, c) -> Math.log(2) + new NormalDistribution(null, 0, a).logDensity(x),
                        points(new double[] {-0.5, 1, NAN, NAN}, new double[] {1, 0, NAN, NAN},
                                new double[] {1, -1, NAN, NAN})),
                new KernelCase(StudentT.INSTANCE,
                        r -> new double[] {logUniform(r, 0.5, 50), uniform(r, -5, 5),
                            logUniform(r, 0.2, 5)},
                        (r, p) -> p[1] + p[2] * uniform(r, -5, 5), real(true, true, true),
                        (x, a, b, c) -> new TDistribution(null, a).logDensity((x - b) / c) - Math.log(c),
                        points(new double[] {0, 0, 0, 1}, new double[] {0, -1, 0, 1},
                                new double[] {0, 3, 0, 0})),
                new KernelCase(Cauchy.INSTANCE,
                        r -> new double[] {uniform(r, -5, 5), logUniform(r, 0.2, 5), NAN},
                        (r, p) -> p[0] + p[1] * uniform(r, -10, 10), real(true, true, false),
                        (x, a, b, c) -> new CauchyDistribution(null, a, b).logDensity(x),
                        points(new double[] {0, 0, 0, NAN}, new double[] {0, 0, -1, NAN})),
                new KernelCase(HalfCauchy.INSTANCE,
                        r -> new double[] {logUniform(r, 0.2, 5), NAN, NAN},
                        (r, p) -> p[0] * uniform(r, 0.05, 10), real(true, false, false),
                        (x, a, b, c) -> Math.log(2) + new CauchyDistribution(null, 0, a).logDensity(x),
                        points(new double[] {-1, 1, NAN, NAN}, new double[] {1, 0, NAN, NAN})),
                new KernelCase(Exponential.INSTANCE,
                        r -> new double[] {logUniform(r, 0.2, 5), NAN, NAN},
                        (r, p) -> uniform(r, 0.02, 5) / p[0], real(true, false, false),
                        (x, a, b, c) -> new ExponentialDistribution(null, 1 / a).logDensity(x),
                        points(new double[] {-1, 1, NAN, NAN}, new double[] {1, 0, NAN, NAN},
                                new double[] {1, -2, NAN, NAN})),
                new KernelCase(Gamma.INSTANCE,
                        r -> new double[] {logUniform(r, 0.5, 20), logUniform(r, 0.2, 5), NAN},
                        (r, p) -> p[0] / p[1] * uniform(r, 0.1, 3), real(true, true, false),
                        (x, a, b, c) -> new GammaDistribution(null, a, 1 / b).logDensity(x),
                        points(new double[] {0, 2, 1, NAN}, new double[] {-1, 2, 1, NAN},
                                new double[] {1, 0, 1, NAN}, new double[] {1, -1, 1, NAN},
                                new double[] {1, 2, 0, NAN})),
                new KernelCase(InverseGamma.INSTANCE,
                        r -> new double[] {logUniform(r, 0.5, 20), logUniform(r, 0.2, 5), NAN},
                        (r, p) -> p[1] / p[0] * uniform(r, 0.2, 4), real(true, true, false),
                        // 1/x ~ Gamma(alpha, rate beta); the change of variables adds -2 log x.
                        (x, a, b, c) -> new GammaDistribution(null, a, 1 / b).logDensity(1 / x)
                                - 2 * Math.log(x),
                        points(new double[] {0, 2, 1, NAN}, new double[] {-1, 2, 1, NAN},
                                new double[] {1, 0, 1, NAN}, new double[] {1, 2, -1, NAN})),
                new KernelCase(LogNormal.INSTANCE,
                        r -> new double[] {uniform(r, -2, 2), logUniform(r, 0.2, 2), NAN},
                        (r, p) -> Math.exp(p[0] + p[1] * uniform(r, -3, 3)), real(true, true, false),
                        (x, a, b, c) -> new LogNormalDistribution(null, a, b).logDensity(x),
                        points(new double[] {0, 0, 1, NAN}, new double[] {-1, 0, 1, NAN},
                                new double[] {1, 0, 0, NAN})),
                new KernelCase(Beta.INSTANCE,
                        r -> new double[] {logUniform(r, 0.5, 10), logUniform(r, 0.5, 10), NAN},
                        (r, p) -> uniform(r, 0.05, 0.95), real(true, true, false),
                        (x, a, b, c) -> new BetaDistribution(null, a, b).logDensity(x),
                        points(new double[] {0, 2, 2, NAN}, new double[] {1, 2, 2, NAN},
                                new double[] {-0.1, 2, 2, NAN}, new double[] {1.5, 2, 2, NAN},
                                new double[] {0.5, 0, 2, NAN}, new double[] {0.5, 2, -1, NAN})),
                new KernelCase(Uniform.INSTANCE,
                        r -> {
                            double lower = uniform(r, -5, 5);
                            return new double[] {lower, lower + uniform(r, 0.5, 10), NAN};
                        },
                        (r, p) -> p[0] + (p[1] - p[0]) * uniform(r, 0.05, 0.95), real(true, true, false),
                        (x, a, b, c) -> new UniformRealDistribution(null, a, b).logDensity(x),
                        points(new double[] {-1.5, -1, 1, NAN}, new double[] {1.5, -1, 1, NAN},
                                new double[] {1, 1, 1, NAN}, new double[] {0, 1, -1, NAN})),
                new KernelCase(Binomial.INSTANCE,
                        r -> new double[] {r.nextInt(200), uniform(r, 0.02, 0.98), NAN},
                        (r, p) -> (double) r.nextInt((int) p[0] + 1), real(false, true, false),
                        (x, a, b, c) -> new BinomialDistribution(null, (int) a, b).logProbability((int) x),
                        points(new double[] {-1, 5, 0.5, NAN}, new double[] {1.5, 5, 0.5, NAN},
                                new double[] {6, 5, 0.5, NAN}, new double[] {1, -1, 0.5, NAN},
                                new double[] {1, 2.5, 0.5, NAN}, new double[] {1, 5, -0.1, NAN},
                                new double[] {1, 5, 1.1, NAN}, new double[] {1, 5, 0, NAN},
                                new double[] {0, 5, 1, NAN})),
                new KernelCase(BinomialLogit.INSTANCE,
                        r -> new double[] {r.nextInt(200), uniform(r, -5, 5), NAN},
                        (r, p) -> (double) r.nextInt((int) p[0] + 1), real(false, true, false),
                        (x, a, b, c) -> new BinomialDistribution(null, (int) a, inverseLogit(b))
                                .logProbability((int) x),
                        points(new double[] {-1, 5, 0, NAN}, new double[] {1.5, 5, 0, NAN},
                                new double[] {6, 5, 0, NAN}, new double[] {1, -1, 0, NAN},
                                new double[] {1, 2.5, 0, NAN})),
                new KernelCase(Bernoulli.INSTANCE,
                        r -> new double[] {uniform(r, 0.01, 0.99), NAN, NAN},
                        (r, p) -> (double) r.nextInt(2), real(true, false, false),
                        (x, a, b, c) -> x == 1 ? Math.log(a) : Math.log(1 - a),
                        points(new double[] {2, 0.5, NAN, NAN}, new double[] {-1, 0.5, NAN, NAN},
                                new double[] {0.5, 0.5, NAN, NAN}, new double[] {1, -0.1, NAN, NAN},
                                new double[] {1, 1.1, NAN, NAN}, new double[] {1, 0, NAN, NAN},
                                new double[] {0, 1, NAN, NAN})),
                new KernelCase(BernoulliLogit.INSTANCE,
                        r -> new double[] {uniform(r, -6, 6), NAN, NAN},
                        (r, p) -> (double) r.nextInt(2), real(true, false, false),
                        (x, a, b, c) -> x == 1 ? Math.log(inverseLogit(a)) : Math.log(1 - inverseLogit(a)),
                        points(new double[] {2, 0.5, NAN, NAN}, new double[] {0.5, 0.5, NAN, NAN},
                                new double[] {-1, 0.5, NAN, NAN})),
                new KernelCase(Poisson.INSTANCE,
                        r -> new double[] {logUniform(r, 0.1, 100), NAN, NAN},
                        (r, p) -> (double) r.nextInt((int) (p[0] + 5 * Math.sqrt(p[0]) + 5)),
                        real(true, false, false),
                        (x, a, b, c) -> poissonReference(a).logProbability((int) x),
                        points(new double[] {-1, 2, NAN, NAN}, new double[] {2.5, 2, NAN, NAN},
                                new double[] {1, -1, NAN, NAN}, new double[] {1, 0, NAN, NAN})),
                new KernelCase(PoissonLog.INSTANCE,
                        r -> new double[] {uniform(r, -2, 4.5), NAN, NAN},
                        (r, p) -> (double) r.nextInt((int) (Math.exp(p[0]) + 5 * Math.exp(p[0] / 2) + 5)),
                        real(true, false, false),
                        (x, a, b, c) -> poissonReference(Math.exp(a)).logProbability((int) x),
                        points(new double[] {-1, 2, NAN, NAN}, new double[] {0.5, 2, NAN, NAN})),
                new KernelCase(NegativeBinomial.INSTANCE,
                        // Half the points have a whole phi, where commons' Pascal distribution applies.
                        r -> new double[] {logUniform(r, 0.2, 50),
                            r.nextBoolean() ? 1 + r.nextInt(30) : logUniform(r, 0.2, 30), NAN},
                        (r, p) -> (double) r.nextInt((int) (3 * p[0] + 10)), real(true, true, false),
                        BuiltInDistributionsContractTest::negativeBinomialReference,
                        points(new double[] {-1, 2, 2, NAN}, new double[] {0.5, 2, 2, NAN},
                                new double[] {1, 0, 2, NAN}, new double[] {1, -1, 2, NAN},
                                new double[] {1, 2, 0, NAN}, new double[] {1, 2, -1, NAN})));
    }

    private static PoissonDistribution poissonReference(double mean) {
        return new PoissonDistribution(null, mean, PoissonDistribution.DEFAULT_EPSILON,
                PoissonDistribution.DEFAULT_MAX_ITERATIONS);
    }

    private static double negativeBinomialReference(double x, double mu, double phi, double c) {
        if (phi == Math.rint(phi)) {
            // Commons counts failures before the r-th success with success probability p, whose
            // mean r (1 - p) / p is mu for p = phi / (mu + phi).
            return new PascalDistribution(null, (int) phi, phi / (mu + phi)).logProbability((int) x);
        }
        return org.apache.commons.math3.special.Gamma.logGamma(x + phi)
                - org.apache.commons.math3.special.Gamma.logGamma(x + 1)
                - org.apache.commons.math3.special.Gamma.logGamma(phi)
                + x * Math.log(mu / (mu + phi)) + phi * Math.log(phi / (mu + phi));
    }

    @Test
    void namesAndParametersAreAsDocumented() {
        List<String> names = kernels().map(k -> k.kernel().name()).toList();
        assertEquals(List.of("normal", "half_normal", "student_t", "cauchy", "half_cauchy",
                "exponential", "gamma", "inv_gamma", "lognormal", "beta", "uniform", "binomial",
                "binomial_logit", "bernoulli", "bernoulli_logit", "poisson", "poisson_log",
                "neg_binomial_2"), names);
        kernels().forEach(k -> {
            assertFalse(k.kernel().parameterNames().isEmpty());
            assertTrue(k.kernel().parameterNames().size() <= 3);
        });
    }

    @Test
    void boundaryValuesAndExtremeLogitsStayFinite() {
        double[] gradient = new double[4];
        // Zero-probability edges of valid parameters carry all the mass.
        assertEquals(0.0, Binomial.INSTANCE.logDensityGradient(0, 5, 0, NAN, gradient), 1e-12);
        assertEquals(-5.0, gradient[2], 1e-12);
        assertEquals(0.0, Binomial.INSTANCE.logDensityGradient(5, 5, 1, NAN, gradient), 1e-12);
        assertEquals(5.0, gradient[2], 1e-12);
        assertEquals(0.0, Poisson.INSTANCE.logDensityGradient(0, 0, NAN, NAN, gradient), 0.0);
        assertEquals(-1.0, gradient[1], 0.0);
        assertEquals(0.0, Bernoulli.INSTANCE.logDensity(1, 1, NAN, NAN), 0.0);
        assertEquals(0.0, Binomial.INSTANCE.logDensity(0, 0, 0.3, NAN), 0.0);

        for (double alpha : new double[] {-700, -40, 40, 700}) {
            for (double n : new double[] {1, 10}) {
                for (double x : new double[] {0, n}) {
                    double logDensity = BinomialLogit.INSTANCE.logDensityGradient(x, n, alpha, NAN,
                            gradient);
                    // All successes: n log p = -n log1p(exp(-alpha)); all failures likewise.
                    double expected = x == n ? -n * softplus(-alpha) : -n * softplus(alpha);
                    assertEquals(expected, logDensity, 1e-12 * Math.max(1, Math.abs(expected)));
                    double expectedGradient = x - n * inverseLogit(alpha);
                    assertEquals(expectedGradient, gradient[2], 1e-12 * Math.max(1, n));
                }
                double single = BernoulliLogit.INSTANCE.logDensity(1, alpha, NAN, NAN);
                assertEquals(-softplus(-alpha), single, 1e-12 * Math.max(1, Math.abs(alpha)));
            }
        }
        // Large means overflow to zero mass, not NaN.
        assertEquals(Double.NEGATIVE_INFINITY, PoissonLog.INSTANCE.logDensity(3, 800, NAN, NAN));
        PoissonLog.INSTANCE.logDensityGradient(3, 800, NAN, NAN, gradient);
        assertEquals(0.0, gradient[1]);
    }

    /** log(1 + exp(x)), computed in the branch that cannot overflow. */
    private static double softplus(double x) {
        return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
    }

    @Override
    protected Stream<MomentCase> moments() {
        double halfNormalMean = 2 * Math.sqrt(2 / Math.PI);
        double logNormalMean = Math.exp(0.3 + 0.125);
        return Stream.of(
                new MomentCase("normal", Normal.INSTANCE, 1.5, 2, NAN, 1.5, 4, NAN, NAN),
                new MomentCase("half_normal", HalfNormal.INSTANCE, 2, NAN, NAN, halfNormalMean,
                        4 * (1 - 2 / Math.PI), NAN, NAN),
                new MomentCase("student_t nu=10", StudentT.INSTANCE, 10, 1, 2, 1, 4 * 10.0 / 8, NAN, NAN),
                // With nu <= 4 the variance estimate has no finite variance: check the mean only.
                new MomentCase("student_t nu=3", StudentT.INSTANCE, 3, -1, 0.5, -1, NAN, NAN, NAN),
                new MomentCase("cauchy", Cauchy.INSTANCE, 1, 2, NAN, NAN, NAN, 1, 1 / (Math.PI * 2)),
                new MomentCase("half_cauchy", HalfCauchy.INSTANCE, 2, NAN, NAN, NAN, NAN, 2,
                        1 / (Math.PI * 2)),
                new MomentCase("exponential", Exponential.INSTANCE, 2, NAN, NAN, 0.5, 0.25, NAN, NAN),
                new MomentCase("gamma shape<1", Gamma.INSTANCE, 0.7, 2, NAN, 0.35, 0.175, NAN, NAN),
                new MomentCase("gamma shape>1", Gamma.INSTANCE, 5, 0.5, NAN, 10, 20, NAN, NAN),
                new MomentCase("inv_gamma", InverseGamma.INSTANCE, 6, 2, NAN, 0.4, 0.04, NAN, NAN),
                new MomentCase("lognormal", LogNormal.INSTANCE, 0.3, 0.5, NAN, logNormalMean,
                        (Math.exp(0.25) - 1) * logNormalMean * logNormalMean, NAN, NAN),
                new MomentCase("beta", Beta.INSTANCE, 2, 5, NAN, 2.0 / 7, 10.0 / (49 * 8), NAN, NAN),
                new MomentCase("beta small shapes", Beta.INSTANCE, 0.5, 0.5, NAN, 0.5, 0.125, NAN, NAN),
                new MomentCase("uniform", Uniform.INSTANCE, -1, 3, NAN, 1, 16.0 / 12, NAN, NAN),
                new MomentCase("binomial small mean", Binomial.INSTANCE, 20, 0.3, NAN, 6, 4.2, NAN, NAN),
                new MomentCase("binomial small mean, p>1/2", Binomial.INSTANCE, 30, 0.9, NAN, 27, 2.7,
                        NAN, NAN),
                new MomentCase("binomial large mean", Binomial.INSTANCE, 1000, 0.4, NAN, 400, 240,
                        NAN, NAN),
                new MomentCase("binomial large mean, p>1/2", Binomial.INSTANCE, 100_000, 0.7, NAN,
                        70_000, 21_000, NAN, NAN),
                new MomentCase("binomial_logit", BinomialLogit.INSTANCE, 40, -0.5, NAN,
                        40 * inverseLogit(-0.5), 40 * inverseLogit(-0.5) * inverseLogit(0.5), NAN, NAN),
                new MomentCase("bernoulli", Bernoulli.INSTANCE, 0.3, NAN, NAN, 0.3, 0.21, NAN, NAN),
                new MomentCase("bernoulli_logit", BernoulliLogit.INSTANCE, 1.2, NAN, NAN,
                        inverseLogit(1.2), inverseLogit(1.2) * inverseLogit(-1.2), NAN, NAN),
                new MomentCase("poisson small mean", Poisson.INSTANCE, 3.5, NAN, NAN, 3.5, 3.5, NAN, NAN),
                new MomentCase("poisson large mean", Poisson.INSTANCE, 250, NAN, NAN, 250, 250, NAN, NAN),
                new MomentCase("poisson_log", PoissonLog.INSTANCE, Math.log(40), NAN, NAN, 40, 40, NAN,
                        NAN),
                new MomentCase("neg_binomial_2 small", NegativeBinomial.INSTANCE, 5, 2, NAN, 5, 17.5,
                        NAN, NAN),
                new MomentCase("neg_binomial_2 large", NegativeBinomial.INSTANCE, 100, 50, NAN, 100,
                        300, NAN, NAN));
    }
}
