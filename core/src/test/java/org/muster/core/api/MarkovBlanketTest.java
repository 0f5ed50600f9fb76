package org.muster.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.muster.core.api.Distributions.bernoulliLogit;
import static org.muster.core.api.Distributions.beta;
import static org.muster.core.api.Distributions.binomial;
import static org.muster.core.api.Distributions.categorical;
import static org.muster.core.api.Distributions.dirichlet;
import static org.muster.core.api.Distributions.exponential;
import static org.muster.core.api.Distributions.gamma;
import static org.muster.core.api.Distributions.halfNormal;
import static org.muster.core.api.Distributions.normal;
import static org.muster.core.api.Distributions.poisson;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * A Markov blanket's terms are the log density up to terms that do not involve its parameters: moving
 * the parameters changes the blanket's sum exactly as much as the full log density, node by node and
 * member by member, on models that use every operation, the plate-level density ops, gathers, fused sums
 * and selections by label; the cost is the blanket's, and nothing is allocated.
 */
class MarkovBlanketTest {

    private static final Map<String, Supplier<Model>> MODELS = Map.of(
            "every-operation", CompiledModelTest::everyOperation,
            "eight-schools", CompiledModelTest::eightSchools,
            "shared-shape", () -> CompiledModelTest.sharedShapePlates(false),
            "shared-shape-per-member", () -> CompiledModelTest.sharedShapePlates(true),
            "normal-plates", CompiledModelTest::normalPlates,
            "gather-uses", CompiledModelTest::gatherUses,
            "multivariate", CompiledModelTest::multivariate,
            "mixture", () -> mixture(12),
            "random-intercepts", () -> randomIntercepts(6, 4));

    /** A two-component normal mixture with labels, as a JAGS user writes it. */
    static Model mixture(int n) {
        SplittableRandom random = new SplittableRandom(n);
        double[] y = random.doubles(n, -3, 4).toArray();
        ModelBuilder b = Model.builder();
        Node w = b.stochastic("w", dirichlet(b.data("ones", new double[] {1, 1})));
        Node z = b.stochastic("z", n, categorical(w));
        Node mu = b.stochastic("mu", 2, normal(0, 10));
        Node sigma = b.stochastic("sigma", 2, halfNormal(5));
        b.observed("y", normal(mu.select(z), sigma.select(z)), y);
        return b.build();
    }

    /** Logistic regression with group intercepts: y ~ bernoulli_logit(a + b·x + u[g]), u ~ N(0, s). */
    static Model randomIntercepts(int groups, int perGroup) {
        int n = groups * perGroup;
        SplittableRandom random = new SplittableRandom(groups);
        int[] group = new int[n];
        double[] x = new double[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            group[i] = i % groups;
            x[i] = random.nextGaussian();
            y[i] = random.nextBoolean() ? 1 : 0;
        }
        ModelBuilder b = Model.builder();
        Node covariate = b.data("x", x);
        Node a = b.stochastic("a", normal(0, 2));
        Node slope = b.stochastic("b", normal(0, 2));
        Node scale = b.stochastic("s", exponential(1));
        Node u = b.stochastic("u", groups, normal(0, scale));
        b.observed("y", bernoulliLogit(a.plus(slope.times(covariate)).plus(u.at(group))), y);
        return b.build();
    }

    /** A point of the model's unconstrained space: discrete labels and counts in range, the rest at random. */
    static double[] point(CompiledModel compiled, SplittableRandom random) {
        double[] x = new double[compiled.dimension()];
        for (Node parameter : compiled.model().parameters()) {
            UnconstrainedBlock block = compiled.unconstrainedBlock(parameter);
            for (int i = 0; i < block.size(); i++) {
                x[block.offset() + i] = block.transform().isDiscrete() ? 1 + random.nextInt(2) : random.nextDouble(-1.5, 1.5);
            }
        }
        return x;
    }

    private static double tolerance(double reference) {
        return 1e-9 * (1 + Math.abs(reference));
    }

    @ParameterizedTest
    @ValueSource(strings = {"every-operation", "eight-schools", "shared-shape", "shared-shape-per-member",
        "normal-plates", "gather-uses", "multivariate", "mixture", "random-intercepts"})
    void theBlanketChangesAsTheLogDensityDoes(String name) {
        CompiledModel compiled = MODELS.get(name).get().compile();
        ModelEvaluator evaluator = compiled.newEvaluator();
        ModelEvaluator full = compiled.newEvaluator();
        SplittableRandom random = new SplittableRandom(name.hashCode());
        for (int round = 0; round < 3; round++) {
            double[] x = point(compiled, random);
            evaluator.logDensity(x);
            double before = full.logDensity(x);
            for (Node parameter : compiled.model().parameters()) {
                MarkovBlanket blanket = compiled.markovBlanket(List.of(parameter));
                UnconstrainedBlock block = compiled.unconstrainedBlock(parameter);
                double start = evaluator.blanketLogDensity(blanket, x);
                double[] moved = x.clone();
                for (int i = 0; i < block.size(); i++) {
                    moved[block.offset() + i] = block.transform().isDiscrete() ? 3 - x[block.offset() + i]
                            : x[block.offset() + i] + random.nextDouble(-0.5, 0.5);
                }
                double after = full.logDensity(moved);
                double change = evaluator.blanketLogDensity(blanket, moved) - start;
                assertEquals(after - before, change, tolerance(after), name + ": blanket of " + parameter.name());
                // Back where it was: the buffer is at x again for the next parameter.
                assertEquals(start, evaluator.blanketLogDensity(blanket, x), tolerance(start), name + ": back at x");
                if (!blanket.memberwise()) {
                    continue;
                }
                for (int m = 0; m < block.size(); m++) {
                    double[] one = x.clone();
                    int k = block.offset() + m;
                    one[k] = block.transform().isDiscrete() ? 3 - x[k] : x[k] + random.nextDouble(-0.5, 0.5);
                    double memberStart = evaluator.memberLogDensity(blanket, x, m);
                    double memberChange = evaluator.memberLogDensity(blanket, one, m) - memberStart;
                    double fullChange = full.logDensity(one) - before;
                    assertEquals(fullChange, memberChange, tolerance(before), name + ": " + parameter.name() + "[" + m + "]");
                    evaluator.memberLogDensity(blanket, x, m);
                }
                // The buffer is at x: the full log density from the evaluator's own buffer agrees.
                assertEquals(before, evaluator.logDensity(x), tolerance(before));
            }
        }
    }

    @Test
    void aBlanketOfSeveralNodesCoversTheirJointConditional() {
        CompiledModel compiled = CompiledModelTest.sharedShapePlates(false).compile();
        Model model = compiled.model();
        MarkovBlanket blanket = compiled.markovBlanket(List.of(model.requireNode("mean"),
                model.requireNode("concentration")));
        ModelEvaluator evaluator = compiled.newEvaluator();
        ModelEvaluator full = compiled.newEvaluator();
        SplittableRandom random = new SplittableRandom(3);
        double[] x = point(compiled, random);
        evaluator.logDensity(x);
        double start = evaluator.blanketLogDensity(blanket, x);
        double[] moved = x.clone();
        moved[compiled.unconstrainedBlock(model.requireNode("mean")).offset()] += 0.3;
        moved[compiled.unconstrainedBlock(model.requireNode("concentration")).offset()] -= 0.4;
        assertEquals(full.logDensity(moved) - full.logDensity(x), evaluator.blanketLogDensity(blanket, moved) - start,
                1e-9);
        assertFalse(blanket.memberwise());
    }

    @Test
    void saysWhichBlanketsGoMemberByMemberAndWhyOthersDoNot() {
        Model mixture = mixture(12);
        CompiledModel compiled = mixture.compile();
        assertTrue(compiled.markovBlanket(List.of(mixture.requireNode("z"))).memberwise(), "labels select members");
        assertNull(compiled.markovBlanket(List.of(mixture.requireNode("z"))).memberwiseReason());
        String means = compiled.markovBlanket(List.of(mixture.requireNode("mu"))).memberwiseReason();
        assertTrue(means.contains("selection"), means);
        String weights = compiled.markovBlanket(List.of(mixture.requireNode("w"))).memberwiseReason();
        assertTrue(weights.contains("not elementwise"), weights);
        Model intercepts = randomIntercepts(6, 4);
        assertTrue(intercepts.compile().markovBlanket(List.of(intercepts.requireNode("u"))).memberwise(),
                "a gather reaches a few observations per group");
        Model every = CompiledModelTest.everyOperation();
        String group = every.compile().markovBlanket(List.of(every.requireNode("g"))).memberwiseReason();
        assertTrue(group.contains("combines all of its members"), group);
        Model schools = CompiledModelTest.eightSchools();
        assertTrue(schools.compile().markovBlanket(List.of(schools.requireNode("z"))).memberwise());
    }

    @Test
    void aMembersBlanketCostsTheSameWhateverThePlatesSize() {
        long[] work = new long[2];
        int[] sizes = {100, 1000};
        for (int s = 0; s < 2; s++) {
            CompiledModel compiled = mixture(sizes[s]).compile();
            ModelEvaluator evaluator = compiled.newEvaluator();
            double[] x = point(compiled, new SplittableRandom(1));
            evaluator.logDensity(x);
            MarkovBlanket labels = compiled.markovBlanket(List.of(compiled.model().requireNode("z")));
            long before = evaluator.work();
            evaluator.memberLogDensity(labels, x, 7);
            work[s] = evaluator.work() - before;
        }
        assertEquals(work[0], work[1], "a label's terms: its own and its observation's");
        assertEquals(5, work[0], "transform, label density, the two selected members, observation density");
        CompiledModel compiled = CompiledModelTest.sharedShapePlates(false).compile();
        Model model = compiled.model();
        MarkovBlanket hyper = compiled.markovBlanket(List.of(model.requireNode("mean")));
        ModelEvaluator evaluator = compiled.newEvaluator();
        evaluator.logDensity(new double[compiled.dimension()]);
        // Its transform and density, the beta's two parameters (four scalar ops) and the theta plate (5):
        // not the binomial plate, nor the gamma and Poisson parts of the model.
        assertEquals(1 + 1 + 4 + 5, hyper.work(), "mean's blanket");
        assertTrue(hyper.work() < evaluator.work() / 2, hyper.work() + " of " + evaluator.work());
    }

    @Test
    void evaluationAllocatesNothing() {
        CompiledModel compiled = mixture(50).compile();
        ModelEvaluator evaluator = compiled.newEvaluator();
        double[] x = point(compiled, new SplittableRandom(9));
        evaluator.logDensity(x);
        MarkovBlanket labels = compiled.markovBlanket(List.of(compiled.model().requireNode("z")));
        MarkovBlanket means = compiled.markovBlanket(List.of(compiled.model().requireNode("mu")));
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        double sink = 0;
        for (int i = 0; i < 20_000; i++) {
            sink += evaluator.memberLogDensity(labels, x, i % 50) + evaluator.blanketLogDensity(means, x);
        }
        long before = threads.getThreadAllocatedBytes(id);
        for (int i = 0; i < 20_000; i++) {
            sink += evaluator.memberLogDensity(labels, x, i % 50) + evaluator.blanketLogDensity(means, x);
        }
        long allocated = threads.getThreadAllocatedBytes(id) - before;
        assertTrue(Double.isFinite(sink));
        assertTrue(allocated < 10_000, "40,000 evaluations allocated " + allocated + " bytes");
    }

    @Test
    void refusesNodesThatAreNotParametersAndBlanketsOfAnotherModel() {
        Model schools = CompiledModelTest.eightSchools();
        CompiledModel compiled = schools.compile();
        var notParameter = assertThrows(IllegalArgumentException.class,
                () -> compiled.markovBlanket(List.of(schools.requireNode("theta"))));
        assertTrue(notParameter.getMessage().contains("theta"), notParameter.getMessage());
        Model other = CompiledModelTest.eightSchools();
        MarkovBlanket foreign = other.compile().markovBlanket(List.of(other.requireNode("mu")));
        assertThrows(IllegalArgumentException.class,
                () -> compiled.newEvaluator().blanketLogDensity(foreign, new double[compiled.dimension()]));
        MarkovBlanket mu = compiled.markovBlanket(List.of(schools.requireNode("mu")));
        assertThrows(IllegalStateException.class, () -> compiled.newEvaluator().memberLogDensity(
                compiled.markovBlanket(List.of(schools.requireNode("tau"), schools.requireNode("mu"))),
                new double[compiled.dimension()], 0));
        assertFalse(mu.memberwise());
        assertTrue(mu.memberwiseReason().contains("one member"), mu.memberwiseReason());
    }
}
