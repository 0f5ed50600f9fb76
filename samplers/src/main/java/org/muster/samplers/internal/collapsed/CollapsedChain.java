package org.muster.samplers.internal.collapsed;

import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.muster.core.api.ChainReport;
import org.muster.core.api.Draws;
import org.muster.core.api.ModelEvaluator;
import org.muster.core.spi.MarkovChain;

/**
 * One chain of collapsed inference: a NUTS chain on the marginal posterior of the hyperparameters,
 * after each transition completed into a point of the whole model by an exact draw of the unit layer
 * from its conditional, with the chain's own random stream (BDA3 §5.3: p(phi, theta | y) = p(phi | y)
 * p(theta | phi, y)). The point's log density ({@code lp__}) is the whole model's, as {@code nuts}
 * reports it; the sampler statistics are the NUTS chain's on the marginal. In sampling it also records,
 * per draw, the outputs that are affine in the layer evaluated at the layer's conditional mean: their
 * average over draws is the Rao–Blackwellized estimate of their posterior means. When the layers leave
 * no parameter, every draw is exact and independent, with an {@code accept_stat__} of 1.
 */
final class CollapsedChain implements MarkovChain {

    private final MarkovChain hyperparameters;
    private final MarginalDensity marginal;
    private final ModelEvaluator target;
    private final RandomGenerator random;
    private final double[] position;
    private final double[] mean;
    private final double[] outputs;
    private final int[] conditionalOutputs;
    private final double[] conditionalRow;
    private final Draws.Builder conditionalMeans;
    private final int chain;
    private final double[] phi;
    private double logDensity;
    private int sampled;
    private long evaluations;

    /**
     * @param target the whole model's evaluator, for the log density and outputs of the completed point
     * @param initialPoint not modified: a point of the whole model
     * @param conditionalOutputs indices into the model's outputs of those recorded at the conditional mean
     * @param conditionalMeans modified: this chain's rows, one per sampling iteration
     */
    CollapsedChain(NutsFactory nuts, MarginalDensity marginal, ModelEvaluator target, RandomGenerator random,
            double[] initialPoint, int[] free, int[] conditionalOutputs, Draws.Builder conditionalMeans, int chain) {
        this.marginal = marginal;
        this.target = target;
        this.random = random;
        this.phi = new double[free.length];
        for (int k = 0; k < free.length; k++) {
            phi[k] = initialPoint[free[k]];
        }
        this.hyperparameters = free.length == 0 ? null : nuts.create(marginal, random, phi);
        this.position = initialPoint.clone();
        this.mean = initialPoint.clone();
        this.outputs = new double[target.outputSize()];
        this.conditionalOutputs = conditionalOutputs.clone();
        this.conditionalRow = new double[conditionalOutputs.length];
        this.conditionalMeans = conditionalMeans;
        this.chain = chain;
        this.logDensity = target.logDensity(position);
        this.evaluations = 1;
    }

    /** Creates the NUTS chain on the marginal density. */
    @FunctionalInterface
    interface NutsFactory {
        MarkovChain create(MarginalDensity marginal, RandomGenerator random, double[] initialPoint);
    }

    @Override
    public List<String> statisticNames() {
        return hyperparameters == null ? List.of("accept_stat__") : hyperparameters.statisticNames();
    }

    @Override
    public void iterate(boolean warmup) {
        double[] at = phi;
        if (hyperparameters != null) {
            hyperparameters.iterate(warmup);
            at = hyperparameters.position();
        }
        boolean record = !warmup && conditionalOutputs.length > 0;
        marginal.draw(at, random, position, record ? mean : null);
        logDensity = target.logDensity(position);
        evaluations++;
        if (record) {
            target.outputs(mean, outputs);
            evaluations++;
            for (int k = 0; k < conditionalOutputs.length; k++) {
                conditionalRow[k] = outputs[conditionalOutputs[k]];
            }
            conditionalMeans.set(chain, sampled++, conditionalRow);
        }
    }

    @Override
    public double[] position() {
        return position;
    }

    @Override
    public double logDensity() {
        return logDensity;
    }

    @Override
    public void statistics(double[] out) {
        if (hyperparameters == null) {
            out[0] = 1;
        } else {
            hyperparameters.statistics(out);
        }
    }

    /** Program sweeps of the marginal (NUTS's and the draws'), and evaluations of the whole model. */
    @Override
    public long densityEvaluations() {
        return marginal.sweeps() + evaluations;
    }

    @Override
    public void endWarmup() {
        if (hyperparameters != null) {
            hyperparameters.endWarmup();
        }
    }

    @Override
    public Optional<ChainReport.Adaptation> adaptation() {
        return hyperparameters == null ? Optional.empty() : hyperparameters.adaptation();
    }
}
