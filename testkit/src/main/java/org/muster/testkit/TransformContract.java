package org.muster.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.muster.core.api.transforms.Transform;

/**
 * The contract every {@link Transform} meets: round trip, log-Jacobian against a finite-difference
 * Jacobian, reverse mode against finite differences, membership of the constrained set, clear rejection
 * of values outside it (the message naming the entry), and finite results at extreme inputs. Blocks sit
 * at non-zero offsets inside larger arrays so offset mistakes show up. A subclass lists its transforms
 * at some sizes ({@link #cases()}); for a transform onto a manifold of lower dimension than its
 * constrained block, it says which coordinates chart it ({@link #chart}), and it may check membership of
 * its set more closely ({@link #assertInSet}). The built-in transforms run it in this module's tests
 * ({@code BuiltInTransformsContractTest}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class TransformContract {

    private static final int POINTS = 120;
    /** Entries before and after each block in the arrays the suite passes, filled with NaN or 0. */
    protected static final int PAD = 3;
    private static final double STEP = 1e-5;

    /**
     * A way to spoil a valid constrained value, and a fragment the message must contain.
     *
     * @param spoil from the padded constrained array (not modified) to a spoilt copy
     */
    public record Invalid(String description, UnaryOperator<double[]> spoil, String messageFragment) {
        @Override
        public String toString() {
            return description;
        }
    }

    /** One transform at one size; {@code scale} is the spread of the random unconstrained points. */
    public record Case(Transform transform, int size, double scale, List<Invalid> invalids) {
        @Override
        public String toString() {
            return transform.name() + " size " + size;
        }
    }

    /** The transforms under test, each at one size with its invalid values. */
    protected abstract Stream<Case> cases();

    /**
     * The coordinates of the constrained block {@code y} (padded by {@link #PAD}) that the Jacobian is
     * taken onto, as many as the free size: by default the first {@code freeSize(size)} entries (all of
     * them for an elementwise transform). Override for a transform whose set is charted otherwise.
     */
    protected double[] chart(Transform transform, double[] y, int size) {
        int n = transform.freeSize(size);
        double[] head = new double[n];
        System.arraycopy(y, PAD, head, 0, n);
        return head;
    }

    /**
     * Asserts that the constrained block {@code y} (padded by {@link #PAD}) lies in the transform's set:
     * by default that its entries are finite and that {@code unconstrain} accepts it. Override to check
     * the set itself.
     */
    protected void assertInSet(Case c, double[] y) {
        for (int i = 0; i < c.size(); i++) {
            double v = y[PAD + i];
            assertTrue(Double.isFinite(v), () -> c + " entry not finite");
        }
        int n = c.transform().freeSize(c.size());
        c.transform().unconstrain(y, PAD, new double[n + 2 * PAD], PAD, c.size());
    }

    /** A copy of the padded array with block entry {@code index} set to {@code value}, for an {@link Invalid}. */
    protected static double[] set(double[] padded, int index, double value) {
        double[] copy = padded.clone();
        copy[PAD + index] = value;
        return copy;
    }

    /** A copy of the padded array with every entry multiplied by {@code factor}, for an {@link Invalid}. */
    protected static double[] scale(double[] padded, double factor) {
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

    private static void assertClose(double expected, double actual, double tolerance, String what) {
        double scale = Math.max(1.0, Math.max(Math.abs(expected), Math.abs(actual)));
        assertTrue(Math.abs(expected - actual) <= tolerance * scale,
                () -> what + ": expected " + expected + " but was " + actual);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    public void roundTripRecoversTheUnconstrainedPoint(Case c) {
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
    public void logJacobianMatchesFiniteDifferenceDeterminant(Case c) {
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
    public void backwardMatchesFiniteDifferences(Case c) {
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
    public void constrainedValuesLieInTheSet(Case c) {
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

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    public void unconstrainRejectsValuesOutsideTheSet(Case c) {
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
    public void extremeInputsKeepLogJacobianAndGradientFinite(Case c) {
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
