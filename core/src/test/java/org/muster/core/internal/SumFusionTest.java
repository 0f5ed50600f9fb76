package org.muster.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.muster.core.api.distributions.BernoulliLogit;
import org.muster.core.api.distributions.Normal;

/**
 * Sums of several operands compiled into one {@link SumOp} against the same graph with every inner
 * node also read by an IDENTITY node (a second use, so nothing is fused): log density, gradient and
 * the values of what both keep, at random points; and which nodes the compiler folds in.
 */
class SumFusionTest {

    private static final int GROUPS = 6;
    private static final int SIZE = 40;

    /** A small graph builder over node specs; {@code keep} adds an IDENTITY reader to each inner node. */
    private static final class Graph {
        final List<NodeSpec> nodes = new ArrayList<>();
        final boolean keep;
        final int zero;
        final int one;

        Graph(boolean keep) {
            this.keep = keep;
            zero = data(new double[] {0});
            one = data(new double[] {1});
        }

        int add(NodeSpec.Kind kind, int size, NodeSpec.OpCode op, Object distribution, int[] inputs, double[] values,
                int[] index, boolean dataOnly) {
            int id = nodes.size();
            nodes.add(new NodeSpec(id, "n" + id, kind, size, 1, op,
                    (org.muster.core.api.distributions.DistributionKernel) distribution, inputs, values, index, dataOnly));
            return id;
        }

        int data(double[] values) {
            return add(NodeSpec.Kind.DATA, values.length, null, null, new int[0], values, null, true);
        }

        int parameter(int size) {
            return add(NodeSpec.Kind.PARAMETER, size, null, Normal.INSTANCE, new int[] {zero, one}, null, null, false);
        }

        int op(NodeSpec.OpCode op, int a, int b) {
            int size = Math.max(nodes.get(a).size(), nodes.get(b).size());
            boolean dataOnly = nodes.get(a).dataOnly() && nodes.get(b).dataOnly();
            int id = add(NodeSpec.Kind.DETERMINISTIC, size, op, null, new int[] {a, b}, null, null, dataOnly);
            if (keep) {
                add(NodeSpec.Kind.DETERMINISTIC, size, NodeSpec.OpCode.IDENTITY, null, new int[] {id}, null, null,
                        dataOnly);
            }
            return id;
        }

        int gather(int source, int[] index) {
            int id = add(NodeSpec.Kind.DETERMINISTIC, index.length, NodeSpec.OpCode.GATHER, null, new int[] {source}, null,
                    index, nodes.get(source).dataOnly());
            if (keep) {
                add(NodeSpec.Kind.DETERMINISTIC, index.length, NodeSpec.OpCode.IDENTITY, null, new int[] {id}, null, null,
                        false);
            }
            return id;
        }

        void normal(double[] y, int mean) {
            add(NodeSpec.Kind.OBSERVED, y.length, null, Normal.INSTANCE, new int[] {mean, one}, y, null, false);
        }

        void bernoulli(double[] y, int eta) {
            add(NodeSpec.Kind.OBSERVED, y.length, null, BernoulliLogit.INSTANCE, new int[] {eta}, y, null, false);
        }
    }

    /**
     * eta = alpha + beta * x - a.at(g) + b.at(g) * z + c.at(h) * x + offset + w (w a parameter vector),
     * y ~ normal(eta, 1) and y2 ~ bernoulli_logit(eta2) with eta2 = alpha - w + a.at(g): every kind of operand,
     * two gathers through one index, a third through another, differences, and a sorted or shuffled index.
     */
    private static Graph linearPredictor(boolean keep, boolean sorted) {
        SplittableRandom random = new SplittableRandom(sorted ? 1 : 2);
        int[] g = random.ints(SIZE, 0, GROUPS).toArray();
        if (sorted) {
            Arrays.sort(g);
        }
        int[] h = random.ints(SIZE, 0, 3).toArray();
        Graph graph = new Graph(keep);
        int x = graph.data(random.doubles(SIZE, -2, 2).toArray());
        int z = graph.data(random.doubles(SIZE, -2, 2).toArray());
        int offset = graph.data(random.doubles(SIZE, -1, 1).toArray());
        int alpha = graph.parameter(1);
        int beta = graph.parameter(1);
        int a = graph.parameter(GROUPS);
        int b = graph.parameter(GROUPS);
        int c = graph.parameter(3);
        int w = graph.parameter(SIZE);
        int eta = graph.op(NodeSpec.OpCode.ADD, alpha, graph.op(NodeSpec.OpCode.MULTIPLY, beta, x));
        eta = graph.op(NodeSpec.OpCode.SUBTRACT, eta, graph.gather(a, g));
        eta = graph.op(NodeSpec.OpCode.ADD, eta, graph.op(NodeSpec.OpCode.MULTIPLY, graph.gather(b, g), z));
        eta = graph.op(NodeSpec.OpCode.ADD, graph.op(NodeSpec.OpCode.MULTIPLY, x, graph.gather(c, h)), eta);
        eta = graph.op(NodeSpec.OpCode.ADD, eta, offset);
        eta = graph.op(NodeSpec.OpCode.ADD, eta, w);
        graph.normal(random.doubles(SIZE, -3, 3).toArray(), eta);
        int eta2 = graph.op(NodeSpec.OpCode.SUBTRACT, alpha, w);
        eta2 = graph.op(NodeSpec.OpCode.ADD, eta2, graph.gather(a, g));
        graph.bernoulli(random.ints(SIZE, 0, 2).asDoubleStream().toArray(), eta2);
        return graph;
    }

    @Test
    void fusedSumMatchesUnfusedGraphWithSortedIndex() {
        compare(keep -> linearPredictor(keep, true), 2);
    }

    @Test
    void fusedSumMatchesUnfusedGraphWithShuffledIndex() {
        compare(keep -> linearPredictor(keep, false), 2);
    }

    @Test
    void gathersThroughOneIndexShareOnePass() {
        Program program = Compiler.compile(linearPredictor(false, true).nodes);
        List<SumOp> sums = program.ops().stream().filter(SumOp.class::isInstance).map(SumOp.class::cast).toList();
        assertEquals(2, sums.size(), "both predictors are fused: " + program.ops());
        long binary = program.ops().stream().filter(op -> op instanceof BinaryOp || op instanceof GatherBinaryOp
                || op instanceof GatherOp).count();
        assertEquals(0, binary, "no op is left for a part of either sum");
        Program unfused = Compiler.compile(linearPredictor(true, true).nodes);
        assertTrue(unfused.ops().stream().noneMatch(SumOp.class::isInstance), "a node with a second use is not folded in");
    }

    @Test
    void twoOperandSumsAreLeftToTheBinaryOps() {
        Graph graph = new Graph(false);
        int mu = graph.parameter(1);
        int theta = graph.parameter(GROUPS);
        int sum = graph.op(NodeSpec.OpCode.ADD, mu, graph.gather(theta, new int[] {0, 1, 2, 3, 4, 5, 0, 1}));
        graph.normal(new double[8], sum);
        Program program = Compiler.compile(graph.nodes);
        assertTrue(program.ops().stream().anyMatch(GatherBinaryOp.class::isInstance), program.ops().toString());
        assertTrue(program.ops().stream().noneMatch(SumOp.class::isInstance), program.ops().toString());
    }

    /** The radon model's mean, alpha.at(county) + beta.at(county) * floor. */
    private static Graph twoGathers(boolean keep) {
        {
            Graph graph = new Graph(keep);
            int[] g = {0, 0, 1, 1, 1, 2, 3, 4, 5, 5};
            int x = graph.data(new SplittableRandom(3).doubles(g.length, -2, 2).toArray());
            int a = graph.parameter(GROUPS);
            int b = graph.parameter(GROUPS);
            int mean = graph.op(NodeSpec.OpCode.ADD, graph.gather(a, g),
                    graph.op(NodeSpec.OpCode.MULTIPLY, graph.gather(b, g), x));
            graph.normal(new SplittableRandom(4).doubles(g.length, -2, 2).toArray(), mean);
            return graph;
        }
    }

    @Test
    void twoGathersThroughOneIndexAreFusedEvenAsTwoOperands() {
        compare(SumFusionTest::twoGathers, 1);
        List<Op> ops = Compiler.compile(twoGathers(false).nodes).ops();
        assertEquals(1, ops.stream().filter(SumOp.class::isInstance).count(), ops.toString());
        assertTrue(ops.stream().noneMatch(op -> op instanceof GatherBinaryOp || op instanceof GatherOp), ops.toString());
    }

    /** Log density and gradient of the fused and unfused programs at random points, and finite differences. */
    private static void compare(Function<Boolean, Graph> graph, int trials) {
        Program fused = Compiler.compile(graph.apply(false).nodes);
        Program unfused = Compiler.compile(graph.apply(true).nodes);
        assertEquals(unfused.dimension(), fused.dimension());
        int n = fused.dimension();
        SplittableRandom random = new SplittableRandom(7);
        for (int t = 0; t < trials * 10; t++) {
            double[] x = random.doubles(n, -1.5, 1.5).toArray();
            double[] expectedGradient = new double[n];
            double[] gradient = new double[n];
            double[] unfusedValues = unfused.newValueBuffer();
            double[] values = fused.newValueBuffer();
            double expected = unfused.logDensityGradient(x, expectedGradient, unfusedValues,
                    new double[unfusedValues.length], new double[4]);
            double actual = fused.logDensityGradient(x, gradient, values, new double[values.length], new double[4]);
            assertEquals(expected, actual, 1e-12 * Math.abs(expected), "log density, trial " + t);
            for (int i = 0; i < n; i++) {
                assertEquals(expectedGradient[i], gradient[i], 1e-11 * Math.max(1, Math.abs(expectedGradient[i])),
                        "gradient " + i + ", trial " + t);
            }
            if (t == 0) {
                for (int i = 0; i < n; i++) {
                    double h = 1e-5;
                    double[] up = x.clone();
                    double[] down = x.clone();
                    up[i] += h;
                    down[i] -= h;
                    double difference = (fused.logDensity(up, fused.newValueBuffer())
                            - fused.logDensity(down, fused.newValueBuffer())) / (2 * h);
                    assertEquals(difference, gradient[i], 1e-5 * Math.max(1, Math.abs(difference)), "coordinate " + i);
                }
            }
        }
    }
}
