package org.muster.samplers.internal.mh;

import java.util.List;
import java.util.random.RandomGenerator;
import org.muster.core.api.LogDensity;
import org.muster.samplers.internal.chains.ChainSampler;

/**
 * Random-walk Metropolis on the unconstrained space (Metropolis et al. 1953): propose
 * {@code x' = x + scale · w ∘ z} with z standard normal, accept with probability
 * {@code min(1, p(x') / p(x))}. The symmetric proposal keeps detailed balance; the scale and widths
 * are tuned only during warmup, so the sampling phase is a fixed, valid kernel.
 */
final class MetropolisChain implements ChainSampler {

    private static final List<String> STATISTICS = List.of("accept_stat__", "stepsize__");

    private final LogDensity target;
    private final RandomGenerator random;
    private final ProposalAdaptation adaptation;
    private double[] position;
    private double[] proposal;
    private double logDensity;
    private double lastAcceptProbability;
    private int warmupIteration;
    private long evaluations;

    MetropolisChain(LogDensity target, RandomGenerator random, double[] initialPoint, int warmup,
            double targetAcceptance) {
        this.target = target;
        this.random = random;
        this.position = initialPoint.clone();
        this.proposal = new double[initialPoint.length];
        this.logDensity = target.logDensity(position);
        this.evaluations = 1;
        double acceptance = targetAcceptance > 0 ? targetAcceptance : (initialPoint.length == 1 ? 0.44 : 0.234);
        this.adaptation = new ProposalAdaptation(initialPoint.length, warmup, acceptance);
    }

    @Override
    public List<String> statisticNames() {
        return STATISTICS;
    }

    @Override
    public void iterate(boolean warmup) {
        double scale = adaptation.scale();
        double[] widths = adaptation.widths();
        for (int i = 0; i < position.length; i++) {
            proposal[i] = position[i] + scale * widths[i] * random.nextGaussian();
        }
        double proposed = target.logDensity(proposal);
        evaluations++;
        double logRatio = proposed - logDensity;
        // A NaN or -inf proposal density is a rejection, never an acceptance.
        double acceptProbability = logRatio >= 0 ? 1.0 : (logRatio > Double.NEGATIVE_INFINITY ? Math.exp(logRatio) : 0.0);
        if (random.nextDouble() < acceptProbability) {
            double[] swap = position;
            position = proposal;
            proposal = swap;
            logDensity = proposed;
        }
        lastAcceptProbability = acceptProbability;
        if (warmup) {
            adaptation.update(warmupIteration++, acceptProbability, position);
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
        out[0] = lastAcceptProbability;
        out[1] = adaptation.scale();
    }

    @Override
    public long densityEvaluations() {
        return evaluations;
    }
}
