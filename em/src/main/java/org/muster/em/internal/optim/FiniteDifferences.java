package org.muster.em.internal.optim;

import java.util.function.BiConsumer;

/** Second derivatives and Jacobians by central differences, for standard errors at an optimum. */
public final class FiniteDifferences {

    private FiniteDifferences() {
    }

    /** Step for coordinate value {@code v}: about the cube root of machine epsilon, relative for large values. */
    public static double step(double v) {
        return 6e-6 * Math.max(1, Math.abs(v));
    }

    /**
     * The Hessian of {@code objective} at {@code x} by central differences of its gradient, symmetrized.
     *
     * @param x not modified
     * @return a new n × n matrix
     */
    public static double[][] hessian(DifferentiableObjective objective, double[] x) {
        int n = x.length;
        double[][] h = new double[n][n];
        double[] point = x.clone();
        double[] up = new double[n];
        double[] down = new double[n];
        for (int j = 0; j < n; j++) {
            double step = step(x[j]);
            point[j] = x[j] + step;
            objective.valueGradient(point, up);
            point[j] = x[j] - step;
            objective.valueGradient(point, down);
            point[j] = x[j];
            for (int i = 0; i < n; i++) {
                h[i][j] = (up[i] - down[i]) / (2 * step);
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double mean = 0.5 * (h[i][j] + h[j][i]);
                h[i][j] = mean;
                h[j][i] = mean;
            }
        }
        return h;
    }

    /**
     * The Jacobian d out / dx of a vector function at {@code x} by central differences.
     *
     * @param function writes its m outputs for a point (first argument, not modified) into the second
     * @param x not modified
     * @return a new m × n matrix
     */
    public static double[][] jacobian(BiConsumer<double[], double[]> function, int m, double[] x) {
        int n = x.length;
        double[][] jacobian = new double[m][n];
        double[] point = x.clone();
        double[] up = new double[m];
        double[] down = new double[m];
        for (int j = 0; j < n; j++) {
            double step = step(x[j]);
            point[j] = x[j] + step;
            function.accept(point, up);
            point[j] = x[j] - step;
            function.accept(point, down);
            point[j] = x[j];
            for (int i = 0; i < m; i++) {
                jacobian[i][j] = (up[i] - down[i]) / (2 * step);
            }
        }
        return jacobian;
    }
}
