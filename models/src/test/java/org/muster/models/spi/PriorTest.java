package org.muster.models.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.CauchyDistribution;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;
import org.muster.core.api.Distribution;
import org.muster.core.api.distributions.Support;
import org.muster.core.api.distributions.UnivariateDistribution;

class PriorTest {

    /** The density at x with the distribution's constant arguments. */
    private static double logDensity(Distribution distribution, double x) {
        double[] p = new double[3];
        for (int i = 0; i < distribution.arguments().size(); i++) {
            p[i] = ((Number) distribution.arguments().get(i)).doubleValue();
        }
        return ((UnivariateDistribution) distribution.kernel()).logDensity(x, p[0], p[1], p[2]);
    }

    private static String error(String prior, Bounds bounds) {
        return assertThrows(IllegalArgumentException.class, () -> Prior.parse(prior).distribution(bounds)).getMessage();
    }

    @Test
    void parsesStanStyleText() {
        Prior prior = Prior.parse(" tau = half_cauchy(0, 5) ");
        assertEquals("tau", prior.parameter());
        assertEquals("half_cauchy", prior.distribution());
        assertEquals(List.of(0.0, 5.0), prior.arguments());
        assertEquals(List.of(100.0, 1e2), Prior.parse("mu ~ normal(100,1e2)").arguments());
        assertEquals("b_floor:log_uppm", Prior.parse("b_floor:log_uppm=normal(0, 1)").parameter());
        for (String bad : List.of("tau=half_cauchy(0,5", "=normal(0,1)", "tau", "tau=normal 0 1")) {
            String message = assertThrows(IllegalArgumentException.class, () -> Prior.parse(bad)).getMessage();
            assertTrue(message.contains("expected PARAMETER=DISTRIBUTION(ARGUMENTS)"), message);
        }
        String word = assertThrows(IllegalArgumentException.class, () -> Prior.parse("mu=normal(zero, 1)")).getMessage();
        assertTrue(word.contains("argument 'zero' is not a number"), word);
    }

    @Test
    void unknownDistributionsWrongArityAndInvalidArgumentsAreClearErrors() {
        String unknown = error("tau=halfcauchy(0,5)", Bounds.POSITIVE);
        assertTrue(unknown.contains("unknown distribution 'halfcauchy'") && unknown.contains("did you mean half_cauchy?")
                && unknown.contains("normal, student_t"), unknown);
        String arity = error("mu=normal(0)", Bounds.REAL);
        assertTrue(arity.contains("normal takes 2 arguments (mu, sigma), got 1"), arity);
        String halfArity = error("tau=half_cauchy(0, 5, 1)", Bounds.POSITIVE);
        assertTrue(halfArity.contains("half_cauchy takes 1 argument (sigma) or 2 (mu, sigma), got 3"), halfArity);
        String scale = error("mu=normal(0, -1)", Bounds.REAL);
        assertTrue(scale.contains("sigma must be positive, got -1"), scale);
        String shape = error("mu=gamma(0, 1)", Bounds.POSITIVE);
        assertTrue(shape.contains("alpha must be positive"), shape);
        String location = error("tau=half_normal(1, 2)", Bounds.POSITIVE);
        assertTrue(location.contains("centered at 0") && location.contains("normal(mu, sigma)"), location);
        String order = error("mu=uniform(3, 1)", Bounds.REAL);
        assertTrue(order.contains("lower bound 3.0 must be below the upper bound 1.0"), order);
    }

    @Test
    void aPriorWiderThanTheParameterIsTruncatedAndRenormalized() {
        Distribution normal = Prior.parse("tau=normal(1, 2)").distribution(Bounds.POSITIVE);
        assertEquals(Support.POSITIVE, normal.kernel().support());
        assertEquals(Double.NEGATIVE_INFINITY, logDensity(normal, -0.5));
        checkTruncated(normal, new NormalDistribution(1, 2), 0, Double.POSITIVE_INFINITY, 0.3, 4.0);
        checkTruncated(Prior.parse("tau=student_t(3, -1, 2)").distribution(Bounds.POSITIVE),
                new TDistribution(3), 0, Double.POSITIVE_INFINITY, 0.7, 12, -1, 2);
        checkTruncated(Prior.parse("tau=cauchy(2, 5)").distribution(Bounds.POSITIVE),
                new CauchyDistribution(2, 5), 0, Double.POSITIVE_INFINITY, 0.1, 30);
        Distribution gamma = Prior.parse("mean=gamma(2, 3)").distribution(Bounds.UNIT_INTERVAL);
        assertEquals(Support.UNIT_INTERVAL, gamma.kernel().support());
        checkTruncated(gamma, new GammaDistribution(2, 1 / 3.0), 0, 1, 0.2, 0.9);
        checkTruncated(Prior.parse("mean=lognormal(-1, 1)").distribution(Bounds.UNIT_INTERVAL),
                new LogNormalDistribution(-1, 1), 0, 1, 0.05, 0.5);
        // The half-normal is the normal(0, sigma) truncated at 0.
        assertEquals(logDensity(Prior.parse("tau=half_normal(0, 2)").distribution(Bounds.POSITIVE), 1.3),
                logDensity(Prior.parse("tau=normal(0, 2)").distribution(Bounds.POSITIVE), 1.3), 1e-14);
    }

    /** The truncated density is the base density over the base's mass in the bounds (commons-math's). */
    private static void checkTruncated(Distribution prior, RealDistribution base, double lower, double upper,
            double... points) {
        checkTruncated(prior, base, lower, upper, points[0], points[1], 0, 1);
    }

    private static void checkTruncated(Distribution prior, RealDistribution standard, double lower, double upper,
            double x1, double x2, double location, double scale) {
        double mass = (upper == Double.POSITIVE_INFINITY ? 1 : standard.cumulativeProbability((upper - location) / scale))
                - standard.cumulativeProbability((lower - location) / scale);
        for (double x : new double[] {x1, x2}) {
            double expected = Math.log(standard.density((x - location) / scale) / scale) - Math.log(mass);
            assertEquals(expected, logDensity(prior, x), 1e-9, "at " + x);
        }
    }

    @Test
    void boundsThatLeaveNoMassAreErrors() {
        String none = error("tau=uniform(-3, -1)", Bounds.POSITIVE);
        assertTrue(none.contains("puts no probability where tau can be (tau > 0)"), none);
        String tiny = error("tau=normal(-100, 1)", Bounds.POSITIVE);
        assertTrue(tiny.contains("almost no probability"), tiny);
        Distribution uniform = Prior.parse("tau=uniform(-1, 5)").distribution(Bounds.POSITIVE);
        assertEquals(-Math.log(5), logDensity(uniform, 2), 1e-15);
        Distribution beta = Prior.parse("mean=beta(2, 8)").distribution(Bounds.UNIT_INTERVAL);
        assertTrue(beta.kernel() instanceof org.muster.core.api.distributions.Beta);
    }

    @Test
    void truncatedPriorsDrawWithinTheBounds() {
        SplittableRandom random = new SplittableRandom(1);
        // Rejection (mass 0.69) and inversion (mass 3e-5) both give the truncated normal's mean,
        // mu + sigma phi(a) / (1 - Phi(a)) with a = -mu / sigma.
        double[][] cases = {{1, 2}, {-4, 1}};
        for (double[] c : cases) {
            UnivariateDistribution kernel = (UnivariateDistribution) Prior.parse("tau=normal(" + c[0] + ", " + c[1] + ")")
                    .distribution(Bounds.POSITIVE).kernel();
            int n = 20000;
            double sum = 0;
            double sumSquares = 0;
            for (int i = 0; i < n; i++) {
                double x = kernel.sample(random, 0, 0, 0);
                assertTrue(x >= 0);
                sum += x;
                sumSquares += x * x;
            }
            double mean = sum / n;
            double sd = Math.sqrt(sumSquares / n - mean * mean);
            NormalDistribution standard = new NormalDistribution();
            double a = -c[0] / c[1];
            double expected = c[0] + c[1] * standard.density(a) / (1 - standard.cumulativeProbability(a));
            assertEquals(expected, mean, 5 * sd / Math.sqrt(n), "normal(" + c[0] + ", " + c[1] + ")");
        }
    }
}
