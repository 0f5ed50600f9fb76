package org.muster.samplers.internal.gibbs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.muster.core.api.Distributions.bernoulliLogit;
import static org.muster.core.api.Distributions.categorical;
import static org.muster.core.api.Distributions.dirichlet;
import static org.muster.core.api.Distributions.exponential;
import static org.muster.core.api.Distributions.halfNormal;
import static org.muster.core.api.Distributions.normal;

import java.util.SplittableRandom;
import java.util.function.IntFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.muster.core.api.CompiledModel;
import org.muster.core.api.Model;
import org.muster.core.api.ModelBuilder;
import org.muster.core.api.ModelEvaluator;
import org.muster.core.api.Node;
import org.muster.core.api.UnconstrainedBlock;

/**
 * The model work of one Gibbs sweep (the members of nodes computed or scored, as
 * {@link ModelEvaluator#work()} counts them) grows linearly with the number of units: each member's
 * update evaluates its own terms and its observations', not the model. Measured at n = 100 and n = 1,000
 * units on models whose plates are updated member by member: a mixture's labels by enumeration, the
 * standardized effects of a non-centered normal hierarchy and the group intercepts of a logistic
 * regression by slice sampling; the hyperparameters' updates evaluate their whole blankets (O(n) each).
 */
class GibbsSweepWorkTest {

    private static final int[] UNITS = {100, 1000};

    /** A two-component normal mixture with n labels. */
    static Model mixture(int n) {
        SplittableRandom random = new SplittableRandom(11);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = random.nextBoolean() ? -2 + 0.7 * random.nextGaussian() : 3 + random.nextGaussian();
        }
        ModelBuilder b = Model.builder();
        Node w = b.stochastic("w", dirichlet(b.data("ones", new double[] {1, 1})));
        Node z = b.stochastic("z", n, categorical(w));
        Node mu = b.stochastic("mu", 2, normal(0, 10));
        Node sigma = b.stochastic("sigma", 2, halfNormal(5));
        b.observed("y", normal(mu.select(z), sigma.select(z)), y);
        return b.build();
    }

    /** n groups, non-centered: theta = mu + tau z, y_j ~ N(theta_j, 1). */
    static Model hierarchy(int n) {
        SplittableRandom random = new SplittableRandom(12);
        double[] y = random.doubles(n, -3, 3).toArray();
        ModelBuilder b = Model.builder();
        Node mu = b.stochastic("mu", normal(0, 5));
        Node tau = b.stochastic("tau", halfNormal(5));
        Node z = b.stochastic("z", n, normal(0, 1));
        b.observed("y", normal(mu.plus(tau.times(z)), 1), y);
        return b.build();
    }

    /** n groups of 3 observations: y ~ bernoulli_logit(a + u[g]), u ~ N(0, s). */
    static Model intercepts(int n) {
        SplittableRandom random = new SplittableRandom(13);
        int[] group = new int[3 * n];
        int[] y = new int[3 * n];
        for (int i = 0; i < y.length; i++) {
            group[i] = i % n;
            y[i] = random.nextBoolean() ? 1 : 0;
        }
        ModelBuilder b = Model.builder();
        Node a = b.stochastic("a", normal(0, 2));
        Node s = b.stochastic("s", exponential(1));
        Node u = b.stochastic("u", n, normal(0, s));
        b.observed("y", bernoulliLogit(a.plus(u.at(group))), y);
        return b.build();
    }

    /** Model work of one sweep after a few to settle, and the work of one full log density. */
    private static long[] sweepWork(Model model) {
        CompiledModel compiled = model.compile();
        ModelEvaluator evaluator = compiled.newEvaluator();
        double[] init = new double[compiled.dimension()];
        for (Node parameter : model.parameters()) {
            UnconstrainedBlock block = compiled.unconstrainedBlock(parameter);
            for (int i = 0; i < block.size(); i++) {
                init[block.offset() + i] = block.transform().isDiscrete() ? 1 + i % 2 : 0.1;
            }
        }
        GibbsChain chain = new GibbsChain(evaluator, new SplittableRandom(5), init, GibbsPlan.updates(compiled));
        for (int i = 0; i < 5; i++) {
            chain.iterate(true);
        }
        long before = evaluator.work();
        chain.iterate(false);
        long sweep = evaluator.work() - before;
        before = evaluator.work();
        evaluator.logDensity(chain.position());
        return new long[] {sweep, evaluator.work() - before};
    }

    @ParameterizedTest
    @ValueSource(strings = {"mixture", "hierarchy", "intercepts"})
    void oneSweepsWorkGrowsLinearlyWithTheUnits(String name) {
        IntFunction<Model> model = switch (name) {
            case "mixture" -> GibbsSweepWorkTest::mixture;
            case "hierarchy" -> GibbsSweepWorkTest::hierarchy;
            default -> GibbsSweepWorkTest::intercepts;
        };
        long[] small = sweepWork(model.apply(UNITS[0]));
        long[] large = sweepWork(model.apply(UNITS[1]));
        double ratio = (double) large[0] / small[0];
        // Ten times the units: ten times the work, up to how many points the slice steps happened to try.
        assertTrue(ratio > 7 && ratio < 13, name + ": a sweep's work went from " + small[0] + " to " + large[0]
                + " (x" + ratio + ") for 10x the units");
        // Per unit, a sweep costs a bounded number of full log densities' worth of work per unit: evaluating
        // the whole model for each member's every trial point (O(n^2)) would cost hundreds of times more.
        double perUnitInFullEvaluations = (double) large[0] / large[1];
        assertTrue(perUnitInFullEvaluations < 60, name + ": one sweep at n = 1,000 is worth "
                + perUnitInFullEvaluations + " full log densities");
    }

    @ParameterizedTest
    @ValueSource(strings = {"mixture", "hierarchy", "intercepts"})
    void theUnitsAreUpdatedMemberByMember(String name) {
        Model model = switch (name) {
            case "mixture" -> mixture(10);
            case "hierarchy" -> hierarchy(10);
            default -> intercepts(10);
        };
        String plate = switch (name) {
            case "mixture" -> "z";
            case "hierarchy" -> "z";
            default -> "u";
        };
        assertTrue(model.compile().markovBlanket(java.util.List.of(model.requireNode(plate))).memberwise(), name);
        assertEquals(1, GibbsPlan.updates(model.compile()).stream()
                .filter(u -> u.explanation().startsWith(plate + ":")).count());
    }
}
