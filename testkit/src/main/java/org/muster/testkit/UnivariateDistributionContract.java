package org.muster.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import java.util.stream.Stream;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.muster.core.api.distributions.UnivariateDistribution;

/**
 * The contract every {@link UnivariateDistribution} kernel meets: gradients against finite differences,
 * log densities against a reference (another library or a closed form), invalid arguments giving
 * {@code -inf} with a finite gradient, the vectorized sum equal to the scalar loop with every
 * broadcasting, no allocation in the scalar methods, and moments of random draws. A subclass lists its
 * kernels, each with how to draw valid parameters and values ({@link #kernels()}), and known moments of
 * some parameter points ({@link #moments()}); the built-in kernels run it in this module's tests
 * ({@code BuiltInDistributionsContractTest}), and a plugin's own kernel can run it the same way.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class UnivariateDistributionContract {

    private static final int POINTS = 200;
    private static final int DRAWS = 20_000;
    private static final double GRADIENT_TOLERANCE = 1e-6;
    private static final double REFERENCE_TOLERANCE = 1e-9;
    /** Monte Carlo checks allow this many standard errors. */
    private static final double STANDARD_ERRORS = 5;

    /** A valid log density to compare with, or the reference for a kernel. */
    @FunctionalInterface
    public interface Reference {
        double logDensity(double x, double a, double b, double c);
    }

    /**
     * How one kernel is exercised.
     *
     * @param parameters a valid random parameter point {a, b, c}; unused entries are NaN, which
     *     kernels must ignore
     * @param value a valid value, away from the support's boundary, for a parameter point
     * @param realParameter which of a, b, c are real-valued (differentiable)
     * @param reference the log density to match, to relative 1e-9
     * @param invalid points {x, a, b, c} whose log density must be -inf
     */
    public record KernelCase(UnivariateDistribution kernel, Function<RandomGenerator, double[]> parameters,
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
    public record MomentCase(String label, UnivariateDistribution kernel, double a, double b, double c,
            double mean, double variance, double median, double medianDensity) {

        @Override
        public String toString() {
            return label;
        }
    }

    /** The kernels under test, each with how to draw its parameters and values. */
    protected abstract Stream<KernelCase> kernels();

    /** Parameter points with known moments, whose random draws are checked against them. */
    protected abstract Stream<MomentCase> moments();

    /** A number drawn uniformly from [low, high). */
    protected static double uniform(RandomGenerator random, double low, double high) {
        return low + (high - low) * random.nextDouble();
    }

    /** Log-uniform, so scales are spread over orders of magnitude evenly. */
    protected static double logUniform(RandomGenerator random, double low, double high) {
        return Math.exp(uniform(random, Math.log(low), Math.log(high)));
    }

    /** Which of the parameters a, b, c are real-valued, for {@link KernelCase#realParameter()}. */
    protected static boolean[] real(boolean a, boolean b, boolean c) {
        return new boolean[] {a, b, c};
    }

    /** Points {x, a, b, c}, for {@link KernelCase#invalid()}. */
    protected static List<double[]> points(double[]... points) {
        return List.of(points);
    }

    /** A generator seeded from a label, so each check of each kernel has its own stream. */
    protected static RandomGenerator seeded(String label) {
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
    public void gradientMatchesFiniteDifferences(KernelCase kernelCase) {
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
    public void logDensityMatchesReference(KernelCase kernelCase) {
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
    public void invalidArgumentsGiveNegativeInfinity(KernelCase kernelCase) {
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
    public void logDensitySumBroadcastsLikeTheScalarLoop(KernelCase kernelCase) {
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
    public void scalarMethodsDoNotAllocate(KernelCase kernelCase) {
        java.lang.management.ThreadMXBean bean = java.lang.management.ManagementFactory.getThreadMXBean();
        org.junit.jupiter.api.Assumptions.assumeTrue(bean instanceof com.sun.management.ThreadMXBean,
                "per-thread allocation counter unavailable");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        UnivariateDistribution kernel = kernelCase.kernel();
        RandomGenerator random = seeded(kernel.name() + "allocation");
        double[] point = point(kernelCase, random);
        double[] gradient = new double[4];
        long thread = Thread.currentThread().getId();
        int calls = 20_000;
        double sink = exercise(kernel, point, gradient, random, 1_000);
        long before = threads.getThreadAllocatedBytes(thread);
        sink += exercise(kernel, point, gradient, random, calls);
        long allocated = threads.getThreadAllocatedBytes(thread) - before;
        // A few bytes may come from reading the counter itself; one box per call would be 320 kB.
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

    @ParameterizedTest
    @MethodSource("moments")
    public void drawsHaveTheKnownMoments(MomentCase moment) {
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
