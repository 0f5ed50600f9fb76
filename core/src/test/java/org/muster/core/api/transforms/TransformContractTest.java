package org.muster.core.api.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One suite every {@link Transform} runs: round trip, log-Jacobian against a finite-difference
 * Jacobian, reverse mode against finite differences, membership of the constrained set, and clear
 * rejection of values outside it. Blocks sit at non-zero offsets inside larger arrays so offset
 * mistakes show up.
 */
class TransformContractTest {

    private static final int POINTS = 120;
    private static final int PAD = 3;
    private static final double STEP = 1e-5;

    /** A way to spoil a valid constrained value, and a fragment the message must contain. */
    record Invalid(String description, UnaryOperator<double[]> spoil, String messageFragment) {
        @Override
        public String toString() {
            return description;
        }
    }

    /** One transform at one size; {@code scale} is the spread of the random unconstrained points. */
    record Case(Transform transform, int size, double scale, List<Invalid> invalids) {
        @Override
        public String toString() {
            return transform.name() + " size " + size;
        }
    }

    static Stream<Arguments> cases() {
        List<Case> cases = new ArrayList<>();
        cases.add(new Case(Transforms.identity(), 4, 3.0, List.of(
                new Invalid("NaN", y -> set(y, 2, Double.NaN), "entry 2 = NaN"))));
        for (double bound : new double[] {0.0, -2.5, 10.0}) {
            cases.add(new Case(Transforms.lower(bound), 5, 2.0, List.of(
                    new Invalid("below", y -> set(y, 3, bound - 0.5), "entry 3 = "
                            + TransformMath.format(bound - 0.5) + " is not above the lower bound "
                            + TransformMath.format(bound)),
                    new Invalid("at bound", y -> set(y, 0, bound), "entry 0"))));
            cases.add(new Case(Transforms.upper(bound), 3, 2.0, List.of(
                    new Invalid("above", y -> set(y, 1, bound + 0.5), "is not below the upper bound "
                            + TransformMath.format(bound)))));
        }
        cases.add(new Case(Transforms.lower(0), 1, 2.0, List.of()));
        cases.add(new Case(Transforms.interval(0, 1), 4, 3.0, List.of(
                new Invalid("above", y -> set(y, 2, 1.5), "entry 2 = 1.5 is not inside the interval (0, 1)"),
                new Invalid("at lower", y -> set(y, 0, 0.0), "entry 0 = 0"))));
        cases.add(new Case(Transforms.interval(-3, 7.5), 6, 3.0, List.of(
                new Invalid("below", y -> set(y, 5, -4), "entry 5 = -4 is not inside the interval (-3, 7.5)"))));
        for (int k = 1; k <= 6; k++) {
            List<Invalid> invalids = new ArrayList<>();
            invalids.add(new Invalid("sum", y -> scale(y, 1.01), "not 1 within"));
            if (k >= 2) {
                invalids.add(new Invalid("negative", y -> {
                    double[] spoilt = y.clone();
                    spoilt[PAD + 1] = -0.5;
                    spoilt[PAD] += y[PAD + 1] + 0.5;
                    return spoilt;
                }, "entry 1 = -0.5 is not above the lower bound 0"));
            }
            cases.add(new Case(Transforms.simplex(), k, 1.5, invalids));
        }
        for (int k = 1; k <= 5; k++) {
            int order = k;
            List<Invalid> invalids = new ArrayList<>();
            invalids.add(new Invalid("row norm", y -> scale(y, 1.1), "row 0 has squared norm"));
            if (order >= 2) {
                invalids.add(new Invalid("negative diagonal", y -> {
                    double[] spoilt = y.clone();
                    int diagonal = PAD + (order - 1) * order + order - 1;
                    spoilt[diagonal] = -spoilt[diagonal];
                    return spoilt;
                }, "entry " + ((order - 1) * order + order - 1) + " (row " + (order - 1) + ", column "
                        + (order - 1) + ")"));
                invalids.add(new Invalid("upper triangle", y -> set(y, 1, 0.25),
                        "entry 1 (row 0, column 1) = 0.25 is above the diagonal"));
            }
            cases.add(new Case(Transforms.choleskyCorrelation(), order * order, 1.2, invalids));
        }
        return cases.stream().map(Arguments::of);
    }

    private static double[] set(double[] padded, int index, double value) {
        double[] copy = padded.clone();
        copy[PAD + index] = value;
        return copy;
    }

    private static double[] scale(double[] padded, double factor) {
        double[] copy = padded.clone();
        for (int i = 0; i < copy.length; i++) {
            copy[i] *= factor;
        }
        return copy;
    }

    private static double[] randomPoint(SplittableRandom random, int n, double scale) {
        double[] x = new double[n + 2 * PAD];
        for (int i = 0; i < x.length; i++) {
            x[i] = (i >= PAD && i < PAD + n) ? scale * (2 * random.nextDouble() - 1) : Double.NaN;
        }
        return x;
    }

    private static double[] constrained(Case c, double[] x) {
        double[] y = new double[c.size() + 2 * PAD];
        c.transform().constrain(x, PAD, y, PAD, c.size());
        return y;
    }

    private static double logJacobian(Case c, double[] x) {
        return c.transform().constrain(x, PAD, new double[c.size() + 2 * PAD], PAD, c.size());
    }

    /** The coordinates of y the Jacobian is taken onto: all, the first K-1, or the strict lower triangle. */
    private static double[] chart(Transform transform, double[] y, int size) {
        if (transform instanceof Simplex) {
            double[] head = new double[size - 1];
            System.arraycopy(y, PAD, head, 0, size - 1);
            return head;
        }
        if (transform instanceof CholeskyCorrelation) {
            int order = CholeskyCorrelation.order(size);
            double[] lower = new double[order * (order - 1) / 2];
            int n = 0;
            for (int i = 0; i < order; i++) {
                for (int j = 0; j < i; j++) {
                    lower[n++] = y[PAD + i * order + j];
                }
            }
            return lower;
        }
        double[] all = new double[size];
        System.arraycopy(y, PAD, all, 0, size);
        return all;
    }

    private static void assertClose(double expected, double actual, double tolerance, String what) {
        double scale = Math.max(1.0, Math.max(Math.abs(expected), Math.abs(actual)));
        assertTrue(Math.abs(expected - actual) <= tolerance * scale,
                () -> what + ": expected " + expected + " but was " + actual);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void roundTripRecoversTheUnconstrainedPoint(Case c) {
        SplittableRandom random = new SplittableRandom(11);
        int n = c.transform().freeSize(c.size());
        for (int point = 0; point < POINTS; point++) {
            double[] x = randomPoint(random, n, c.scale());
            double[] y = constrained(c, x);
            double[] back = new double[n + 2 * PAD];
            c.transform().unconstrain(y, PAD, back, PAD, c.size());
            for (int i = 0; i < n; i++) {
                assertClose(x[PAD + i], back[PAD + i], 1e-8, c + " coordinate " + i);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void logJacobianMatchesFiniteDifferenceDeterminant(Case c) {
        SplittableRandom random = new SplittableRandom(12);
        int n = c.transform().freeSize(c.size());
        for (int point = 0; point < POINTS; point++) {
            double[] x = randomPoint(random, n, c.scale());
            double logJacobian = logJacobian(c, x);
            if (n == 0) {
                assertEquals(0.0, logJacobian, 0.0, c.toString());
                continue;
            }
            double[][] jacobian = new double[n][n];
            for (int col = 0; col < n; col++) {
                double[] plus = x.clone();
                double[] minus = x.clone();
                plus[PAD + col] += STEP;
                minus[PAD + col] -= STEP;
                double[] up = chart(c.transform(), constrained(c, plus), c.size());
                double[] down = chart(c.transform(), constrained(c, minus), c.size());
                for (int row = 0; row < n; row++) {
                    jacobian[row][col] = (up[row] - down[row]) / (2 * STEP);
                }
            }
            double determinant = new LUDecomposition(new Array2DRowRealMatrix(jacobian, false))
                    .getDeterminant();
            assertClose(Math.log(Math.abs(determinant)), logJacobian, 1e-6, c + " log|J|");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void backwardMatchesFiniteDifferences(Case c) {
        SplittableRandom random = new SplittableRandom(13);
        int n = c.transform().freeSize(c.size());
        for (int point = 0; point < POINTS; point++) {
            double[] x = randomPoint(random, n, c.scale());
            double[] y = constrained(c, x);
            double[] weights = new double[c.size() + 2 * PAD];
            for (int i = 0; i < c.size(); i++) {
                weights[PAD + i] = random.nextDouble() * 4 - 2;
            }
            double jacobianWeight = point % 2;
            double[] adjoint = new double[n + 2 * PAD];
            double preset = 0.75;
            java.util.Arrays.fill(adjoint, preset);
            c.transform().backward(x, PAD, y, PAD, weights, PAD, adjoint, PAD, c.size(), jacobianWeight);
            for (int i = 0; i < PAD; i++) {
                assertEquals(preset, adjoint[i], 0.0, "padding before the block touched");
                assertEquals(preset, adjoint[PAD + n + i], 0.0, "padding after the block touched");
            }
            for (int col = 0; col < n; col++) {
                double[] plus = x.clone();
                double[] minus = x.clone();
                plus[PAD + col] += STEP;
                minus[PAD + col] -= STEP;
                double difference = (objective(c, plus, weights, jacobianWeight)
                        - objective(c, minus, weights, jacobianWeight)) / (2 * STEP);
                assertClose(difference, adjoint[PAD + col] - preset, 1e-6, c + " d/dx" + col);
            }
        }
    }

    private static double objective(Case c, double[] x, double[] weights, double jacobianWeight) {
        double[] y = new double[c.size() + 2 * PAD];
        double logJacobian = c.transform().constrain(x, PAD, y, PAD, c.size());
        double sum = jacobianWeight * logJacobian;
        for (int i = 0; i < c.size(); i++) {
            sum += weights[PAD + i] * y[PAD + i];
        }
        return sum;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void constrainedValuesLieInTheSet(Case c) {
        SplittableRandom random = new SplittableRandom(14);
        int n = c.transform().freeSize(c.size());
        for (int point = 0; point < POINTS; point++) {
            double[] x = randomPoint(random, n, 4 * c.scale());
            double[] y = constrained(c, x);
            for (int i = 0; i < PAD; i++) {
                assertEquals(0.0, y[i], 0.0, "padding written");
                assertEquals(0.0, y[PAD + c.size() + i], 0.0, "padding written");
            }
            assertInSet(c, y);
        }
    }

    private static void assertInSet(Case c, double[] y) {
        Transform t = c.transform();
        int size = c.size();
        for (int i = 0; i < size; i++) {
            double v = y[PAD + i];
            assertTrue(Double.isFinite(v), () -> c + " entry not finite");
            if (t instanceof LowerBound lower) {
                assertTrue(v > lower.lowerBound(), c + " entry " + i + " = " + v);
            } else if (t instanceof UpperBound upper) {
                assertTrue(v < upper.upperBound(), c + " entry " + i + " = " + v);
            } else if (t instanceof Interval interval) {
                assertTrue(v > interval.lower() && v < interval.upper(), c + " entry " + i + " = " + v);
            } else if (t instanceof Simplex) {
                assertTrue(v > 0, c + " entry " + i + " = " + v);
            }
        }
        if (t instanceof Simplex) {
            double sum = 0;
            for (int i = 0; i < size; i++) {
                sum += y[PAD + i];
            }
            assertEquals(1.0, sum, 1e-13 * size, c + " sum");
        }
        if (t instanceof CholeskyCorrelation) {
            int order = CholeskyCorrelation.order(size);
            for (int i = 0; i < order; i++) {
                double norm = 0;
                for (int j = 0; j < order; j++) {
                    double v = y[PAD + i * order + j];
                    if (j > i) {
                        assertEquals(0.0, v, 0.0, c + " upper triangle");
                    } else {
                        norm += v * v;
                    }
                }
                assertEquals(1.0, norm, 1e-13, c + " row " + i + " norm");
                assertTrue(y[PAD + i * order + i] > 0, c + " diagonal " + i);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void unconstrainRejectsValuesOutsideTheSet(Case c) {
        SplittableRandom random = new SplittableRandom(15);
        int n = c.transform().freeSize(c.size());
        double[] y = constrained(c, randomPoint(random, n, c.scale()));
        for (Invalid invalid : c.invalids()) {
            double[] spoilt = invalid.spoil().apply(y);
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> c.transform().unconstrain(spoilt, PAD, new double[n + 2 * PAD], PAD, c.size()),
                    c + " " + invalid);
            assertTrue(error.getMessage().contains(invalid.messageFragment()),
                    () -> c + " " + invalid + ": message was \"" + error.getMessage() + "\"");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void extremeInputsKeepLogJacobianAndGradientFinite(Case c) {
        int n = c.transform().freeSize(c.size());
        for (double magnitude : new double[] {-700, -300, -40, 40, 300, 700}) {
            double[] x = new double[n + 2 * PAD];
            for (int i = 0; i < n; i++) {
                x[PAD + i] = (i % 2 == 0 ? 1 : -1) * magnitude;
            }
            double[] y = new double[c.size() + 2 * PAD];
            double logJacobian = c.transform().constrain(x, PAD, y, PAD, c.size());
            assertTrue(Double.isFinite(logJacobian), () -> c + " log|J| at " + magnitude);
            for (int i = 0; i < c.size(); i++) {
                assertTrue(Double.isFinite(y[PAD + i]), c + " y at " + magnitude);
            }
            double[] weights = new double[c.size() + 2 * PAD];
            java.util.Arrays.fill(weights, 1.0);
            double[] adjoint = new double[n + 2 * PAD];
            c.transform().backward(x, PAD, y, PAD, weights, PAD, adjoint, PAD, c.size(), 1.0);
            for (int i = 0; i < n; i++) {
                assertTrue(Double.isFinite(adjoint[PAD + i]), c + " gradient at " + magnitude);
            }
        }
    }
}
