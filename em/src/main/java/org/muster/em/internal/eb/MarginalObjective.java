package org.muster.em.internal.eb;

import java.util.ArrayList;
import java.util.List;
import org.muster.core.api.Model;
import org.muster.core.api.ModelEvaluator;
import org.muster.core.api.Node;
import org.muster.core.api.NodeKind;
import org.muster.core.api.conjugate.NodeReader;
import org.muster.core.api.conjugate.UnitLayer;
import org.muster.core.api.distributions.UnivariateDistribution;
import org.muster.em.internal.optim.DifferentiableObjective;

/**
 * The negative log marginal likelihood of the parameters left once the unit layer is integrated out
 * (type-II maximum likelihood), plus, for MAP-II, their negative log prior density (of the constrained
 * values, no Jacobian), as a function of some of their unconstrained coordinates; the others stay as
 * set in the full point. The gradient is by five-point central differences, accurate to about 1e-10
 * relative: the closed-form marginal is not part of the compiled program. Not thread-safe.
 */
final class MarginalObjective implements DifferentiableObjective {

    /** Step of the difference quotients on the unconstrained scale; the five-point rule's error is O(h^4). */
    private static final double STEP = 1e-3;

    private final UnitLayer layer;
    private final ModelEvaluator evaluator;
    private final double[] full;
    private final int[] free;
    private final List<Term> terms;
    private final double[] first;
    private final double[] second;
    private final double[] point;

    /**
     * @param full not modified: a full unconstrained point whose coordinates outside {@code free} are kept
     * @param free the coordinates the objective varies, in order
     * @param hyperprior whether to add the log prior of the remaining parameters (MAP-II)
     */
    MarginalObjective(Model model, UnitLayer layer, ModelEvaluator evaluator, double[] full, int[] free,
            boolean hyperprior) {
        this.layer = layer;
        this.evaluator = evaluator;
        this.full = full.clone();
        this.free = free.clone();
        this.terms = new ArrayList<>();
        for (Node node : model.nodes()) {
            boolean otherObservation = node.kind() == NodeKind.OBSERVED && node != layer.child();
            boolean prior = hyperprior && node.kind() == NodeKind.PARAMETER && node != layer.parameter();
            if (otherObservation || prior) {
                terms.add(Term.of(node));
            }
        }
        this.first = new double[layer.units()];
        this.second = new double[layer.units()];
        this.point = new double[free.length];
    }

    @Override
    public int dimension() {
        return free.length;
    }

    /** The full unconstrained point at {@code x} (allocates). */
    double[] fullPoint(double[] x) {
        double[] out = full.clone();
        for (int k = 0; k < free.length; k++) {
            out[free[k]] = x[k];
        }
        return out;
    }

    /** The maximized quantity, log p(y | ...) (+ log prior), at {@code x}; NaN or -inf outside the domain. */
    double logObjective(double[] x) {
        for (int k = 0; k < free.length; k++) {
            full[free[k]] = x[k];
        }
        layer.priorArguments(evaluator, full, first, second);
        double sum = layer.logMarginal(first, second);
        for (Term term : terms) {
            sum += term.logDensity(evaluator);
        }
        return sum;
    }

    @Override
    public double valueGradient(double[] x, double[] gradient) {
        double value = -logObjective(x);
        if (!Double.isFinite(value)) {
            java.util.Arrays.fill(gradient, Double.NaN);
            return Double.POSITIVE_INFINITY;
        }
        System.arraycopy(x, 0, point, 0, x.length);
        for (int k = 0; k < x.length; k++) {
            double h = STEP * Math.max(1, Math.abs(x[k]));
            point[k] = x[k] + h;
            double plus = logObjective(point);
            point[k] = x[k] + 2 * h;
            double plus2 = logObjective(point);
            point[k] = x[k] - h;
            double minus = logObjective(point);
            point[k] = x[k] - 2 * h;
            double minus2 = logObjective(point);
            point[k] = x[k];
            gradient[k] = -(8 * (plus - minus) - (plus2 - minus2)) / (12 * h);
        }
        return value;
    }

    /** The log density of one stochastic node given its arguments' current values. */
    private record Term(Node node, UnivariateDistribution kernel, double[] observed, NodeReader[] arguments) {

        static Term of(Node node) {
            if (!(node.distribution().orElseThrow() instanceof UnivariateDistribution kernel)) {
                throw new IllegalArgumentException("empirical Bayes handles univariate distributions outside the unit"
                        + " layer only, and " + node.name() + " has a " + node.distribution().orElseThrow().name());
            }
            NodeReader[] arguments = new NodeReader[node.inputs().size()];
            for (int a = 0; a < arguments.length; a++) {
                arguments[a] = NodeReader.of(node.inputs().get(a), node.size());
            }
            return new Term(node, kernel, node.values().orElse(null), arguments);
        }

        double logDensity(ModelEvaluator evaluator) {
            double sum = 0;
            for (int m = 0; m < node.size(); m++) {
                double value = observed != null ? observed[m] : evaluator.value(node, m);
                sum += kernel.logDensity(value, argument(evaluator, 0, m), argument(evaluator, 1, m),
                        argument(evaluator, 2, m));
            }
            return sum;
        }

        private double argument(ModelEvaluator evaluator, int a, int m) {
            return a < arguments.length ? arguments[a].read(evaluator, m) : 0;
        }
    }
}
