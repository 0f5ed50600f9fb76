package org.muster.samplers.internal.advi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import org.muster.core.api.LogDensity;
import org.muster.core.api.VariationalFit.ElboPoint;
import org.muster.core.spi.FitListener;

/**
 * Automatic differentiation variational inference (Kucukelbir, Tran, Ranganath, Gelman &amp; Blei 2017) as
 * Stan runs it: stochastic gradient ascent on the ELBO with reparameterization gradients, a step-size
 * sequence eta / sqrt(t) scaled per parameter by a running average of squared gradients, eta chosen by a
 * short search over {100, 10, 1, 0.1, 0.01}, and convergence by the mean or median of recent relative
 * ELBO changes. A non-finite gradient or ELBO makes the current step size fail: the search moves to a
 * smaller one, and with a fixed step size the optimization restarts from its start with a ten times
 * smaller one, saying so in the warnings. Not thread-safe; an iteration allocates nothing (an ELBO
 * evaluation adds one entry to the trace).
 */
final class Advi {

    static final double[] ETA_SEQUENCE = {100, 10, 1, 0.1, 0.01};
    /** Weight of the old squared gradients in the running average (Stan's pre-factor). */
    private static final double HISTORY_WEIGHT = 0.9;
    /** Offset in the per-parameter scaling, so a tiny gradient history cannot blow up the step. */
    private static final double TAU = 1.0;
    /** Restarts with a smaller fixed step size before giving up. */
    static final int MAX_RESTARTS = 5;
    /** Relative changes above this after ten ELBO evaluations suggest divergence (Stan's threshold). */
    private static final double DIVERGING = 0.5;

    /**
     * What the optimization did.
     *
     * @param stopReason why it stopped, as {@link org.muster.core.api.VariationalFit#stopReason()}
     */
    record Result(List<ElboPoint> trace, boolean converged, String stopReason, boolean cancelled, int iterations,
            double eta, long gradientEvaluations, long densityEvaluations, List<String> warnings) {
    }

    private final LogDensity target;
    private final AdviOptions options;
    private final RandomGenerator random;
    private final FitListener listener;
    private final GaussianApproximation q;
    private final GaussianApproximation start;
    private final double[] eta;
    private final double[] zeta;
    private final double[] targetGradient;
    private final double[] gradient;
    private final double[] history;
    private final double[] changes;
    private final double[] sorted;
    private final List<String> warnings = new ArrayList<>();
    private long gradientEvaluations;
    private long densityEvaluations;

    /**
     * @param q modified: the approximation, optimized in place; its family and dimension are the run's
     */
    Advi(LogDensity target, GaussianApproximation q, AdviOptions options, RandomGenerator random, FitListener listener) {
        if (q.dimension != target.dimension()) {
            throw new IllegalArgumentException("approximation of dimension " + q.dimension + " for a target of dimension "
                    + target.dimension());
        }
        this.target = target;
        this.options = options;
        this.random = random;
        this.listener = listener;
        this.q = q;
        this.start = GaussianApproximation.of(q instanceof GaussianApproximation.FullRank, q.dimension);
        int d = q.dimension;
        this.eta = new double[d];
        this.zeta = new double[d];
        this.targetGradient = new double[d];
        this.gradient = new double[q.parameters.length];
        this.history = new double[q.parameters.length];
        int window = (int) Math.max(0.1 * options.iterations() / options.evalElbo(), 2.0);
        this.changes = new double[window];
        this.sorted = new double[window];
    }

    /**
     * Optimizes from the Gaussian centered at {@code initialPoint} with unit scale.
     *
     * @param initialPoint not modified: a point with a finite log density and gradient
     * @throws IllegalStateException naming why when no step size gives a finite ELBO
     */
    Result run(double[] initialPoint) {
        q.reset(initialPoint);
        start.copyFrom(q);
        double elboInitial = elbo();
        if (!Double.isFinite(elboInitial)) {
            throw new IllegalStateException("the ELBO at the initial approximation (the unit Gaussian at the initial point)"
                    + " is " + elboInitial + ": the log density is not finite where the approximation puts its mass;"
                    + " give initial values or check the model's support");
        }
        double stepSize = options.eta();
        if (options.adaptEngaged()) {
            double adapted = adaptEta(elboInitial);
            if (Double.isNaN(adapted)) {
                q.copyFrom(start);
                return new Result(List.of(), false, "cancelled", true, 0, stepSize, gradientEvaluations,
                        densityEvaluations, warnings);
            }
            stepSize = adapted;
        }
        for (int restart = 0;; restart++) {
            q.copyFrom(start);
            Result result = ascend(stepSize);
            if (result != null) {
                return result;
            }
            if (restart == MAX_RESTARTS) {
                throw new IllegalStateException("the ELBO or its gradient stayed non-finite after " + MAX_RESTARTS
                        + " restarts down to step size eta=" + format(stepSize) + "; the model may be ill-conditioned or"
                        + " misspecified, or the initial point poor: give initial values or rescale the parameters");
            }
            double smaller = stepSize / 10;
            warnings.add("eta=" + format(stepSize) + " gave a non-finite ELBO or gradient; restarted with eta="
                    + format(smaller));
            stepSize = smaller;
        }
    }

    /**
     * Stan's step-size search: for each candidate, {@code adapt_iter} iterations from the start, then the
     * ELBO; stops at the first candidate worse than the best so far once the best beats the initial ELBO.
     *
     * @return the chosen eta, or NaN when cancelled
     */
    private double adaptEta(double elboInitial) {
        double bestElbo = Double.NEGATIVE_INFINITY;
        double bestEta = Double.NaN;
        int total = ETA_SEQUENCE.length * options.adaptIterations();
        int done = 0;
        for (int index = 0; index < ETA_SEQUENCE.length; index++) {
            double candidate = ETA_SEQUENCE[index];
            q.copyFrom(start);
            Arrays.fill(history, 0.0);
            boolean failed = false;
            for (int t = 1; t <= options.adaptIterations(); t++) {
                if (listener.isCancelled()) {
                    return Double.NaN;
                }
                if (!step(candidate, t)) {
                    failed = true;
                    warnings.add("step-size search: eta=" + format(candidate) + " gave a non-finite gradient at"
                            + " iteration " + t + "; trying smaller step sizes");
                    break;
                }
                listener.onIteration(0, ++done, total, true);
            }
            double value = failed ? Double.NEGATIVE_INFINITY : elbo();
            if (!failed && !Double.isFinite(value)) {
                warnings.add("step-size search: eta=" + format(candidate) + " gave a non-finite ELBO; trying smaller"
                        + " step sizes");
                value = Double.NEGATIVE_INFINITY;
            }
            if (value < bestElbo && bestElbo > elboInitial) {
                break;
            }
            if (index < ETA_SEQUENCE.length - 1) {
                bestElbo = value;
                bestEta = candidate;
            } else if (value > elboInitial) {
                bestElbo = value;
                bestEta = candidate;
            } else {
                throw new IllegalStateException("every step size tried (eta = 100, 10, 1, 0.1, 0.01) failed to improve"
                        + " the ELBO from " + format(elboInitial) + " in " + options.adaptIterations()
                        + " iterations; the model may be ill-conditioned or misspecified. Try adapt_engaged=false with a"
                        + " small eta, more adapt_iter, or other initial values");
            }
        }
        return bestEta;
    }

    /** The main loop; null when a non-finite gradient or ELBO asks for a restart with a smaller step. */
    private Result ascend(double stepSize) {
        Arrays.fill(history, 0.0);
        List<ElboPoint> trace = new ArrayList<>();
        int filled = 0;
        int next = 0;
        double previous = 0;
        boolean warnedDiverging = false;
        int max = options.iterations();
        for (int t = 1; t <= max; t++) {
            if (listener.isCancelled()) {
                return new Result(trace, false, "cancelled", true, t - 1, stepSize, gradientEvaluations,
                        densityEvaluations, warnings);
            }
            if (!step(stepSize, t)) {
                return null;
            }
            listener.onIteration(0, t, max, false);
            if (t % options.evalElbo() == 0) {
                double current = elbo();
                if (!Double.isFinite(current)) {
                    return null;
                }
                // Stan's relative change |(previous - current) / current|, with previous = 0 at the first evaluation.
                double change = Math.abs((previous - current) / current);
                previous = current;
                changes[next] = change;
                next = (next + 1) % changes.length;
                filled = Math.min(filled + 1, changes.length);
                double mean = 0;
                for (int i = 0; i < filled; i++) {
                    mean += changes[i];
                }
                mean /= filled;
                double median = median(filled);
                trace.add(new ElboPoint(t, current, mean, median));
                if (mean < options.tolRelObj()) {
                    return new Result(trace, true, "mean ELBO converged", false, t, stepSize, gradientEvaluations,
                            densityEvaluations, warnings);
                }
                if (median < options.tolRelObj()) {
                    return new Result(trace, true, "median ELBO converged", false, t, stepSize, gradientEvaluations,
                            densityEvaluations, warnings);
                }
                if (!warnedDiverging && t > 10 * options.evalElbo() && (mean > DIVERGING || median > DIVERGING)) {
                    warnedDiverging = true;
                    warnings.add("the relative ELBO change is still above " + DIVERGING + " at iteration " + t
                            + ": the optimization may be diverging; inspect the ELBO trace");
                }
            }
        }
        warnings.add("the ELBO did not converge in " + max + " iterations (tol_rel_obj=" + format(options.tolRelObj())
                + "); the approximation may be poor: raise iter or inspect the ELBO trace");
        return new Result(trace, false, "maximum iterations reached", false, max, stepSize, gradientEvaluations,
                densityEvaluations, warnings);
    }

    /**
     * One step of stochastic gradient ascent at iteration {@code t} (1-based) of a run with a fresh history.
     *
     * @return false when the gradient estimate or the new parameters are not finite
     */
    private boolean step(double stepSize, int t) {
        if (!elboGradient()) {
            return false;
        }
        double scaled = stepSize / Math.sqrt(t);
        for (int k = 0; k < gradient.length; k++) {
            double g2 = gradient[k] * gradient[k];
            history[k] = t == 1 ? g2 : HISTORY_WEIGHT * history[k] + (1 - HISTORY_WEIGHT) * g2;
            q.parameters[k] += scaled * gradient[k] / (TAU + Math.sqrt(history[k]));
        }
        return q.isFinite();
    }

    /** The reparameterization estimate of the ELBO's gradient into {@link #gradient}; false if not finite. */
    private boolean elboGradient() {
        Arrays.fill(gradient, 0.0);
        for (int s = 0; s < options.gradSamples(); s++) {
            drawStandard();
            q.transform(eta, zeta);
            double lp = target.logDensityGradient(zeta, targetGradient);
            gradientEvaluations++;
            if (!Double.isFinite(lp)) {
                return false;
            }
            q.accumulate(targetGradient, eta, gradient);
        }
        q.finishGradient(gradient, options.gradSamples());
        for (double g : gradient) {
            if (!Double.isFinite(g)) {
                return false;
            }
        }
        return true;
    }

    /** The Monte Carlo estimate of the ELBO, E_q[log p] + entropy; non-finite if any draw's log p is. */
    double elbo() {
        double sum = 0;
        for (int s = 0; s < options.elboSamples(); s++) {
            drawStandard();
            q.transform(eta, zeta);
            sum += target.logDensity(zeta);
            densityEvaluations++;
        }
        return sum / options.elboSamples() + q.entropy();
    }

    private void drawStandard() {
        for (int i = 0; i < eta.length; i++) {
            eta[i] = random.nextGaussian();
        }
    }

    private double median(int filled) {
        System.arraycopy(changes, 0, sorted, 0, filled);
        Arrays.sort(sorted, 0, filled);
        return filled % 2 == 1 ? sorted[filled / 2] : 0.5 * (sorted[filled / 2 - 1] + sorted[filled / 2]);
    }

    static String format(double value) {
        return String.format(Locale.ROOT, "%.6g", value).replaceAll("\\.?0+(e|$)", "$1");
    }
}
