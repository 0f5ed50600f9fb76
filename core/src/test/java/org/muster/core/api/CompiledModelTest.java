package org.muster.core.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.muster.core.api.Distributions.beta;
import static org.muster.core.api.Distributions.binomial;
import static org.muster.core.api.Distributions.gamma;
import static org.muster.core.api.Distributions.halfCauchy;
import static org.muster.core.api.Distributions.halfNormal;
import static org.muster.core.api.Distributions.normal;
import static org.muster.core.api.Distributions.poisson;
import static org.muster.core.api.Distributions.uniform;
import static org.muster.core.api.Expressions.dot;
import static org.muster.core.api.Expressions.exp;
import static org.muster.core.api.Expressions.expm1;
import static org.muster.core.api.Expressions.invLogit;
import static org.muster.core.api.Expressions.log;
import static org.muster.core.api.Expressions.log1p;
import static org.muster.core.api.Expressions.logInvLogit;
import static org.muster.core.api.Expressions.multiply;
import static org.muster.core.api.Expressions.sqrt;
import static org.muster.core.api.Expressions.square;
import static org.muster.core.api.Expressions.sum;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CompiledModelTest {

    static final double[] Y = {28, 8, -3, 7, -1, 1, 18, 12};
    static final double[] SIGMA = {15, 10, 16, 11, 9, 11, 10, 18};

    static Model eightSchools() {
        ModelBuilder b = Model.builder();
        Node sigma = b.data("sigma", SIGMA);
        Node mu = b.stochastic("mu", normal(0, 5));
        Node tau = b.stochastic("tau", halfCauchy(5));
        Node z = b.stochastic("z", 8, normal(0, 1));
        Node theta = b.deterministic("theta", mu.plus(tau.times(z)));
        b.observed("y", normal(theta, sigma), Y);
        return b.build();
    }

    static double logNormal(double x, double mean, double sd) {
        double r = (x - mean) / sd;
        return -0.5 * Math.log(2 * Math.PI) - Math.log(sd) - 0.5 * r * r;
    }

    /** Eight schools on the unconstrained scale (mu, log tau, z), written out by hand. */
    static double handWritten(double[] x) {
        double mu = x[0];
        double tau = Math.exp(x[1]);
        double lp = logNormal(mu, 0, 5);
        lp += Math.log(2) - Math.log(Math.PI * 5) - Math.log1p((tau / 5) * (tau / 5)) + x[1];
        for (int j = 0; j < 8; j++) {
            double z = x[2 + j];
            lp += logNormal(z, 0, 1) + logNormal(Y[j], mu + tau * z, SIGMA[j]);
        }
        return lp;
    }

    @Test
    void eightSchoolsLogDensityEqualsHandWrittenOne() {
        CompiledModel compiled = eightSchools().compile();
        assertEquals(10, compiled.dimension());
        ModelEvaluator evaluator = compiled.newEvaluator();
        SplittableRandom random = new SplittableRandom(11);
        double[] gradient = new double[10];
        for (int trial = 0; trial < 200; trial++) {
            double[] x = random.doubles(10, -3, 3).toArray();
            double expected = handWritten(x);
            assertEquals(expected, evaluator.logDensity(x), 1e-12 * Math.abs(expected));
            assertEquals(expected, evaluator.logDensityGradient(x, gradient), 1e-12 * Math.abs(expected));
        }
    }

    @Test
    void eightSchoolsGradientMatchesFiniteDifferences() {
        assertGradientMatchesFiniteDifferences(eightSchools(), 3);
    }

    /** Every operation, broadcast and gather, and several transforms, in one model. */
    static Model everyOperation() {
        ModelBuilder b = Model.builder();
        Node design = b.data("X", new double[][] {{1, 0.5}, {1, -1.2}, {1, 2.0}, {1, 0.1}, {1, -0.3}});
        Node counts = b.data("n", new int[] {10, 12, 9, 20, 15});
        Node beta = b.stochastic("beta", 2, normal(0, 2));
        Node scale = b.stochastic("scale", halfNormal(1));
        Node rate = b.stochastic("rate", gamma(2, 2));
        Node p = b.stochastic("p", beta(2, 3));
        Node u = b.stochastic("u", uniform(-1, 3));
        Node group = b.stochastic("g", 3, normal(0, 1));
        Node eta = multiply(design, beta).plus(group.at(new int[] {0, 1, 2, 0, 1}).times(scale));
        Node q = b.deterministic("q", invLogit(eta.minus(logInvLogit(u.negate())).div(square(scale).plus(1))));
        b.observed("successes", binomial(counts, q), new int[] {3, 7, 2, 11, 9});
        Node lambda = exp(log1p(square(rate)).plus(expm1(p))).plus(sqrt(rate.pow(p)));
        Node total = sum(group).plus(dot(beta, beta)).plus(log(rate)).times(0.1);
        b.observed("k", poisson(lambda.plus(square(total))), new int[] {4, 6, 2});
        b.deterministic("ratio", rate.pow(scale).div(p.minus(2)));
        return b.build();
    }

    @Test
    void everyOperationGradientMatchesFiniteDifferences() {
        assertGradientMatchesFiniteDifferences(everyOperation(), 1.5);
    }

    /**
     * Beta and gamma plates with scalar parameters (one normalizing constant per plate, the fast op),
     * and an observed gamma plate; with {@code perMember} the same model with the parameters spread to
     * vectors (adding zeros), which the generic per-member op evaluates.
     */
    static Model sharedShapePlates(boolean perMember) {
        ModelBuilder b = Model.builder();
        Node mean = b.stochastic("mean", beta(2, 2));
        Node concentration = b.stochastic("concentration", gamma(2, 0.2));
        Node zeros5 = b.data("zeros5", new double[5]);
        Node zeros4 = b.data("zeros4", new double[4]);
        Node zeros3 = b.data("zeros3", new double[3]);
        Node a = mean.times(concentration);
        Node bb = mean.negate().plus(1).times(concentration);
        Node theta = b.stochastic("theta", 5, perMember ? beta(a.plus(zeros5), bb.plus(zeros5)) : beta(a, bb));
        b.observed("y", binomial(b.data("n", new int[] {10, 12, 9, 20, 15}), theta), new int[] {3, 7, 2, 11, 9});
        Node shape = b.stochastic("shape", gamma(2, 1));
        Node rate = b.stochastic("rate", gamma(2, 1));
        Node lambda = b.stochastic("lambda", 4, perMember ? gamma(shape.plus(zeros4), rate.plus(zeros4)) : gamma(shape, rate));
        b.observed("k", poisson(lambda), new int[] {4, 6, 2, 0});
        b.observed("w", perMember ? gamma(shape.plus(zeros3), rate.plus(zeros3)) : gamma(shape, rate),
                new double[] {0.5, 1.5, 2.5});
        return b.build();
    }

    @Test
    void sharedShapePlatesMatchTheMemberByMemberKernelsAndFiniteDifferences() {
        assertGradientMatchesFiniteDifferences(sharedShapePlates(false), 1.5);
        ModelEvaluator fast = sharedShapePlates(false).compile().newEvaluator();
        ModelEvaluator generic = sharedShapePlates(true).compile().newEvaluator();
        SplittableRandom random = new SplittableRandom(9);
        double[] fastGradient = new double[fast.dimension()];
        double[] genericGradient = new double[fast.dimension()];
        for (int trial = 0; trial < 50; trial++) {
            double[] x = random.doubles(fast.dimension(), -3, 3).toArray();
            double expected = generic.logDensityGradient(x, genericGradient);
            assertEquals(expected, fast.logDensityGradient(x, fastGradient), 1e-9 * Math.abs(expected));
            for (int i = 0; i < x.length; i++) {
                assertEquals(genericGradient[i], fastGradient[i], 1e-9 * Math.max(1, Math.abs(genericGradient[i])),
                        "coordinate " + i);
            }
        }
    }

    static void assertGradientMatchesFiniteDifferences(Model model, double radius) {
        CompiledModel compiled = model.compile();
        ModelEvaluator evaluator = compiled.newEvaluator();
        int d = compiled.dimension();
        SplittableRandom random = new SplittableRandom(3);
        double[] gradient = new double[d];
        for (int trial = 0; trial < 100; trial++) {
            double[] x = random.doubles(d, -radius, radius).toArray();
            evaluator.logDensityGradient(x, gradient);
            for (int i = 0; i < d; i++) {
                double h = 1e-5 * Math.max(1, Math.abs(x[i]));
                double[] up = x.clone();
                double[] down = x.clone();
                up[i] += h;
                down[i] -= h;
                double fd = (evaluator.logDensity(up) - evaluator.logDensity(down)) / (2 * h);
                assertEquals(fd, gradient[i], 1e-6 * Math.max(1, Math.abs(gradient[i])),
                        "coordinate " + compiled.unconstrainedNames().get(i) + " at trial " + trial);
            }
        }
    }

    static final int[] GROUP = {0, 0, 0, 1, 2, 2, 1, 3, 3, 3, 0};
    static final double[] COVARIATE = {0, 1, 0, 0, 1, 1, 0, 1, 0, 0, 1};
    static final double[] OUTCOME = {1.2, 0.4, 1.9, -0.3, 0.8, 0.1, -1.1, 2.5, 1.7, 2.2, 0.6};
    static final double[] PRIOR_SCALES = {1, 2, 0.5, 3};

    /**
     * Normal densities on plates in every shape the compiler has a plate-level path for: gathered
     * vector means with a broadcast parameter scale (a varying-intercept, varying-slope regression),
     * broadcast data mean and scale (non-centered effects), a broadcast parameter mean with a
     * per-member data scale, and a per-member parameter scale.
     */
    static Model normalPlates() {
        ModelBuilder b = Model.builder();
        Node covariate = b.data("x", COVARIATE);
        Node priorScales = b.data("s", PRIOR_SCALES);
        Node muAlpha = b.stochastic("mu_alpha", normal(0, 10));
        Node sigmaAlpha = b.stochastic("sigma_alpha", halfNormal(1));
        Node sigmaY = b.stochastic("sigma_y", halfNormal(1));
        Node zAlpha = b.stochastic("z_alpha", 4, normal(0, 1));
        Node beta = b.stochastic("beta", 4, normal(muAlpha, priorScales));
        Node tau = b.stochastic("tau", 4, halfNormal(1));
        Node gamma = b.stochastic("gamma", 4, normal(beta, tau));
        Node alpha = b.deterministic("alpha", muAlpha.plus(sigmaAlpha.times(zAlpha)));
        Node mean = alpha.at(GROUP).plus(beta.at(GROUP).times(covariate)).plus(gamma.at(GROUP).times(0.1));
        b.observed("y", normal(mean, sigmaY), OUTCOME);
        return b.build();
    }

    /** {@link #normalPlates} on the unconstrained scale, written out by hand. */
    static double normalPlatesHandWritten(double[] x) {
        double muAlpha = x[0];
        double sigmaAlpha = Math.exp(x[1]);
        double sigmaY = Math.exp(x[2]);
        double lp = logNormal(muAlpha, 0, 10) + x[1] + x[2];
        lp += 2 * (Math.log(2) + logNormal(0, 0, 1)) - 0.5 * (sigmaAlpha * sigmaAlpha + sigmaY * sigmaY);
        double[] alpha = new double[4];
        double[] beta = new double[4];
        double[] gamma = new double[4];
        for (int j = 0; j < 4; j++) {
            double z = x[3 + j];
            beta[j] = x[7 + j];
            double tau = Math.exp(x[11 + j]);
            gamma[j] = x[15 + j];
            alpha[j] = muAlpha + sigmaAlpha * z;
            lp += logNormal(z, 0, 1) + logNormal(beta[j], muAlpha, PRIOR_SCALES[j]);
            lp += Math.log(2) + logNormal(tau, 0, 1) + x[11 + j] + logNormal(gamma[j], beta[j], tau);
        }
        for (int i = 0; i < OUTCOME.length; i++) {
            int g = GROUP[i];
            lp += logNormal(OUTCOME[i], alpha[g] + beta[g] * COVARIATE[i] + gamma[g] * 0.1, sigmaY);
        }
        return lp;
    }

    @Test
    void normalPlatesLogDensityEqualsHandWrittenOne() {
        CompiledModel compiled = normalPlates().compile();
        assertEquals(19, compiled.dimension());
        ModelEvaluator evaluator = compiled.newEvaluator();
        SplittableRandom random = new SplittableRandom(17);
        double[] gradient = new double[19];
        for (int trial = 0; trial < 200; trial++) {
            double[] x = random.doubles(19, -2, 2).toArray();
            double expected = normalPlatesHandWritten(x);
            assertEquals(expected, evaluator.logDensity(x), 1e-12 * Math.abs(expected));
            assertEquals(expected, evaluator.logDensityGradient(x, gradient), 1e-12 * Math.abs(expected));
        }
    }

    @Test
    void normalPlatesGradientMatchesFiniteDifferences() {
        assertGradientMatchesFiniteDifferences(normalPlates(), 1.5);
    }

    @Test
    void normalPlateWithInvalidScaleHasMinusInfinityAndZeroGradient() {
        ModelBuilder b = Model.builder();
        Node mu = b.stochastic("mu", 3, normal(0, 1));
        Node logScale = b.stochastic("log_scale", normal(0, 1));
        b.observed("y", normal(mu, exp(logScale.times(1000))), new double[] {0.5, -0.2, 1.0});
        ModelEvaluator evaluator = b.build().compile().newEvaluator();
        double[] gradient = new double[4];
        // exp(-2000) underflows to a zero scale: every member's term is -inf and its gradient 0.
        assertEquals(Double.NEGATIVE_INFINITY, evaluator.logDensityGradient(new double[] {0.1, 0.2, 0.3, -2}, gradient));
        assertArrayEquals(new double[] {-0.1, -0.2, -0.3, 2}, gradient, 1e-15);
        assertEquals("y", evaluator.firstNonFiniteTerm(new double[] {0.1, 0.2, 0.3, -2}));
        // Back to a valid point, the same evaluator gives finite values again.
        assertTrue(Double.isFinite(evaluator.logDensityGradient(new double[] {0.1, 0.2, 0.3, 0.001}, gradient)));
    }

    /**
     * Gathers the compiler fuses into their consumer (a sum, a difference with the gathered vector on
     * either side, a product) and gathers it must keep: one used twice, one named.
     */
    static Model gatherUses() {
        ModelBuilder b = Model.builder();
        Node covariate = b.data("x", COVARIATE);
        Node theta = b.stochastic("theta", 4, normal(0, 1));
        Node scale = b.stochastic("s", halfNormal(1));
        Node twice = theta.at(GROUP);
        b.observed("y1", normal(twice.times(covariate).plus(1), scale), OUTCOME);
        b.observed("y2", normal(covariate.minus(twice), scale), OUTCOME);
        Node named = b.deterministic("named", theta.at(GROUP));
        b.observed("y3", normal(named, 1), OUTCOME);
        b.observed("y4", normal(covariate.minus(theta.at(GROUP)).plus(theta.at(GROUP).minus(scale)), scale), OUTCOME);
        b.observed("y5", normal(theta.at(GROUP).times(scale), 2), OUTCOME);
        return b.build();
    }

    @Test
    void gatherUsesGradientMatchesFiniteDifferences() {
        assertGradientMatchesFiniteDifferences(gatherUses(), 1.5);
    }

    @Test
    void gatherUsesLogDensityAndNamedGatherMatchHandWrittenOnes() {
        CompiledModel compiled = gatherUses().compile();
        ModelEvaluator evaluator = compiled.newEvaluator();
        double[] x = new SplittableRandom(23).doubles(5, -1.5, 1.5).toArray();
        double s = Math.exp(x[4]);
        double expected = x[4] + Math.log(2) + logNormal(s, 0, 1);
        for (int j = 0; j < 4; j++) {
            expected += logNormal(x[j], 0, 1);
        }
        for (int i = 0; i < OUTCOME.length; i++) {
            double t = x[GROUP[i]];
            double c = COVARIATE[i];
            expected += logNormal(OUTCOME[i], t * c + 1, s) + logNormal(OUTCOME[i], c - t, s)
                    + logNormal(OUTCOME[i], t, 1) + logNormal(OUTCOME[i], (c - t) + (t - s), s)
                    + logNormal(OUTCOME[i], t * s, 2);
        }
        assertEquals(expected, evaluator.logDensity(x), 1e-12 * Math.abs(expected));
        double[] named = compiled.constrain(x).get("named");
        for (int i = 0; i < GROUP.length; i++) {
            assertEquals(x[GROUP[i]], named[i]);
        }
    }

    /** Multivariate nodes: the simplex and Cholesky-correlation transforms and their kernels. */
    static Model multivariate() {
        ModelBuilder b = Model.builder();
        Node probs = b.stochastic("probs", Distributions.dirichlet(b.data("alpha", new double[] {2, 1.5, 3})));
        b.observed("label", Distributions.categorical(probs), new int[] {1, 3, 3, 2, 1});
        Node correlation = b.stochastic("L", Shape.matrix(3, 3), Distributions.lkjCorrCholesky(2));
        Node mean = b.stochastic("m", 3, normal(0, 2));
        b.observed("v", Distributions.multiNormalCholesky(mean, correlation), new double[] {0.3, -0.8, 1.1});
        return b.build();
    }

    @Test
    void multivariateGradientMatchesFiniteDifferences() {
        CompiledModel compiled = multivariate().compile();
        assertEquals(2 + 3 + 3, compiled.dimension());
        assertGradientMatchesFiniteDifferences(multivariate(), 1.0);
        Map<String, double[]> values = compiled.constrain(new double[] {0.1, -0.2, 0.3, 0.1, -0.4, 0, 0, 0});
        assertEquals(1.0, values.get("probs")[0] + values.get("probs")[1] + values.get("probs")[2], 1e-12);
        assertEquals(9, values.get("L").length);
        assertEquals("L[3,3]", compiled.outputNames().get(3 + 8));
    }

    @Test
    void repeatedEvaluationGivesTheSameGradient() {
        // Only the adjoints the reverse sweep reads are zeroed between evaluations: nothing may leak.
        for (Model model : java.util.List.of(everyOperation(), multivariate(), normalPlates(), gatherUses())) {
            ModelEvaluator evaluator = model.compile().newEvaluator();
            SplittableRandom random = new SplittableRandom(31);
            double[] x = random.doubles(evaluator.dimension(), -1, 1).toArray();
            double[] other = random.doubles(evaluator.dimension(), -1, 1).toArray();
            double[] first = new double[x.length];
            double[] again = new double[x.length];
            double lp = evaluator.logDensityGradient(x, first);
            for (int i = 0; i < 3; i++) {
                evaluator.logDensityGradient(other, again);
            }
            assertEquals(lp, evaluator.logDensityGradient(x, again));
            assertArrayEquals(first, again);
        }
    }

    @Test
    void evaluationAllocatesNothing() {
        ModelEvaluator evaluator = everyOperation().compile().newEvaluator();
        double[] x = new SplittableRandom(5).doubles(evaluator.dimension(), -1, 1).toArray();
        double[] gradient = new double[x.length];
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        double sink = 0;
        for (int i = 0; i < 20_000; i++) {
            sink += evaluator.logDensityGradient(x, gradient);
        }
        long before = threads.getThreadAllocatedBytes(id);
        for (int i = 0; i < 10_000; i++) {
            sink += evaluator.logDensityGradient(x, gradient) + evaluator.logDensity(x);
        }
        long allocated = threads.getThreadAllocatedBytes(id) - before;
        assertTrue(Double.isFinite(sink));
        // A few hundred bytes of slack for the measurement itself; one allocation per call would be >= 160 kB.
        assertTrue(allocated < 10_000, "20,000 evaluations allocated " + allocated + " bytes");
    }

    @Test
    void constrainGivesNamedValuesAndUnconstrainInvertsIt() {
        CompiledModel compiled = eightSchools().compile();
        double[] x = new SplittableRandom(2).doubles(10, -2, 2).toArray();
        Map<String, double[]> values = compiled.constrain(x);
        assertEquals(java.util.List.of("mu", "tau", "z", "theta"), java.util.List.copyOf(values.keySet()));
        assertEquals(Math.exp(x[1]), values.get("tau")[0], 1e-14);
        for (int j = 0; j < 8; j++) {
            assertEquals(x[0] + Math.exp(x[1]) * x[2 + j], values.get("theta")[j], 1e-12);
        }
        assertArrayEquals(x, compiled.unconstrain(values), 1e-12);
        assertEquals("theta[8]", compiled.outputNames().get(compiled.outputNames().size() - 1));
        assertEquals(18, compiled.outputNames().size());
    }

    @Test
    void unconstrainNamesTheBadParameter() {
        CompiledModel compiled = eightSchools().compile();
        Map<String, double[]> values = Map.of("mu", new double[] {1}, "tau", new double[] {-1}, "z", new double[8]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> compiled.unconstrain(values));
        assertTrue(e.getMessage().contains("tau"), e.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> compiled.unconstrain(Map.of("mu", new double[] {1})));
        assertTrue(missing.getMessage().contains("tau"), missing.getMessage());
    }

    @Test
    void nonFiniteTermIsNamed() {
        ModelBuilder b = Model.builder();
        Node mu = b.stochastic("mu", normal(0, 1));
        b.observed("y", normal(mu, exp(mu.times(1000))), 1.0);
        ModelEvaluator evaluator = b.build().compile().newEvaluator();
        assertNull(evaluator.firstNonFiniteTerm(new double[] {0.1}));
        assertEquals(Double.NEGATIVE_INFINITY, evaluator.logDensity(new double[] {-2}));
        assertEquals("y", evaluator.firstNonFiniteTerm(new double[] {-2}));
    }

    @Test
    void discreteParametersSitInTheirCoordinatesWithoutGradient() {
        ModelBuilder b = Model.builder();
        Node k = b.stochastic("k", poisson(3));
        Node z = b.stochastic("z", 3, Distributions.categorical(b.data("w", new double[] {0.2, 0.8})));
        Node mu = b.stochastic("mu", 2, normal(0, 1));
        b.observed("y", normal(mu.select(z), 1), new double[] {0.5, -1.0, 2.0});
        Model model = b.build();
        assertEquals(List.of(k, z), model.discreteParameters());
        CompiledModel compiled = model.compile();
        assertTrue(compiled.unconstrainedBlock(z).transform().isDiscrete());
        assertTrue(!compiled.unconstrainedBlock(mu).transform().isDiscrete());

        double[] x = compiled.unconstrain(Map.of("k", new double[] {2}, "z", new double[] {1, 2, 2},
                "mu", new double[] {0.3, -0.4}));
        assertArrayEquals(new double[] {2, 1, 2, 2, 0.3, -0.4}, x, 0);
        double expected = 2 * Math.log(3) - 3 - Math.log(2) + Math.log(0.2) + 2 * Math.log(0.8)
                + logNormal(0.3, 0, 1) + logNormal(-0.4, 0, 1)
                + logNormal(0.5, 0.3, 1) + logNormal(-1.0, -0.4, 1) + logNormal(2.0, -0.4, 1);
        ModelEvaluator evaluator = compiled.newEvaluator();
        double[] gradient = new double[x.length];
        assertEquals(expected, evaluator.logDensityGradient(x, gradient), 1e-12);
        // Through select, each mean gets the residuals of the observations labelled with it; labels get nothing.
        assertArrayEquals(new double[] {0, 0, 0, 0, -0.3 + (0.5 - 0.3), 0.4 + (-1.0 + 0.4) + (2.0 + 0.4)}, gradient,
                1e-12);
        x[1] = 3;
        assertEquals(Double.NEGATIVE_INFINITY, evaluator.logDensity(x), "label 3 of 2 components");
        IllegalArgumentException fractional = assertThrows(IllegalArgumentException.class,
                () -> compiled.unconstrain(Map.of("k", new double[] {1.5}, "z", new double[] {1, 1, 1},
                        "mu", new double[] {0, 0})));
        assertTrue(fractional.getMessage().contains("'k'") && fractional.getMessage().contains("not an integer"),
                fractional.getMessage());
        IllegalArgumentException gradientMethod = assertThrows(IllegalArgumentException.class,
                () -> model.requireNoDiscreteParameters("nuts"));
        assertTrue(gradientMethod.getMessage().startsWith("nuts cannot fit discrete parameters: [k ~ poisson, z ~ "
                + "categorical]"), gradientMethod.getMessage());
    }

    @Test
    void impossibleObservationGivenDataIsReportedAtCompile() {
        ModelBuilder b = Model.builder();
        b.observed("y", binomial(5, 0.5), new int[] {2, 7});
        Model model = b.build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, model::compile);
        assertTrue(e.getMessage().contains("'y'"), e.getMessage());
    }

    @Test
    void unconstrainedBlocksLocateEachParameter() {
        ModelBuilder b = Model.builder();
        Node mu = b.stochastic("mu", normal(0, 1));
        Node lambda = b.stochastic("lambda", 3, gamma(2, 1));
        Node rate = b.stochastic("rate", beta(1, 1));
        b.observed("k", poisson(lambda), new int[] {1, 2, 3});
        Node y = b.data("y", 1.0);
        CompiledModel compiled = b.build().compile();
        UnconstrainedBlock block = compiled.unconstrainedBlock(lambda);
        assertEquals(1, block.offset());
        assertEquals(3, block.size());
        assertEquals(4, compiled.unconstrainedBlock(rate).offset());
        assertEquals(0, compiled.unconstrainedBlock(mu).offset());
        double[] x = new double[compiled.dimension()];
        block.transform().unconstrain(new double[] {1, Math.E, 2}, 0, x, block.offset(), 3);
        assertArrayEquals(new double[] {0, 0, 1, Math.log(2), 0}, x, 1e-12);
        assertThrows(IllegalArgumentException.class, () -> compiled.unconstrainedBlock(y));
    }
}
