package org.muster.core.api.distributions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One contract suite that every {@link UnivariateDistribution} kernel runs: gradients against
 * finite differences, log densities against commons-math3 or closed forms, invalid arguments,
 * moments of random draws, and the vectorized sum.
 */
class UnivariateDistributionContractTest {

    private static final int POINTS = 200;
    private static final int DRAWS = 20_000;
    private static final double GRADIENT_TOLERANCE = 1e-6;
    private static final double REFERENCE_TOLERANCE = 1e-9;
    /** Monte Carlo checks allow this many standard errors. */
    private static final double STANDARD_ERRORS = 5;

    /** A valid log density to compare with, or the reference for a kernel. */
    @FunctionalInterface
    interface Reference {
        double logDensity(double x, double a, double b, double c);
    }

    /**
     * How one kernel is exercised.
     *
     * @param parameters a valid random parameter point {a, b, c}; unused entries are NaN, which
     *     kernels must ignore
     * @param value a valid value, away from the support's boundary, for a parameter point
     * @param realParameter which of a, b, c are real-valued (differentiable)
     * @param invalid points {x, a, b, c} whose log density must be -inf
     */
    record KernelCase(UnivariateDistribution kernel, Function<RandomGenerator, double[]> parameters,
            BiFunction<RandomGenerator, double[], Double> value, boolean[] realParameter,
            Reference reference, List<double[]> invalid) {

        @Override
        public String toString() {
            return kernel.name();
        }

        int parameterCount() {
            return kernel.parameterNames().size();
        }
    }

    /**
     * Known moments of one parameter point; NaN skips a check.
     *
     * @param medianDensity the density at the median, for the median's standard error
     */
    record MomentCase(String label, UnivariateDistribution kernel, double a, double b, double c,
            double mean, double variance, double median, double medianDensity) {

        @Override
        public String toString() {
            return label;
        }
    }

    private static final double NAN = Double.NaN;

    private static double uniform(RandomGenerator random, double low, double high) {
        return low + (high - low) * random.nextDouble();
    }

    /** Log-uniform, so scales are spread over orders of magnitude evenly. */
    private static double logUniform(RandomGenerator random, double low, double high) {
        return Math.exp(uniform(random, Math.log(low), Math.log(high)));
    }

    private static double inverseLogit(double alpha) {
        return 1 / (1 + Math.exp(-alpha));
    }

    private static boolean[] real(boolean a, boolean b, boolean c) {
        return new boolean[] {a, b, c};
    }

    private static List<double[]> points(double[]... points) {
        return List.of(points);
    }

    static Stream<KernelCase> kernels() {
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
                        UnivariateDistributionContractTest::negativeBinomialReference,
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

    private static RandomGenerator seeded(String label) {
        return RandomGeneratorFactory.of("L64X128MixRandom").create(label.hashCode() + 20240601L);
    }

    /** The point {x, a, b, c} for one random draw of a case. */
    private static double[] point(KernelCase kernelCase, RandomGenerator random) {
        double[] parameters = kernelCase.parameters().apply(random);
        double x = kernelCase.value().apply(random, parameters);
        return new double[] {x, parameters[0], parameters[1], parameters[2]};
    }

    private static double logDensity(UnivariateDistribution kernel, double[] point) {
        return kernel.logDensity(point[0], point[1], point[2], point[3]);
    }

    /** Five-point central difference; the step scales with the argument's magnitude. */
    private static double finiteDifference(UnivariateDistribution kernel, double[] point, int index) {
        double h = 1e-4 * Math.max(Math.abs(point[index]), 0.1);
        double[] shifted = point.clone();
        double[] values = new double[4];
        double[] offsets = {-2, -1, 1, 2};
        for (int i = 0; i < 4; i++) {
            shifted[index] = point[index] + offsets[i] * h;
            values[i] = logDensity(kernel, shifted);
        }
        return (values[0] - 8 * values[1] + 8 * values[2] - values[3]) / (12 * h);
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void gradientMatchesFiniteDifferences(KernelCase kernelCase) {
        UnivariateDistribution kernel = kernelCase.kernel();
        RandomGenerator random = seeded(kernel.name());
        double[] gradient = new double[4];
        for (int n = 0; n < POINTS; n++) {
            double[] point = point(kernelCase, random);
            double logDensity = kernel.logDensityGradient(point[0], point[1], point[2], point[3],
                    gradient);
            String where = kernel.name() + " at " + Arrays.toString(point);
            assertEquals(logDensity(kernel, point), logDensity, 0.0, where);
            assertTrue(Double.isFinite(logDensity), where);
            for (int i = 0; i < 4; i++) {
                boolean differentiable = i == 0 ? !kernel.support().isDiscrete()
                        : i <= kernelCase.parameterCount() && kernelCase.realParameter()[i - 1];
                if (!differentiable) {
                    assertEquals(0.0, gradient[i], 0.0, where + ", entry " + i + " must be 0");
                    continue;
                }
                double expected = finiteDifference(kernel, point, i);
                assertEquals(expected, gradient[i], GRADIENT_TOLERANCE * Math.max(1, Math.abs(gradient[i])),
                        where + ", entry " + i);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void logDensityMatchesReference(KernelCase kernelCase) {
        UnivariateDistribution kernel = kernelCase.kernel();
        RandomGenerator random = seeded(kernel.name() + "reference");
        for (int n = 0; n < POINTS; n++) {
            double[] point = point(kernelCase, random);
            double expected = kernelCase.reference().logDensity(point[0], point[1], point[2], point[3]);
            double actual = logDensity(kernel, point);
            assertEquals(expected, actual, REFERENCE_TOLERANCE * Math.abs(expected),
                    kernel.name() + " at " + Arrays.toString(point));
        }
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void invalidArgumentsGiveNegativeInfinity(KernelCase kernelCase) {
        UnivariateDistribution kernel = kernelCase.kernel();
        List<double[]> invalid = new ArrayList<>(kernelCase.invalid());
        // Every used argument set to NaN or to an infinity, at otherwise valid points.
        RandomGenerator random = seeded(kernel.name() + "invalid");
        for (int i = 0; i <= kernelCase.parameterCount(); i++) {
            for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY}) {
                double[] point = point(kernelCase, random);
                point[i] = bad;
                invalid.add(point);
            }
        }
        double[] gradient = new double[4];
        for (double[] point : invalid) {
            String where = kernel.name() + " at " + Arrays.toString(point);
            assertEquals(Double.NEGATIVE_INFINITY, logDensity(kernel, point), where);
            Arrays.fill(gradient, Double.NaN);
            assertEquals(Double.NEGATIVE_INFINITY,
                    kernel.logDensityGradient(point[0], point[1], point[2], point[3], gradient), where);
            for (double entry : gradient) {
                assertTrue(Double.isFinite(entry), where + ": gradient " + Arrays.toString(gradient));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void logDensitySumBroadcastsLikeTheScalarLoop(KernelCase kernelCase) {
        UnivariateDistribution kernel = kernelCase.kernel();
        RandomGenerator random = seeded(kernel.name() + "sum");
        int size = 7;
        double[][] columns = new double[4][size];
        for (int i = 0; i < size; i++) {
            double[] point = point(kernelCase, random);
            for (int j = 0; j < 4; j++) {
                columns[j][i] = point[j];
            }
        }
        double loop = 0;
        for (int i = 0; i < size; i++) {
            loop += kernel.logDensity(columns[0][i], columns[1][i], columns[2][i], columns[3][i]);
        }
        assertTrue(Double.isFinite(loop));
        assertEquals(loop, kernel.logDensitySum(columns[0], columns[1], columns[2], columns[3]), 0.0);

        // An iid plate: one parameter point broadcast over several values drawn for it.
        double[] parameters = kernelCase.parameters().apply(random);
        double[] values = new double[size];
        double iidLoop = 0;
        for (int i = 0; i < size; i++) {
            values[i] = kernelCase.value().apply(random, parameters);
            iidLoop += kernel.logDensity(values[i], parameters[0], parameters[1], parameters[2]);
        }
        assertTrue(Double.isFinite(iidLoop));
        assertEquals(iidLoop, kernel.logDensitySum(values, new double[] {parameters[0]},
                new double[] {parameters[1]}, new double[] {parameters[2]}), 0.0);

        // Mixed lengths: the first parameter broadcast, the value and the rest per member.
        double mixedLoop = 0;
        for (int i = 0; i < size; i++) {
            mixedLoop += kernel.logDensity(columns[0][i], columns[1][0], columns[2][i], columns[3][i]);
        }
        assertEquals(mixedLoop, kernel.logDensitySum(columns[0], new double[] {columns[1][0]},
                columns[2], columns[3]), 0.0);
    }

    /**
     * The scalar methods allocate nothing: measured with the JVM's per-thread allocation counter
     * over many calls, so even one boxed value per call would show.
     */
    @ParameterizedTest
    @MethodSource("kernels")
    void scalarMethodsDoNotAllocate(KernelCase kernelCase) throws ReflectiveOperationException {
        // Reached reflectively: test code compiles inside org.muster.core, which (rightly) does not
        // read java.management; tests run on the class path, where the call is allowed.
        Object threads = Class.forName("java.lang.management.ManagementFactory")
                .getMethod("getThreadMXBean").invoke(null);
        Class<?> counter;
        try {
            counter = Class.forName("com.sun.management.ThreadMXBean");
        } catch (ClassNotFoundException e) {
            counter = null;
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(counter != null && counter.isInstance(threads),
                "per-thread allocation counter unavailable");
        java.lang.reflect.Method allocatedBytes = counter.getMethod("getThreadAllocatedBytes", long.class);
        UnivariateDistribution kernel = kernelCase.kernel();
        RandomGenerator random = seeded(kernel.name() + "allocation");
        double[] point = point(kernelCase, random);
        double[] gradient = new double[4];
        long thread = Thread.currentThread().getId();
        int calls = 20_000;
        double sink = exercise(kernel, point, gradient, random, 1_000);
        long before = (Long) allocatedBytes.invoke(threads, thread);
        sink += exercise(kernel, point, gradient, random, calls);
        long allocated = (Long) allocatedBytes.invoke(threads, thread) - before;
        // A few dozen bytes come from the reflective call itself; one box per call would be 320 kB.
        assertTrue(allocated < calls, kernel.name() + " allocated " + allocated + " bytes in "
                + calls + " rounds of calls (" + sink + ")");
    }

    private static double exercise(UnivariateDistribution kernel, double[] point, double[] gradient,
            RandomGenerator random, int calls) {
        double sum = 0;
        for (int i = 0; i < calls; i++) {
            sum += kernel.logDensity(point[0], point[1], point[2], point[3]);
            sum += kernel.logDensityGradient(point[0], point[1], point[2], point[3], gradient);
            sum += kernel.sample(random, point[1], point[2], point[3]);
        }
        return sum;
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

    static Stream<MomentCase> moments() {
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

    @ParameterizedTest
    @MethodSource("moments")
    void drawsHaveTheKnownMoments(MomentCase moment) {
        RandomGenerator random = seeded(moment.label() + "draws");
        UnivariateDistribution kernel = moment.kernel();
        double[] draws = new double[DRAWS];
        for (int i = 0; i < DRAWS; i++) {
            draws[i] = kernel.sample(random, moment.a(), moment.b(), moment.c());
            assertTrue(kernel.logDensity(draws[i], moment.a(), moment.b(), moment.c())
                    > Double.NEGATIVE_INFINITY, moment + ": draw " + draws[i] + " outside support");
        }
        SampleMoments.check(moment.label(), draws, moment.mean(), moment.variance(), STANDARD_ERRORS);
        if (!Double.isNaN(moment.median())) {
            double[] sorted = draws.clone();
            Arrays.sort(sorted);
            double median = 0.5 * (sorted[DRAWS / 2 - 1] + sorted[DRAWS / 2]);
            double standardError = 1 / (2 * moment.medianDensity() * Math.sqrt(DRAWS));
            assertEquals(moment.median(), median, STANDARD_ERRORS * standardError, moment + " median");
        }
    }
}
