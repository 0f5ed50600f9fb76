package org.muster.core.api.conjugate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.muster.core.api.Model;
import org.muster.core.api.ModelEvaluator;
import org.muster.core.api.Node;

/**
 * A layer of unit parameters that can be integrated out of a model in closed form, as collapsed
 * inference needs it: the log marginal likelihood of its observations as a function of the rest of the
 * model, with its gradient by seeded reverse sweeps, and exact draws of the units from their conditional
 * posterior (BDA3 §5.3–5.5; for random effects Bates et al. 2015).
 *
 * <p>The layer reads what it needs from evaluators of the model run at {@code 1 + patterns()} points that
 * differ only in the layer's own coordinates ({@link #setPattern}): evaluator 0 at the base point,
 * evaluator {@code t + 1} at pattern {@code t}. Those evaluators should leave out the terms of
 * {@link #parameter()} and {@link #child()} (their sum is what the marginal replaces). The protocol of one
 * evaluation: forward sweeps (evaluator 0's by {@code logDensity}, the others' by {@code computeValues}),
 * {@code clearAdjoints} on each, {@link #logMarginalGradient}, then each evaluator's {@code reverse}
 * (evaluator 0's with the density, the others' without); the sum of their gradients is the gradient of
 * the partial log density plus the layer's log marginal.
 *
 * <p>Layers are immutable and shared; a {@link Workspace} holds one caller's scratch.
 */
public sealed interface CollapsibleLayer permits UnitLayer, LinearGaussianLayer {

    /** One caller's scratch for a layer's evaluations; not thread-safe. */
    interface Workspace {
    }

    /**
     * The model's collapsible layers, one per observed node at most: its scalar conjugate layers
     * ({@link UnitLayer}), and for each other observed node the linear Gaussian layer
     * ({@link LinearGaussianLayer}) with the most members that enters it (a linear mixed model's group
     * effects rather than its population coefficients, which enter the same mean linearly too); empty if it
     * has none. Each has its own parameter and child, so they are independent given the rest of the model.
     *
     * @throws IllegalArgumentException if a linear Gaussian group is too large
     */
    static List<CollapsibleLayer> findAll(Model model) {
        Map<Node, CollapsibleLayer> byChild = new LinkedHashMap<>();
        for (UnitLayer layer : UnitLayer.findAll(model)) {
            byChild.putIfAbsent(layer.child(), layer);
        }
        for (LinearGaussianLayer layer : LinearGaussianLayer.findAll(model)) {
            CollapsibleLayer other = byChild.get(layer.child());
            if (other == null || other instanceof LinearGaussianLayer
                    && other.parameter().size() < layer.parameter().size()) {
                byChild.put(layer.child(), layer);
            }
        }
        return List.copyOf(byChild.values());
    }

    /** The parameter integrated out. */
    Node parameter();

    /** The observed node whose likelihood is integrated. */
    Node child();

    /** How the layer enters, for messages and settings. */
    String describe();

    /** The number of evaluators the layer needs beyond the base one. */
    int patterns();

    /**
     * Writes the layer's coordinates of an unconstrained point: the base point for {@code pattern = -1},
     * else pattern {@code pattern} (0-based).
     *
     * @param x modified in the layer's coordinates only
     */
    void setPattern(double[] x, int pattern);

    /** Fresh scratch for one caller. */
    Workspace newWorkspace();

    /**
     * The log marginal likelihood of {@link #child()} with {@link #parameter()} integrated out, at the
     * point of the evaluators' last forward sweeps.
     *
     * @param evaluators not modified: {@code 1 + patterns()} of them, at the base point and the patterns
     */
    double logMarginal(ModelEvaluator[] evaluators, Workspace workspace);

    /**
     * As {@link #logMarginal}, and adds to the evaluators' adjoints the seeds whose reverse sweeps give
     * its gradient.
     *
     * @param evaluators modified: adjoints added (call {@code clearAdjoints} first)
     */
    double logMarginalGradient(ModelEvaluator[] evaluators, Workspace workspace);

    /**
     * An exact draw of the parameter's members from their conditional posterior given the rest of the
     * point of the last forward sweeps, on the constrained scale.
     *
     * @param evaluators not modified
     * @param values modified: one value per member of {@link #parameter()}
     */
    void draw(ModelEvaluator[] evaluators, Workspace workspace, RandomGenerator random, double[] values);

    /**
     * The parameter's conditional posterior mean given the rest of the point of the last forward sweeps,
     * on the constrained scale: with it in place, every output affine in the parameter takes its own
     * conditional mean (the Rao–Blackwellized value of that draw).
     *
     * @param evaluators not modified
     * @param values modified: one value per member of {@link #parameter()}
     */
    void conditionalMean(ModelEvaluator[] evaluators, Workspace workspace, double[] values);
}
