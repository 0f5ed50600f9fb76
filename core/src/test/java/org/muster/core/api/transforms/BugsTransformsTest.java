package org.muster.core.api.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.junit.jupiter.api.Test;

/**
 * The transforms BUGS models need: covariance matrices (a Wishart's draws) and bounds per member
 * (censoring). Round trips, the log-Jacobian against the log determinant of a finite-difference
 * Jacobian, the reverse step against finite differences.
 */
class BugsTransformsTest {

    private static final SplittableRandom RANDOM = new SplittableRandom(12);
    private static final double STEP = 1e-6;

    /** The coordinates of y that the Jacobian maps onto: for a covariance matrix its lower triangle. */
    private static double[] chart(Transform transform, double[] y) {
        if (!(transform instanceof CovarianceMatrix)) {
            return y.clone();
        }
        int k = CovarianceMatrix.side(y.length);
        double[] lower = new double[k * (k + 1) / 2];
        int n = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j <= i; j++) {
                lower[n++] = y[i * k + j];
            }
        }
        return lower;
    }

    private static void check(Transform transform, int size, double radius) {
        int free = transform.freeSize(size);
        for (int trial = 0; trial < 50; trial++) {
            double[] x = RANDOM.doubles(free, -radius, radius).toArray();
            double[] y = new double[size];
            double logJacobian = transform.constrain(x, 0, y, 0, size);
            double[] back = new double[free];
            transform.unconstrain(y, 0, back, 0, size);
            for (int i = 0; i < free; i++) {
                assertEquals(x[i], back[i], 1e-8 * Math.max(1, Math.abs(x[i])), transform.name() + " round trip");
            }
            double[][] jacobian = new double[free][free];
            for (int i = 0; i < free; i++) {
                double[] up = x.clone();
                double[] down = x.clone();
                up[i] += STEP;
                down[i] -= STEP;
                double[] yUp = new double[size];
                double[] yDown = new double[size];
                transform.constrain(up, 0, yUp, 0, size);
                transform.constrain(down, 0, yDown, 0, size);
                double[] cUp = chart(transform, yUp);
                double[] cDown = chart(transform, yDown);
                for (int j = 0; j < free; j++) {
                    jacobian[j][i] = (cUp[j] - cDown[j]) / (2 * STEP);
                }
            }
            double expected = Math.log(Math.abs(new LUDecomposition(MatrixUtils.createRealMatrix(jacobian)).getDeterminant()));
            assertEquals(expected, logJacobian, 1e-5 * Math.max(1, Math.abs(expected)), transform.name() + " log|J|");
            double[] weights = RANDOM.doubles(size, -1, 1).toArray();
            double jacobianWeight = 0.6;
            double[] gradient = new double[free];
            transform.backward(x, 0, y, 0, weights, 0, gradient, 0, size, jacobianWeight);
            for (int i = 0; i < free; i++) {
                double[] up = x.clone();
                double[] down = x.clone();
                up[i] += STEP;
                down[i] -= STEP;
                double fd = (objective(transform, up, weights, jacobianWeight, size)
                        - objective(transform, down, weights, jacobianWeight, size)) / (2 * STEP);
                assertEquals(fd, gradient[i], 1e-5 * Math.max(1, Math.abs(fd)), transform.name() + " backward " + i);
            }
        }
    }

    private static double objective(Transform transform, double[] x, double[] weights, double jacobianWeight, int size) {
        double[] y = new double[size];
        double logJacobian = transform.constrain(x, 0, y, 0, size);
        double s = jacobianWeight * logJacobian;
        for (int i = 0; i < size; i++) {
            s += weights[i] * y[i];
        }
        return s;
    }

    @Test
    void covarianceMatricesRoundTripWithTheirJacobian() {
        for (int k = 1; k <= 4; k++) {
            check(CovarianceMatrix.instance(), k * k, 1.0);
        }
        double[] y = new double[9];
        CovarianceMatrix.instance().constrain(RANDOM.doubles(6, -1, 1).toArray(), 0, y, 0, 9);
        assertTrue(new org.apache.commons.math3.linear.EigenDecomposition(MatrixUtils.createRealMatrix(
                new double[][] {{y[0], y[1], y[2]}, {y[3], y[4], y[5]}, {y[6], y[7], y[8]}})).getRealEigenvalues()[2] > 0);
        assertThrows(IllegalArgumentException.class,
                () -> CovarianceMatrix.instance().unconstrain(new double[] {1, 2, 2, 1}, 0, new double[3], 0, 4));
    }

    @Test
    void boundsPerMemberRoundTripWithTheirJacobian() {
        double inf = Double.POSITIVE_INFINITY;
        MemberBounds bounds = MemberBounds.of(new double[] {0, -inf, -2, -inf}, new double[] {1, 3, inf, inf});
        check(bounds, 4, 3.0);
        double[] y = new double[4];
        bounds.constrain(new double[] {40, 40, -20, 2}, 0, y, 0, 4);
        assertTrue(y[0] <= 1 && y[1] < 3 && y[2] > -2 && y[3] == 2);
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> bounds.unconstrain(new double[] {0.5, 4, 0, 0}, 0, new double[4], 0, 4)).getMessage()
                .contains("entry 1 = 4 is not inside its bounds"));
        assertThrows(IllegalArgumentException.class, () -> MemberBounds.of(new double[] {1}, new double[] {1}));
    }
}
