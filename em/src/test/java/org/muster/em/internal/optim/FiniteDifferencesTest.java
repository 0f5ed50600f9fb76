package org.muster.em.internal.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FiniteDifferencesTest {

    /** f(x) = x0² x1 + exp(x1) + 3 x0 x2², gradient written by hand. */
    static final DifferentiableObjective F = new DifferentiableObjective() {
        @Override
        public int dimension() {
            return 3;
        }

        @Override
        public double valueGradient(double[] x, double[] g) {
            g[0] = 2 * x[0] * x[1] + 3 * x[2] * x[2];
            g[1] = x[0] * x[0] + Math.exp(x[1]);
            g[2] = 6 * x[0] * x[2];
            return x[0] * x[0] * x[1] + Math.exp(x[1]) + 3 * x[0] * x[2] * x[2];
        }
    };

    @Test
    void hessianMatchesTheAnalyticSecondDerivatives() {
        double[] x = {0.7, -1.3, 2.1};
        double[][] h = FiniteDifferences.hessian(F, x);
        double[][] expected = {
            {2 * x[1], 2 * x[0], 6 * x[2]},
            {2 * x[0], Math.exp(x[1]), 0},
            {6 * x[2], 0, 6 * x[0]}};
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(expected[i][j], h[i][j], 1e-7, "entry " + i + ", " + j);
            }
        }
    }

    @Test
    void jacobianMatchesTheAnalyticDerivatives() {
        double[] x = {0.4, 1.1};
        double[][] j = FiniteDifferences.jacobian((p, out) -> {
            out[0] = Math.exp(p[0]);
            out[1] = p[0] * Math.sin(p[1]);
        }, 2, x);
        assertEquals(Math.exp(0.4), j[0][0], 1e-8);
        assertEquals(0, j[0][1], 1e-12);
        assertEquals(Math.sin(1.1), j[1][0], 1e-8);
        assertEquals(0.4 * Math.cos(1.1), j[1][1], 1e-8);
    }

    @Test
    void logScaleStandardErrorsOfAGammaLikelihoodAreItsInverseInformation() {
        // Poisson counts with total k over exposure e: rate MLE k/e with se sqrt(k)/e; on u = log rate,
        // -log L(u) = e exp(u) - k u.
        double k = 37;
        double e = 4.5;
        DifferentiableObjective negativeLogLikelihood = new DifferentiableObjective() {
            @Override
            public int dimension() {
                return 1;
            }

            @Override
            public double valueGradient(double[] u, double[] g) {
                g[0] = e * Math.exp(u[0]) - k;
                return e * Math.exp(u[0]) - k * u[0];
            }
        };
        double[] se = LogScaleStandardErrors.standardErrors(negativeLogLikelihood, new double[] {Math.log(k / e)});
        assertEquals(Math.sqrt(k) / e, se[0], 1e-8);
    }
}
