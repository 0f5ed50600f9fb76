package org.muster.em.internal.optim;

import java.util.Arrays;

/**
 * Limited-memory BFGS minimization (Liu &amp; Nocedal 1989) with a line search for the strong Wolfe
 * conditions by bracketing and cubic-interpolation zoom (Nocedal &amp; Wright, <i>Numerical
 * Optimization</i>, 2nd ed., algorithms 7.4, 3.5 and 3.6). Immutable; {@link #minimize} allocates its
 * work arrays once per call, nothing per iteration.
 */
public final class Lbfgs {

    private static final double SUFFICIENT_DECREASE = 1e-4;
    private static final double CURVATURE = 0.9;
    private static final int MAX_LINE_SEARCH_STEPS = 60;

    private final int memory;
    private final int maxIterations;
    private final double gradientTolerance;
    private final double relativeObjectiveTolerance;

    /**
     * @param memory number of correction pairs kept (5 to 20 is usual)
     * @param maxIterations limit on accepted steps
     * @param gradientTolerance stop when the largest gradient component is below this
     * @param relativeObjectiveTolerance stop when a step decreases the objective by less than this times
     *     max(|f|, 1)
     */
    public Lbfgs(int memory, int maxIterations, double gradientTolerance, double relativeObjectiveTolerance) {
        if (memory < 1 || maxIterations < 1 || !(gradientTolerance >= 0) || !(relativeObjectiveTolerance >= 0)) {
            throw new IllegalArgumentException("L-BFGS needs memory >= 1, maxIterations >= 1 and non-negative tolerances");
        }
        this.memory = memory;
        this.maxIterations = maxIterations;
        this.gradientTolerance = gradientTolerance;
        this.relativeObjectiveTolerance = relativeObjectiveTolerance;
    }

    /** Memory 10, 2000 iterations, gradient tolerance 1e-8, relative objective tolerance 1e-13. */
    public static Lbfgs defaults() {
        return new Lbfgs(10, 2000, 1e-8, 1e-13);
    }

    /**
     * Minimizes {@code objective} from {@code start}.
     *
     * @param start not modified; the objective must be finite there
     * @throws IllegalArgumentException if the objective or its gradient is not finite at {@code start}
     */
    public OptimizationResult minimize(DifferentiableObjective objective, double[] start) {
        int n = objective.dimension();
        double[] x = start.clone();
        double[] g = new double[n];
        double f = objective.valueGradient(x, g);
        if (!Double.isFinite(f) || !allFinite(g)) {
            throw new IllegalArgumentException("the objective or its gradient is not finite at the starting point");
        }
        double[][] s = new double[memory][n];
        double[][] y = new double[memory][n];
        double[] rho = new double[memory];
        double[] alpha = new double[memory];
        double[] direction = new double[n];
        double[] trial = new double[n];
        double[] trialGradient = new double[n];
        LineSearch search = new LineSearch(objective, n);
        double[] trace = new double[maxIterations + 1];
        trace[0] = f;
        int stored = 0;
        int newest = -1;
        int iteration = 0;
        OptimizationResult.Status status = OptimizationResult.Status.MAX_ITERATIONS;
        while (true) {
            if (maxAbs(g) <= gradientTolerance) {
                status = OptimizationResult.Status.GRADIENT_TOLERANCE;
                break;
            }
            if (iteration == maxIterations) {
                break;
            }
            twoLoopDirection(g, s, y, rho, alpha, stored, newest, direction);
            double slope = dot(g, direction);
            if (!(slope < 0)) {
                // Curvature information went stale (only possible after a non-Wolfe step): restart from steepest descent.
                stored = 0;
                for (int i = 0; i < n; i++) {
                    direction[i] = -g[i];
                }
                slope = dot(g, direction);
            }
            double initialStep = stored == 0 ? Math.min(1.0, 1.0 / Math.max(maxAbs(g), 1e-300)) : 1.0;
            double step = search.search(x, f, g, direction, slope, initialStep, trial, trialGradient);
            if (Double.isNaN(step)) {
                status = OptimizationResult.Status.LINE_SEARCH_FAILED;
                break;
            }
            double trialValue = search.value;
            newest = (newest + 1) % memory;
            double sy = 0;
            for (int i = 0; i < n; i++) {
                s[newest][i] = trial[i] - x[i];
                y[newest][i] = trialGradient[i] - g[i];
                sy += s[newest][i] * y[newest][i];
            }
            double decrease = f - trialValue;
            System.arraycopy(trial, 0, x, 0, n);
            System.arraycopy(trialGradient, 0, g, 0, n);
            f = trialValue;
            iteration++;
            trace[iteration] = f;
            if (sy > 0) {
                rho[newest] = 1 / sy;
                stored = Math.min(stored + 1, memory);
            } else {
                // A pair without positive curvature would break the positive definiteness of the inverse Hessian.
                newest = (newest - 1 + memory) % memory;
            }
            if (decrease <= relativeObjectiveTolerance * Math.max(Math.abs(f), 1.0)) {
                status = maxAbs(g) <= gradientTolerance ? OptimizationResult.Status.GRADIENT_TOLERANCE
                        : OptimizationResult.Status.OBJECTIVE_TOLERANCE;
                break;
            }
        }
        return new OptimizationResult(x, f, g, iteration, status, Arrays.copyOf(trace, iteration + 1));
    }

    /** The two-loop recursion: direction = -H g with H the L-BFGS inverse Hessian (Nocedal &amp; Wright 7.4). */
    private static void twoLoopDirection(double[] g, double[][] s, double[][] y, double[] rho, double[] alpha,
            int stored, int newest, double[] direction) {
        int n = g.length;
        int memory = s.length;
        for (int i = 0; i < n; i++) {
            direction[i] = -g[i];
        }
        for (int k = 0; k < stored; k++) {
            int j = (newest - k + memory) % memory;
            alpha[j] = rho[j] * dot(s[j], direction);
            for (int i = 0; i < n; i++) {
                direction[i] -= alpha[j] * y[j][i];
            }
        }
        if (stored > 0) {
            // Initial inverse Hessian gamma I with gamma = s'y / y'y scales the step to the recent curvature.
            double scale = 1 / (rho[newest] * dot(y[newest], y[newest]));
            for (int i = 0; i < n; i++) {
                direction[i] *= scale;
            }
        }
        for (int k = stored - 1; k >= 0; k--) {
            int j = (newest - k + memory) % memory;
            double beta = rho[j] * dot(y[j], direction);
            for (int i = 0; i < n; i++) {
                direction[i] += s[j][i] * (alpha[j] - beta);
            }
        }
    }

    /** Line search for the strong Wolfe conditions; keeps the value of its last accepted point. */
    private static final class LineSearch {
        private final DifferentiableObjective objective;
        private final double[] point;
        private final double[] gradient;
        double value;

        LineSearch(DifferentiableObjective objective, int n) {
            this.objective = objective;
            this.point = new double[n];
            this.gradient = new double[n];
        }

        /**
         * Returns the accepted step, with the point, its gradient and value in {@code trial},
         * {@code trialGradient} and {@link #value}, or NaN if none was found.
         */
        double search(double[] x, double f0, double[] g0, double[] direction, double slope0, double initialStep,
                double[] trial, double[] trialGradient) {
            double previousStep = 0;
            double previousValue = f0;
            double previousSlope = slope0;
            double step = initialStep;
            for (int k = 0; k < MAX_LINE_SEARCH_STEPS; k++) {
                double f = evaluate(x, direction, step);
                if (!Double.isFinite(f)) {
                    // Outside the domain: shrink toward the last good step instead of treating it as a bracket end.
                    step = previousStep + 0.1 * (step - previousStep);
                    continue;
                }
                double slope = dot(gradient, direction);
                if (f > f0 + SUFFICIENT_DECREASE * step * slope0 || (k > 0 && f >= previousValue)) {
                    return zoom(x, f0, slope0, direction, previousStep, previousValue, previousSlope, step, f, slope,
                            trial, trialGradient);
                }
                if (Math.abs(slope) <= -CURVATURE * slope0) {
                    return accept(step, f, trial, trialGradient);
                }
                if (slope >= 0) {
                    return zoom(x, f0, slope0, direction, step, f, slope, previousStep, previousValue, previousSlope,
                            trial, trialGradient);
                }
                previousStep = step;
                previousValue = f;
                previousSlope = slope;
                step *= 2;
            }
            return Double.NaN;
        }

        private double zoom(double[] x, double f0, double slope0, double[] direction, double low, double lowValue,
                double lowSlope, double high, double highValue, double highSlope, double[] trial, double[] trialGradient) {
            for (int k = 0; k < MAX_LINE_SEARCH_STEPS; k++) {
                double step = cubicMinimizer(low, lowValue, lowSlope, high, highValue, highSlope);
                double width = Math.abs(high - low);
                double lower = Math.min(low, high);
                // Keep the trial point away from the ends so the bracket shrinks geometrically.
                if (!(step > lower + 0.1 * width && step < lower + 0.9 * width)) {
                    step = 0.5 * (low + high);
                }
                double f = evaluate(x, direction, step);
                if (!Double.isFinite(f)) {
                    high = step;
                    highValue = Double.POSITIVE_INFINITY;
                    highSlope = Double.NaN;
                    continue;
                }
                double slope = dot(gradient, direction);
                if (f > f0 + SUFFICIENT_DECREASE * step * slope0 || f >= lowValue) {
                    high = step;
                    highValue = f;
                    highSlope = slope;
                } else {
                    if (Math.abs(slope) <= -CURVATURE * slope0) {
                        return accept(step, f, trial, trialGradient);
                    }
                    if (slope * (high - low) >= 0) {
                        high = low;
                        highValue = lowValue;
                        highSlope = lowSlope;
                    }
                    low = step;
                    lowValue = f;
                    lowSlope = slope;
                }
                if (Math.abs(high - low) <= 1e-16 * Math.max(1, Math.abs(low))) {
                    break;
                }
            }
            // The bracket collapsed: accept the best point with sufficient decrease, if there is one.
            if (low > 0 && lowValue < f0) {
                double f = evaluate(x, direction, low);
                return accept(low, f, trial, trialGradient);
            }
            return Double.NaN;
        }

        private double evaluate(double[] x, double[] direction, double step) {
            for (int i = 0; i < x.length; i++) {
                point[i] = x[i] + step * direction[i];
            }
            double f = objective.valueGradient(point, gradient);
            return allFinite(gradient) ? f : Double.NaN;
        }

        private double accept(double step, double f, double[] trial, double[] trialGradient) {
            System.arraycopy(point, 0, trial, 0, point.length);
            System.arraycopy(gradient, 0, trialGradient, 0, gradient.length);
            value = f;
            return step;
        }
    }

    /** The minimizer of the cubic through (a, fa, da) and (b, fb, db), NaN when it has none. */
    static double cubicMinimizer(double a, double fa, double da, double b, double fb, double db) {
        if (!Double.isFinite(fb) || !Double.isFinite(db)) {
            return Double.NaN;
        }
        double d1 = da + db - 3 * (fa - fb) / (a - b);
        double discriminant = d1 * d1 - da * db;
        if (discriminant < 0) {
            return Double.NaN;
        }
        double d2 = Math.signum(b - a) * Math.sqrt(discriminant);
        return b - (b - a) * (db + d2 - d1) / (db - da + 2 * d2);
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static double maxAbs(double[] a) {
        double max = 0;
        for (double v : a) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }

    private static boolean allFinite(double[] a) {
        for (double v : a) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }
}
