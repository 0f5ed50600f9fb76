package org.muster.core.api.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.muster.core.api.Distributions.normal;
import static org.muster.core.api.Expressions.apply;

import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;
import org.muster.core.api.CompiledModel;
import org.muster.core.api.Model;
import org.muster.core.api.ModelBuilder;
import org.muster.core.api.ModelEvaluator;
import org.muster.core.api.Node;
import org.muster.core.api.distributions.NormalQuantile;

/**
 * The function catalogue: values against closed forms, and gradients through a compiled model (the
 * function's result scored by a normal) against finite differences.
 */
class FunctionsTest {

    private static final SplittableRandom RANDOM = new SplittableRandom(21);

    /** A model whose parameter x (size n) enters a normal likelihood through f(x), and its compiled form. */
    private static CompiledModel through(NodeFunction function, int n, double[]... extraData) {
        ModelBuilder b = Model.builder();
        Node x = b.stochastic("x", n, normal(0, 2));
        Node[] arguments = new Node[1 + extraData.length];
        arguments[0] = x;
        for (int i = 0; i < extraData.length; i++) {
            arguments[i + 1] = b.data("d" + i, extraData[i]);
        }
        Node y = apply(function, arguments);
        b.deterministic("y", y);
        double[] observed = RANDOM.doubles(y.size(), -1, 1).toArray();
        b.observed("z", normal(y.times(0.7), 1.3), observed);
        return b.build().compile();
    }

    private static void assertGradient(CompiledModel compiled, double low, double high) {
        ModelEvaluator evaluator = compiled.newEvaluator();
        double[] gradient = new double[compiled.dimension()];
        for (int trial = 0; trial < 30; trial++) {
            double[] x = RANDOM.doubles(compiled.dimension(), low, high).toArray();
            evaluator.logDensityGradient(x, gradient);
            for (int i = 0; i < x.length; i++) {
                double h = 1e-6 * Math.max(1, Math.abs(x[i]));
                double[] up = x.clone();
                double[] down = x.clone();
                up[i] += h;
                down[i] -= h;
                double fd = (evaluator.logDensity(up) - evaluator.logDensity(down)) / (2 * h);
                assertEquals(fd, gradient[i], 1e-5 * Math.max(1, Math.abs(fd)), "coordinate " + i);
            }
        }
    }

    private static double[] value(CompiledModel compiled, double[] x) {
        Map<String, double[]> values = compiled.constrain(x);
        return values.get("y");
    }

    @Test
    void elementwiseFunctionsMatchClosedFormsAndFiniteDifferences() {
        NormalDistribution standard = new NormalDistribution(null, 0, 1);
        for (double p : new double[] {1e-6, 0.001, 0.2, 0.5, 0.77, 0.999999}) {
            double q = NormalQuantile.quantile(p);
            assertEquals(standard.inverseCumulativeProbability(p), q, 1e-9 * Math.max(1, Math.abs(q)));
        }
        for (double p : new double[] {1e-300, 1e-20, 1e-6, 0.001, 0.2, 0.5, 0.77}) {
            assertEquals(p, NormalQuantile.cdf(NormalQuantile.quantile(p)), 1e-12 * p);
        }
        assertEquals(-9.262340089798408, NormalQuantile.quantile(1e-20), 1e-12);
        assertEquals(Math.log(standard.cumulativeProbability(-30)), NormalQuantile.logCdf(-30), 1e-6);
        assertEquals(Math.log(standard.cumulativeProbability(-5)), NormalQuantile.logCdf(-5), 1e-12);
        for (String name : new String[] {"abs", "phi", "sin", "cos", "arctan", "sinh", "tanh", "loggam", "icloglog"}) {
            NodeFunction f = Functions.elementwise(name).orElseThrow();
            assertGradient(through(f, 3), name.equals("loggam") ? 0.2 : -2, 2);
        }
        CompiledModel abs = through(Functions.elementwise("abs").orElseThrow(), 2);
        assertEquals(3.0, value(abs, new double[] {-3, 2})[0]);
        // Functions of the unit interval get their arguments from a logistic map of x.
        for (String name : new String[] {"logit", "probit", "cloglog"}) {
            NodeFunction f = Functions.elementwise(name).orElseThrow();
            ModelBuilder b = Model.builder();
            Node x = b.stochastic("x", 3, normal(0, 1));
            Node y = apply(f, org.muster.core.api.Expressions.invLogit(x));
            b.observed("z", normal(y, 1), new double[] {0.3, -0.2, 1});
            b.deterministic("y", y);
            CompiledModel compiled = b.build().compile();
            assertGradient(compiled, -3, 3);
            double[] at = value(compiled, new double[] {0.4, 0, -1});
            double u = 1 / (1 + Math.exp(1));
            double expected = switch (name) {
                case "logit" -> -1;
                case "probit" -> standard.inverseCumulativeProbability(u);
                default -> Math.log(-Math.log(1 - u));
            };
            assertEquals(expected, at[2], 1e-12);
        }
        assertEquals(1.0, value(through(Functions.elementwise("step").orElseThrow(), 1), new double[] {0})[0]);
        assertEquals(-2.0, value(through(Functions.elementwise("round").orElseThrow(), 1), new double[] {-2.4})[0]);
        assertEquals(-2.0, value(through(Functions.elementwise("trunc").orElseThrow(), 1), new double[] {-2.7})[0]);
    }

    @Test
    void comparisonsIfElseAndExtremesBroadcastScalars() {
        CompiledModel greater = through(Functions.test(">"), 3, new double[] {0});
        double[] y = value(greater, new double[] {-1, 0, 2});
        assertEquals(0.0, y[0]);
        assertEquals(0.0, y[1]);
        assertEquals(1.0, y[2]);
        assertThrows(IllegalArgumentException.class, () -> through(Functions.test(">"), 3, new double[] {0, 1}));
        ModelBuilder b = Model.builder();
        Node x = b.stochastic("x", 4, normal(0, 1));
        Node condition = b.data("c", new double[] {1, 0, 1, 0});
        Node y2 = apply(Functions.ifElse(), condition, x, x.times(-2));
        Node m = apply(Functions.extreme(true), y2, b.data("floor", 0.1));
        b.observed("z", normal(m, 1), new double[] {0.3, -0.2, 1, 0.5});
        b.deterministic("y", y2);
        CompiledModel compiled = b.build().compile();
        assertGradient(compiled, -2, 2);
        double[] value = value(compiled, new double[] {1, 1, 1, 1});
        assertEquals(-2.0, value[1]);
    }

    @Test
    void blockReductionsReduceEachBlock() {
        double[] x = {1, 2, 3, 4, 5, 6};
        assertEquals(6.0, value(through(Functions.reduction("sum", 3), 6), x)[0]);
        assertEquals(120.0, value(through(Functions.reduction("prod", 3), 6), x)[1]);
        assertEquals(5.0, value(through(Functions.reduction("mean", 3), 6), x)[1]);
        assertEquals(1.0, value(through(Functions.reduction("sd", 3), 6), x)[1], 1e-12);
        assertEquals(6.0, value(through(Functions.reduction("max", 3), 6), x)[1]);
        assertEquals(1.0, value(through(Functions.reduction("min", 6), 6), x)[0]);
        double[] weights = {1, 0, 2, -1, 1, 0};
        assertEquals(7.0, value(through(Functions.reduction("inprod", 3), 6, weights), x)[0]);
        for (String name : new String[] {"sum", "prod", "mean", "sd", "max", "min"}) {
            assertGradient(through(Functions.reduction(name, 3), 6), -2, 2);
        }
        assertGradient(through(Functions.reduction("inprod", 2), 6, weights), -2, 2);
        assertThrows(IllegalArgumentException.class, () -> through(Functions.reduction("sum", 4), 6));
    }

    @Test
    void orderingsSortRankAndOrderEachBlock() {
        double[] x = {3, 1, 2, 0.5, -1, 4};
        double[] sorted = value(through(Functions.ordering("sort", 3), 6), x);
        assertEquals(java.util.List.of(1.0, 2.0, 3.0, -1.0, 0.5, 4.0), java.util.Arrays.stream(sorted).boxed().toList());
        double[] ranks = value(through(Functions.ordering("rank", 3), 6), x);
        assertEquals(java.util.List.of(3.0, 1.0, 2.0, 2.0, 1.0, 3.0), java.util.Arrays.stream(ranks).boxed().toList());
        double[] order = value(through(Functions.ordering("order", 3), 6), x);
        assertEquals(java.util.List.of(2.0, 3.0, 1.0, 2.0, 1.0, 3.0), java.util.Arrays.stream(order).boxed().toList());
        assertGradient(through(Functions.ordering("sort", 3), 6), -2, 2);
    }

    private static RealMatrix matrix(double[] rowMajor, int rows, int columns) {
        double[][] m = new double[rows][columns];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(rowMajor, i * columns, m[i], 0, columns);
        }
        return MatrixUtils.createRealMatrix(m);
    }

    @Test
    void matrixFunctionsMatchCommonsMathAndFiniteDifferences() {
        double[] a = {4, 1, 0.5, 1, 3, 0.2, 0.5, 0.2, 2};
        double[] inverse = value(through(Functions.inverse(3), 9), a);
        RealMatrix expected = MatrixUtils.inverse(matrix(a, 3, 3));
        for (int i = 0; i < 9; i++) {
            assertEquals(expected.getEntry(i / 3, i % 3), inverse[i], 1e-12);
        }
        double logDeterminant = value(through(Functions.logDeterminant(3), 9), a)[0];
        assertEquals(Math.log(new LUDecomposition(matrix(a, 3, 3)).getDeterminant()), logDeterminant, 1e-12);
        double[] b = {1, 2, 3, 4, 5, 6};
        double[] product = value(through(Functions.matrixProduct(2, 3, 2), 6, b), new double[] {1, 0, 2, -1, 3, 1});
        RealMatrix p = matrix(new double[] {1, 0, 2, -1, 3, 1}, 2, 3).multiply(matrix(b, 3, 2));
        for (int i = 0; i < 4; i++) {
            assertEquals(p.getEntry(i / 2, i % 2), product[i], 1e-12);
        }
        double[] transposed = value(through(Functions.transpose(2, 3), 6), b);
        assertEquals(4.0, transposed[1]);
        // Diagonally dominant blocks, so the random points stay regular.
        ModelBuilder builder = Model.builder();
        Node x = builder.stochastic("x", 9, normal(0, 0.3));
        Node m = x.plus(builder.data("identity3", new double[] {3, 0, 0, 0, 3, 0, 0, 0, 3}));
        Node inv = apply(Functions.inverse(3), m);
        Node det = apply(Functions.logDeterminant(3), m);
        builder.observed("z", normal(inv, 1), RANDOM.doubles(9, -1, 1).toArray());
        builder.observed("w", normal(det, 1), 0.4);
        assertGradient(builder.build().compile(), -1, 1);
        assertGradient(through(Functions.matrixProduct(2, 3, 2), 6, b), -2, 2);
        assertGradient(through(Functions.transpose(2, 3), 6), -2, 2);
    }

    @Test
    void gatherPicksMembersFromSeveralNodes() {
        ModelBuilder b = Model.builder();
        Node first = b.stochastic("first", normal(0, 1));
        Node rest = b.stochastic("rest", 3, normal(0, 1));
        Node all = apply(Functions.gather(new int[] {0, 1, 1, 1, 0}, new int[] {0, 0, 1, 2, 0}, new int[] {5}), first,
                rest);
        b.deterministic("y", all);
        b.observed("z", normal(all, 1), new double[] {1, 2, 3, 4, 5});
        CompiledModel compiled = b.build().compile();
        assertGradient(compiled, -2, 2);
        double[] y = value(compiled, new double[] {9, 1, 2, 3});
        assertEquals(java.util.List.of(9.0, 1.0, 2.0, 3.0, 9.0), java.util.Arrays.stream(y).boxed().toList());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> apply(Functions.gather(new int[] {1},
                new int[] {3}, new int[0]), first, rest)).getMessage().contains("which has 3"));
    }
}
