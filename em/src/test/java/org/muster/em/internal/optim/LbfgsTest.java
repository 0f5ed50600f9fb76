package org.muster.em.internal.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

class LbfgsTest {

    /** Rosenbrock's function in n dimensions (the chained form); minimum 0 at (1, ..., 1). */
    static final class Rosenbrock implements DifferentiableObjective {
        private final int n;
        int evaluations;

        Rosenbrock(int n) {
            this.n = n;
        }

        @Override
        public int dimension() {
            return n;
        }

        @Override
        public double valueGradient(double[] x, double[] gradient) {
            evaluations++;
            java.util.Arrays.fill(gradient, 0);
            double f = 0;
            for (int i = 0; i + 1 < n; i++) {
                double a = x[i + 1] - x[i] * x[i];
                double b = 1 - x[i];
                f += 100 * a * a + b * b;
                gradient[i] += -400 * x[i] * a - 2 * b;
                gradient[i + 1] += 200 * a;
            }
            return f;
        }
    }

    @Test
    void findsTheMinimumOfRosenbrockFromTheClassicStart() {
        Rosenbrock rosenbrock = new Rosenbrock(2);
        OptimizationResult result = Lbfgs.defaults().minimize(rosenbrock, new double[] {-1.2, 1.0});
        assertTrue(result.status().converged(), result.status().toString());
        assertArrayEquals(new double[] {1, 1}, result.point(), 1e-6);
        assertEquals(0, result.value(), 1e-12);
        assertTrue(result.iterations() < 100, "iterations " + result.iterations());
    }

    @Test
    void findsTheMinimumOfTwentyDimensionalRosenbrock() {
        double[] start = new double[20];
        for (int i = 0; i < start.length; i++) {
            start[i] = i % 2 == 0 ? -1.2 : 1.0;
        }
        OptimizationResult result = Lbfgs.defaults().minimize(new Rosenbrock(20), start);
        assertTrue(result.status().converged(), result.status().toString());
        for (double v : result.point()) {
            assertEquals(1, v, 1e-6);
        }
    }

    @Test
    void objectiveTraceNeverIncreases() {
        OptimizationResult result = Lbfgs.defaults().minimize(new Rosenbrock(6), new double[] {-1, 2, -1, 2, -1, 2});
        double[] trace = result.trace();
        assertEquals(result.iterations() + 1, trace.length);
        for (int i = 1; i < trace.length; i++) {
            assertTrue(trace[i] <= trace[i - 1], "step " + i + " increased the objective");
        }
    }

    @Test
    void minimizesAnIllConditionedQuadraticToTheSolutionOfItsLinearSystem() {
        int n = 12;
        SplittableRandom random = new SplittableRandom(7);
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                m[i][j] = random.nextDouble(-1, 1);
            }
        }
        RealMatrix root = new Array2DRowRealMatrix(m);
        RealMatrix a = root.transpose().multiply(root);
        for (int i = 0; i < n; i++) {
            a.addToEntry(i, i, Math.pow(10, -3 + 6.0 * i / (n - 1))); // condition number about 10^6
        }
        double[] b = random.doubles(n, -5, 5).toArray();
        double[] expected = new CholeskyDecomposition(a).getSolver().solve(new ArrayRealVector(b)).toArray();
        DifferentiableObjective quadratic = new DifferentiableObjective() {
            @Override
            public int dimension() {
                return n;
            }

            @Override
            public double valueGradient(double[] x, double[] gradient) {
                double[] ax = a.operate(x);
                double f = 0;
                for (int i = 0; i < n; i++) {
                    f += 0.5 * x[i] * ax[i] - b[i] * x[i];
                    gradient[i] = ax[i] - b[i];
                }
                return f;
            }
        };
        OptimizationResult result = new Lbfgs(10, 5000, 1e-9, 0).minimize(quadratic, new double[n]);
        assertTrue(result.status().converged(), result.status().toString());
        // |x - x*| = |A^-1 g| <= |g| / lambda_min: the distance the final gradient allows, and no more.
        double smallestEigenvalue = new org.apache.commons.math3.linear.EigenDecomposition(a).getRealEigenvalues()[n - 1];
        double allowed = new ArrayRealVector(result.gradient()).getNorm() / smallestEigenvalue;
        double error = new ArrayRealVector(result.point()).subtract(new ArrayRealVector(expected)).getNorm();
        assertTrue(error <= allowed * (1 + 1e-6) + 1e-12, "error " + error + " allowed " + allowed);
        assertTrue(error < 1e-5, "error " + error);
    }

    @Test
    void stepsBackFromPointsOutsideTheDomain() {
        // f(x) = x - log x on x > 0, minimum at 1; NaN for x <= 0, which a first long step reaches.
        DifferentiableObjective f = new DifferentiableObjective() {
            @Override
            public int dimension() {
                return 1;
            }

            @Override
            public double valueGradient(double[] x, double[] gradient) {
                gradient[0] = 1 - 1 / x[0];
                return x[0] - Math.log(x[0]);
            }
        };
        OptimizationResult result = Lbfgs.defaults().minimize(f, new double[] {40});
        assertTrue(result.status().converged());
        assertEquals(1, result.point()[0], 1e-7);
    }

    @Test
    void refusesANonFiniteStart() {
        assertThrows(IllegalArgumentException.class, () -> Lbfgs.defaults().minimize(new Rosenbrock(2),
                new double[] {Double.NaN, 0}));
    }

    @Test
    void cubicMinimizerIsExactForACubic() {
        // c(t) = (t - 1)^3 / 3 - 4 (t - 1) + 2 has its local minimum at t = 3.
        java.util.function.DoubleUnaryOperator c = t -> Math.pow(t - 1, 3) / 3 - 4 * (t - 1) + 2;
        java.util.function.DoubleUnaryOperator dc = t -> (t - 1) * (t - 1) - 4;
        double a = 1.5;
        double b = 4.5;
        assertEquals(3, Lbfgs.cubicMinimizer(a, c.applyAsDouble(a), dc.applyAsDouble(a), b, c.applyAsDouble(b),
                dc.applyAsDouble(b)), 1e-12);
    }
}
