package org.muster.samplers.internal.collapsed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.muster.core.api.Distributions.beta;
import static org.muster.core.api.Distributions.binomial;
import static org.muster.core.api.Distributions.exponential;
import static org.muster.core.api.Distributions.gamma;
import static org.muster.core.api.Distributions.halfCauchy;
import static org.muster.core.api.Distributions.halfNormal;
import static org.muster.core.api.Distributions.lkjCorrCholesky;
import static org.muster.core.api.Distributions.normal;
import static org.muster.core.api.Distributions.poisson;
import static org.muster.core.api.Expressions.square;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.junit.jupiter.api.Test;
import org.muster.core.api.CompiledModel;
import org.muster.core.api.Expressions;
import org.muster.core.api.Model;
import org.muster.core.api.ModelBuilder;
import org.muster.core.api.ModelEvaluator;
import org.muster.core.api.Node;
import org.muster.core.api.UnconstrainedBlock;
import org.muster.core.api.conjugate.CollapsibleLayer;
import org.muster.core.api.conjugate.LinearGaussianLayer;

/**
 * The marginal log density of each kind of layer and its gradient against brute force: numerical
 * integration over each unit (composite Gauss–Legendre on its unconstrained coordinate) for the scalar
 * layers, the dense multivariate normal marginal for a small linear mixed model; gradients against
 * five-point central differences; all to 1e-8; and no allocation per evaluation.
 */
class MarginalDensityTest {

    private static final int[] GROUP = {0, 0, 1, 2, 2, 3, 3};

    /** Beta-binomial with (mean, concentration) hyperparameters; unit 2 has two rows. */
    static Model betaBinomial() {
        ModelBuilder b = Model.builder();
        Node mean = b.stochastic("mean", beta(1.5, 3));
        Node concentration = b.stochastic("concentration", gamma(1, 0.1));
        Node alpha = b.deterministic("alpha", mean.times(concentration));
        Node betaNode = b.deterministic("beta", mean.negate().plus(1.0).times(concentration));
        Node theta = b.stochastic("theta", 4, beta(alpha, betaNode));
        b.observed("y", binomial(b.data("n", new double[] {12, 9, 20, 7, 15, 11, 30}), theta.at(GROUP)),
                new int[] {2, 1, 6, 0, 3, 1, 9});
        return b.build();
    }

    /** Gamma-Poisson with exposures: rates with population mean mu and sd sigma. */
    static Model gammaPoisson() {
        ModelBuilder b = Model.builder();
        Node mu = b.stochastic("mu", exponential(0.5));
        Node sigma = b.stochastic("sigma", exponential(0.5));
        Node lambda = b.stochastic("lambda", 4, gamma(square(mu.div(sigma)), mu.div(square(sigma))));
        b.observed("n", poisson(b.data("e", new double[] {1.5, 0.5, 2.0, 1.2, 0.8, 3.0, 0.4}).times(lambda.at(GROUP))),
                new int[] {3, 0, 7, 2, 1, 4, 2});
        return b.build();
    }

    private static final double[] Y = {28, 8, -3, 7, -1, 1, 18};
    private static final double[] SIGMA = {15, 10, 16, 11, 9, 11, 10};

    /** Normal-normal with known sds, centered (theta ~ normal) or non-centered (theta = mu + tau z). */
    static Model normalNormal(boolean centered) {
        ModelBuilder b = Model.builder();
        Node mu = b.stochastic("mu", normal(0, 5));
        Node tau = b.stochastic("tau", halfCauchy(5));
        Node theta;
        if (centered) {
            theta = b.stochastic("theta", 4, normal(mu, tau));
        } else {
            Node z = b.stochastic("z", 4, normal(0, 1));
            theta = b.deterministic("theta", mu.plus(tau.times(z)));
        }
        b.observed("y", normal(theta.at(GROUP), b.data("sigma", SIGMA)), Y);
        return b.build();
    }

    static final int[] LMM_GROUP = {0, 0, 1, 1, 1, 2, 2, 2, 2, 0};
    static final double[] LMM_X = {0.5, -1.0, 1.2, 0.3, -0.7, 2.0, 0.1, -1.5, 0.9, 1.1};
    static final double[] LMM_Y = {1.2, -0.4, 2.9, 1.1, 0.2, 3.8, 1.0, -0.9, 2.2, 1.9};
    /** Groups: 4, of which the last has no rows (its effects keep their prior). */
    static final int LMM_LEVELS = 4;

    /**
     * y ~ b0 + b1 x + (1 + x | g), gaussian, as the formula family builds it: r = diag(sd) L z per level with
     * L the Cholesky factor of the 2 x 2 correlation under LKJ(2), z ~ N(0, 1) in blocks of J.
     */
    static Model mixed() {
        ModelBuilder b = Model.builder();
        int j = LMM_LEVELS;
        Node b0 = b.stochastic("b0", normal(0, 5));
        Node b1 = b.stochastic("b1", normal(0, 2));
        Node sd1 = b.stochastic("sd1", halfNormal(2));
        Node sd2 = b.stochastic("sd2", halfNormal(2));
        Node cholesky = b.stochastic("L", 4, lkjCorrCholesky(2));
        Node z = b.stochastic("z", 2 * j, normal(0, 1));
        Node sigma = b.stochastic("sigma", halfNormal(2));
        int[] first = new int[j];
        int[] second = new int[j];
        for (int k = 0; k < j; k++) {
            first[k] = k;
            second[k] = j + k;
        }
        Node z1 = z.at(first);
        Node z2 = z.at(second);
        Node intercepts = b.deterministic("r_intercept", sd1.times(z1));
        Node l10 = Expressions.sum(cholesky.at(new int[] {2}));
        Node l11 = Expressions.sum(cholesky.at(new int[] {3}));
        Node slopes = b.deterministic("r_slope", sd2.times(l10.times(z1).plus(l11.times(z2))));
        Node x = b.data("x", LMM_X);
        Node eta = b0.plus(b1.times(x)).plus(intercepts.at(LMM_GROUP)).plus(slopes.at(LMM_GROUP).times(x));
        b.observed("y", normal(eta, sigma), LMM_Y);
        return b.build();
    }

    private static MarginalDensity marginal(Model model) {
        CompiledModel compiled = model.compile();
        List<CollapsibleLayer> layers = CollapsibleLayer.findAll(model);
        assertEquals(1, layers.size(), layers.toString());
        return new MarginalDensity(compiled, layers, MarginalDensity.freeCoordinates(compiled, layers));
    }

    /** A full unconstrained point with phi at {@code x} and the layer's coordinates at 0. */
    private static double[] fullPoint(CompiledModel compiled, Node layer, double[] x) {
        UnconstrainedBlock block = compiled.unconstrainedBlock(layer);
        double[] full = new double[compiled.dimension()];
        int k = 0;
        for (int i = 0; i < full.length; i++) {
            if (i < block.offset() || i >= block.offset() + block.size()) {
                full[i] = x[k++];
            }
        }
        return full;
    }

    /**
     * log of the integral of exp(log density) over the layer's coordinates, one unit at a time (the units
     * are independent given phi), by 5-point Gauss–Legendre on [-width, width] around {@code center}.
     */
    private static double integrateUnits(Model model, Node layer, double[] x, double center, double width) {
        CompiledModel compiled = model.compile();
        ModelEvaluator evaluator = compiled.newEvaluator();
        UnconstrainedBlock block = compiled.unconstrainedBlock(layer);
        double[] point = fullPoint(compiled, layer, x);
        double reference = evaluator.logDensity(point);
        double total = reference;
        double[] nodes = {-0.9061798459386640, -0.5384693101056831, 0, 0.5384693101056831, 0.9061798459386640};
        double[] weights = {0.2369268850561891, 0.4786286704993665, 0.5688888888888889, 0.4786286704993665,
                0.2369268850561891};
        int intervals = 20_000;
        double h = 2 * width / intervals;
        for (int u = 0; u < block.size(); u++) {
            int coordinate = block.offset() + u;
            double[] values = new double[intervals * nodes.length];
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < intervals; i++) {
                for (int k = 0; k < nodes.length; k++) {
                    point[coordinate] = center - width + h * (i + 0.5 + 0.5 * nodes[k]);
                    values[i * nodes.length + k] = evaluator.logDensity(point) - reference;
                    max = Math.max(max, values[i * nodes.length + k]);
                }
            }
            double sum = 0;
            for (int i = 0; i < intervals; i++) {
                for (int k = 0; k < nodes.length; k++) {
                    sum += weights[k] * 0.5 * h * Math.exp(values[i * nodes.length + k] - max);
                }
            }
            total += max + Math.log(sum);
            point[coordinate] = 0;
        }
        return total;
    }

    private static void assertGradientMatchesDifferences(MarginalDensity marginal, double[] x) {
        double[] gradient = new double[x.length];
        double value = marginal.logDensityGradient(x, gradient);
        assertEquals(marginal.logDensity(x), value, 1e-12 * Math.max(1, Math.abs(value)));
        for (int k = 0; k < x.length; k++) {
            double h = 1e-3 * Math.max(1, Math.abs(x[k]));
            double[] point = x.clone();
            point[k] = x[k] + h;
            double plus = marginal.logDensity(point);
            point[k] = x[k] + 2 * h;
            double plus2 = marginal.logDensity(point);
            point[k] = x[k] - h;
            double minus = marginal.logDensity(point);
            point[k] = x[k] - 2 * h;
            double minus2 = marginal.logDensity(point);
            double difference = (8 * (plus - minus) - (plus2 - minus2)) / (12 * h);
            assertEquals(difference, gradient[k], 1e-8 * Math.max(1, Math.abs(difference)), "coordinate " + k);
        }
    }

    private static void assertMatchesIntegration(Model model, String layer, double[] x, double center, double width) {
        MarginalDensity marginal = marginal(model);
        double expected = integrateUnits(model, model.requireNode(layer), x, center, width);
        assertEquals(expected, marginal.logDensity(x), 1e-8);
        assertGradientMatchesDifferences(marginal, x);
    }

    @Test
    void betaBinomialMarginalMatchesIntegrationOverEachUnit() {
        assertMatchesIntegration(betaBinomial(), "theta", new double[] {-1.1, 2.3}, 0, 40);
        assertMatchesIntegration(betaBinomial(), "theta", new double[] {0.4, 0.2}, 0, 40);
    }

    @Test
    void gammaPoissonMarginalMatchesIntegrationOverEachUnit() {
        assertMatchesIntegration(gammaPoisson(), "lambda", new double[] {0.7, -0.3}, -5, 30);
        assertMatchesIntegration(gammaPoisson(), "lambda", new double[] {1.9, 1.2}, -5, 30);
    }

    @Test
    void normalMarginalMatchesIntegrationOverEachUnitCenteredAndNonCentered() {
        for (double[] x : new double[][] {{4.4, 1.2}, {-2.0, -1.5}}) {
            assertMatchesIntegration(normalNormal(true), "theta", x, 0, 400);
            assertMatchesIntegration(normalNormal(false), "z", x, 0, 40);
        }
    }

    @Test
    void theLinearGaussianLayerGivesTheScalarNormalLayersMarginal() {
        Model model = normalNormal(false);
        CompiledModel compiled = model.compile();
        List<CollapsibleLayer> linear = LinearGaussianLayer.findAll(model).stream()
                .filter(layer -> layer.parameter().name().equals("z")).map(layer -> (CollapsibleLayer) layer).toList();
        assertEquals("z", linear.get(0).parameter().name());
        MarginalDensity woodbury = new MarginalDensity(compiled, linear, MarginalDensity.freeCoordinates(compiled, linear));
        MarginalDensity scalar = marginal(model);
        double[] x = {3.1, 0.8};
        double[] g1 = new double[2];
        double[] g2 = new double[2];
        assertEquals(scalar.logDensityGradient(x, g1), woodbury.logDensityGradient(x, g2), 1e-10);
        assertEquals(g1[0], g2[0], 1e-10);
        assertEquals(g1[1], g2[1], 1e-10);
    }

    /** The dense marginal y ~ N(b0 + b1 x, sigma² I + Z Sigma Zᵀ) plus the log density of phi alone. */
    private static double denseMixedMarginal(Model model, double[] x) {
        CompiledModel compiled = model.compile();
        Node z = model.requireNode("z");
        double[] point = fullPoint(compiled, z, x);
        Map<String, double[]> values = compiled.constrain(point);
        double b0 = values.get("b0")[0];
        double b1 = values.get("b1")[0];
        double sd1 = values.get("sd1")[0];
        double sd2 = values.get("sd2")[0];
        double[] l = values.get("L");
        double sigma = values.get("sigma")[0];
        int n = LMM_Y.length;
        // log p(phi) with its Jacobians: the whole density at z = 0 less z's prior and y's likelihood there.
        double rest = compiled.newEvaluator().logDensity(point) + 2 * LMM_LEVELS * 0.5 * Math.log(2 * Math.PI);
        RealMatrix covariance = new Array2DRowRealMatrix(n, n);
        RealVector residual = new ArrayRealVector(n);
        for (int i = 0; i < n; i++) {
            double fixed = b0 + b1 * LMM_X[i];
            double d = (LMM_Y[i] - fixed) / sigma;
            rest -= -0.5 * Math.log(2 * Math.PI) - Math.log(sigma) - 0.5 * d * d;
            residual.setEntry(i, LMM_Y[i] - fixed);
            // Row i's effects: (sd1 z_g) + x_i sd2 (l10 z_g + l11 z_{J+g}).
            double[] a = {sd1 + LMM_X[i] * sd2 * l[2], LMM_X[i] * sd2 * l[3]};
            for (int k = 0; k < n; k++) {
                double[] c = {sd1 + LMM_X[k] * sd2 * l[2], LMM_X[k] * sd2 * l[3]};
                double entry = LMM_GROUP[i] == LMM_GROUP[k] ? a[0] * c[0] + a[1] * c[1] : 0;
                covariance.setEntry(i, k, entry + (i == k ? sigma * sigma : 0));
            }
        }
        CholeskyDecomposition cholesky = new CholeskyDecomposition(covariance);
        double quadratic = residual.dotProduct(cholesky.getSolver().solve(residual));
        return rest - 0.5 * n * Math.log(2 * Math.PI) - 0.5 * Math.log(cholesky.getDeterminant()) - 0.5 * quadratic;
    }

    @Test
    void linearMixedModelMarginalMatchesTheDenseMultivariateNormal() {
        Model model = mixed();
        MarginalDensity marginal = marginal(model);
        assertEquals(6, marginal.dimension());
        for (double[] x : new double[][] {{0.8, 1.1, -0.2, 0.3, 0.6, -0.4}, {-0.5, 0.4, 0.9, -1.0, -0.8, 0.7}}) {
            assertEquals(denseMixedMarginal(model, x), marginal.logDensity(x), 1e-8);
            assertGradientMatchesDifferences(marginal, x);
        }
    }

    @Test
    void theMixedModelsEffectsAreDrawnFromTheirDenseConditional() {
        Model model = mixed();
        CompiledModel compiled = model.compile();
        MarginalDensity marginal = marginal(model);
        double[] x = {0.8, 1.1, -0.2, 0.3, 0.6, -0.4};
        double[] point = fullPoint(compiled, model.requireNode("z"), x);
        Map<String, double[]> values = compiled.constrain(point);
        double sd1 = values.get("sd1")[0];
        double sd2 = values.get("sd2")[0];
        double[] l = values.get("L");
        double sigma = values.get("sigma")[0];
        int n = LMM_Y.length;
        int m = 2 * LMM_LEVELS;
        // eta = X b + A z; z | y ~ N(P^-1 Aᵀ r / sigma², P^-1), P = I + Aᵀ A / sigma².
        RealMatrix a = new Array2DRowRealMatrix(n, m);
        RealVector residual = new ArrayRealVector(n);
        for (int i = 0; i < n; i++) {
            int g = LMM_GROUP[i];
            a.setEntry(i, g, sd1 + LMM_X[i] * sd2 * l[2]);
            a.setEntry(i, LMM_LEVELS + g, LMM_X[i] * sd2 * l[3]);
            residual.setEntry(i, LMM_Y[i] - values.get("b0")[0] - values.get("b1")[0] * LMM_X[i]);
        }
        RealMatrix precision = a.transpose().multiply(a).scalarMultiply(1 / (sigma * sigma));
        for (int k = 0; k < m; k++) {
            precision.addToEntry(k, k, 1);
        }
        RealMatrix covariance = new CholeskyDecomposition(precision).getSolver().getInverse();
        RealVector mean = covariance.operate(a.transpose().operate(residual)).mapDivide(sigma * sigma);
        UnconstrainedBlock block = compiled.unconstrainedBlock(model.requireNode("z"));
        double[] out = new double[compiled.dimension()];
        double[] conditional = new double[compiled.dimension()];
        marginal.draw(x, new SplittableRandom(1), out, conditional);
        for (int k = 0; k < m; k++) {
            assertEquals(mean.getEntry(k), conditional[block.offset() + k], 1e-10, "z[" + k + "]");
        }
        int draws = 40_000;
        double[] sum = new double[m];
        double[] squares = new double[m];
        SplittableRandom random = new SplittableRandom(3);
        for (int d = 0; d < draws; d++) {
            marginal.draw(x, random, out, null);
            for (int k = 0; k < m; k++) {
                double v = out[block.offset() + k];
                sum[k] += v;
                squares[k] += (v - mean.getEntry(k)) * (v - mean.getEntry(k));
            }
            for (int k = 0; k < x.length; k++) {
                assertEquals(x[k], out[k < 5 ? k : k + m], 0.0, "phi is kept");
            }
        }
        for (int k = 0; k < m; k++) {
            double variance = covariance.getEntry(k, k);
            // Independent exact draws: MCSE of the mean sqrt(v / N), of the variance about v sqrt(2 / N).
            assertEquals(mean.getEntry(k), sum[k] / draws, 4 * Math.sqrt(variance / draws), "mean of z[" + k + "]");
            assertEquals(variance, squares[k] / draws, 4 * variance * Math.sqrt(2.0 / draws), "variance of z[" + k + "]");
        }
    }

    /** Per-thread allocation counter through reflection: the module does not read jdk.management. */
    private static long allocatedBytes() throws ReflectiveOperationException {
        Object threads = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean").invoke(null);
        return (Long) Class.forName("com.sun.management.ThreadMXBean").getMethod("getThreadAllocatedBytes", long.class)
                .invoke(threads, Thread.currentThread().getId());
    }

    @Test
    void evaluationAllocatesNothing() throws ReflectiveOperationException {
        for (Model model : List.of(betaBinomial(), gammaPoisson(), normalNormal(true), normalNormal(false), mixed())) {
            MarginalDensity marginal = marginal(model);
            double[] x = new SplittableRandom(5).doubles(marginal.dimension(), -1, 1).toArray();
            double[] gradient = new double[x.length];
            double sink = 0;
            for (int i = 0; i < 20_000; i++) {
                sink += marginal.logDensityGradient(x, gradient);
            }
            long before = allocatedBytes();
            for (int i = 0; i < 10_000; i++) {
                sink += marginal.logDensityGradient(x, gradient) + marginal.logDensity(x);
            }
            long allocated = allocatedBytes() - before;
            assertTrue(Double.isFinite(sink));
            assertTrue(allocated < 10_000, model.parameters() + ": 20,000 evaluations allocated " + allocated + " bytes");
        }
    }
}
