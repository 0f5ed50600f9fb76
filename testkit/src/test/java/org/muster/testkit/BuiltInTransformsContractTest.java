package org.muster.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.muster.core.api.transforms.CholeskyCorrelation;
import org.muster.core.api.transforms.HalfLine;
import org.muster.core.api.transforms.Interval;
import org.muster.core.api.transforms.Simplex;
import org.muster.core.api.transforms.Transform;
import org.muster.core.api.transforms.Transforms;

/**
 * The transform contract on every built-in transform at several sizes and bounds, with the messages
 * their rejections give, the charts of the simplex and the Cholesky factor of a correlation matrix, and
 * each set's own membership checks. (Here rather than in core's tests: core cannot depend on the
 * testkit, which depends on core.)
 */
class BuiltInTransformsContractTest extends TransformContract {

    /** Integers without a trailing {@code .0}, as the transforms' messages write numbers. */
    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }

    /** The order K of a K × K block. */
    private static int order(int size) {
        return (int) Math.round(Math.sqrt(size));
    }

    @Override
    protected Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        cases.add(new Case(Transforms.identity(), 4, 3.0, List.of(
                new Invalid("NaN", y -> set(y, 2, Double.NaN), "entry 2 = NaN"))));
        for (double bound : new double[] {0.0, -2.5, 10.0}) {
            cases.add(new Case(Transforms.lower(bound), 5, 2.0, List.of(
                    new Invalid("below", y -> set(y, 3, bound - 0.5), "entry 3 = "
                            + format(bound - 0.5) + " is not above the lower bound "
                            + format(bound)),
                    new Invalid("at bound", y -> set(y, 0, bound), "entry 0"))));
            cases.add(new Case(Transforms.upper(bound), 3, 2.0, List.of(
                    new Invalid("above", y -> set(y, 1, bound + 0.5), "is not below the upper bound "
                            + format(bound)))));
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
        return cases.stream();
    }


    /** The coordinates of y the Jacobian is taken onto: all, the first K-1, or the strict lower triangle. */
    @Override
    protected double[] chart(Transform transform, double[] y, int size) {
        if (transform instanceof Simplex) {
            double[] head = new double[size - 1];
            System.arraycopy(y, PAD, head, 0, size - 1);
            return head;
        }
        if (transform instanceof CholeskyCorrelation) {
            int order = order(size);
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

    @Override
    protected void assertInSet(Case c, double[] y) {
        Transform t = c.transform();
        int size = c.size();
        for (int i = 0; i < size; i++) {
            double v = y[PAD + i];
            assertTrue(Double.isFinite(v), () -> c + " entry not finite");
            if (t instanceof HalfLine bound && bound.isLowerBound()) {
                assertTrue(v > bound.bound(), c + " entry " + i + " = " + v);
            } else if (t instanceof HalfLine bound) {
                assertTrue(v < bound.bound(), c + " entry " + i + " = " + v);
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
            int order = order(size);
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
}
