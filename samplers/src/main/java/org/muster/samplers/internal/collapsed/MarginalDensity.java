package org.muster.samplers.internal.collapsed;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.muster.core.api.CompiledModel;
import org.muster.core.api.LogDensity;
import org.muster.core.api.ModelEvaluator;
import org.muster.core.api.Node;
import org.muster.core.api.UnconstrainedBlock;
import org.muster.core.api.conjugate.CollapsibleLayer;

/**
 * The marginal posterior of the parameters that collapsible layers leave, log p(phi | y) up to a
 * constant, on their unconstrained coordinates: the model's log density without the layers' priors and
 * likelihoods, plus each layer's log marginal likelihood, with its gradient by reverse sweeps the layers
 * seed (see {@link CollapsibleLayer} for the protocol; independent layers share the evaluators, each at
 * its own pattern). It also completes a point of phi into a point of the whole model by an exact draw of
 * the layers (or their conditional means). Allocates nothing per evaluation; not thread-safe, one per chain.
 */
final class MarginalDensity implements LogDensity {

    private final List<CollapsibleLayer> layers;
    private final UnconstrainedBlock[] blocks;
    private final int[] free;
    private final ModelEvaluator[] evaluators;
    private final CollapsibleLayer.Workspace[] workspaces;
    /** One full unconstrained point per evaluator: the layers at their base or pattern, phi as last given. */
    private final double[][] points;
    private final double[][] gradients;
    private final double[][] layerValues;
    private long sweeps;

    /** @param free the coordinates of the model's unconstrained space that phi consists of, in order */
    MarginalDensity(CompiledModel compiled, List<CollapsibleLayer> layers, int[] free) {
        this.layers = List.copyOf(layers);
        this.free = free.clone();
        int count = 1;
        List<Node> leftOut = new ArrayList<>();
        for (CollapsibleLayer layer : layers) {
            count = Math.max(count, 1 + layer.patterns());
            leftOut.add(layer.parameter());
            leftOut.add(layer.child());
        }
        this.evaluators = new ModelEvaluator[count];
        this.points = new double[count][compiled.dimension()];
        this.gradients = new double[count][compiled.dimension()];
        for (int p = 0; p < count; p++) {
            evaluators[p] = compiled.newEvaluator(leftOut);
            for (CollapsibleLayer layer : layers) {
                layer.setPattern(points[p], p - 1 < layer.patterns() ? p - 1 : -1);
            }
        }
        this.blocks = new UnconstrainedBlock[layers.size()];
        this.workspaces = new CollapsibleLayer.Workspace[layers.size()];
        this.layerValues = new double[layers.size()][];
        for (int l = 0; l < layers.size(); l++) {
            blocks[l] = compiled.unconstrainedBlock(layers.get(l).parameter());
            workspaces[l] = layers.get(l).newWorkspace();
            layerValues[l] = new double[layers.get(l).parameter().size()];
        }
    }

    /** The unconstrained coordinates of the model other than the layers', in order. */
    static int[] freeCoordinates(CompiledModel compiled, List<CollapsibleLayer> layers) {
        boolean[] layer = new boolean[compiled.dimension()];
        for (CollapsibleLayer l : layers) {
            UnconstrainedBlock block = compiled.unconstrainedBlock(l.parameter());
            java.util.Arrays.fill(layer, block.offset(), block.offset() + block.size(), true);
        }
        return java.util.stream.IntStream.range(0, compiled.dimension()).filter(i -> !layer[i]).toArray();
    }

    @Override
    public int dimension() {
        return free.length;
    }

    /** Program sweeps so far, forward and reverse, over all evaluators. */
    long sweeps() {
        return sweeps;
    }

    /** Forward sweeps at phi: the base evaluator with its density, the patterns' values only. */
    private double forward(double[] x) {
        for (double[] point : points) {
            for (int k = 0; k < free.length; k++) {
                point[free[k]] = x[k];
            }
        }
        double lp = evaluators[0].logDensity(points[0]);
        for (int p = 1; p < evaluators.length; p++) {
            evaluators[p].computeValues(points[p]);
        }
        sweeps += evaluators.length;
        return lp;
    }

    @Override
    public double logDensity(double[] x) {
        double value = forward(x);
        if (!(value > Double.NEGATIVE_INFINITY)) {
            return Double.NEGATIVE_INFINITY;
        }
        for (int l = 0; l < layers.size(); l++) {
            value += layers.get(l).logMarginal(evaluators, workspaces[l]);
        }
        return value == value ? value : Double.NEGATIVE_INFINITY;
    }

    @Override
    public double logDensityGradient(double[] x, double[] gradient) {
        double value = forward(x);
        if (!(value > Double.NEGATIVE_INFINITY)) {
            java.util.Arrays.fill(gradient, 0, free.length, Double.NaN);
            return Double.NEGATIVE_INFINITY;
        }
        for (ModelEvaluator evaluator : evaluators) {
            evaluator.clearAdjoints();
        }
        for (int l = 0; l < layers.size(); l++) {
            value += layers.get(l).logMarginalGradient(evaluators, workspaces[l]);
        }
        for (int p = 0; p < evaluators.length; p++) {
            evaluators[p].reverse(p == 0, gradients[p]);
        }
        sweeps += evaluators.length;
        for (int k = 0; k < free.length; k++) {
            double sum = 0;
            for (double[] g : gradients) {
                sum += g[free[k]];
            }
            gradient[k] = sum;
        }
        return value == value ? value : Double.NEGATIVE_INFINITY;
    }

    /**
     * A point of the whole model at phi with the layers drawn exactly from their conditional posteriors,
     * and, if asked, the point with the layers at their conditional posterior means instead (one forward
     * sweep serves both).
     *
     * @param x not modified: phi
     * @param out modified: the full unconstrained point
     * @param mean modified unless null: the full point at the conditional means
     */
    void draw(double[] x, RandomGenerator random, double[] out, double[] mean) {
        for (double[] point : points) {
            for (int k = 0; k < free.length; k++) {
                point[free[k]] = x[k];
            }
        }
        for (int p = 0; p < evaluators.length; p++) {
            evaluators[p].computeValues(points[p]);
        }
        sweeps += evaluators.length;
        for (int l = 0; l < layers.size(); l++) {
            layers.get(l).draw(evaluators, workspaces[l], random, layerValues[l]);
        }
        complete(x, out);
        if (mean != null) {
            for (int l = 0; l < layers.size(); l++) {
                layers.get(l).conditionalMean(evaluators, workspaces[l], layerValues[l]);
            }
            complete(x, mean);
        }
    }

    private void complete(double[] x, double[] out) {
        for (int k = 0; k < free.length; k++) {
            out[free[k]] = x[k];
        }
        for (int l = 0; l < layers.size(); l++) {
            blocks[l].transform().unconstrain(layerValues[l], 0, out, blocks[l].offset(), layerValues[l].length);
        }
    }
}
