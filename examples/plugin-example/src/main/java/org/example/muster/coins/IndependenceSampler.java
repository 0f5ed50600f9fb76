package org.example.muster.coins;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.muster.core.api.LogDensity;
import org.muster.core.api.Model;
import org.muster.core.spi.ChainTarget;
import org.muster.core.spi.MarkovChain;
import org.muster.core.spi.MarkovChainMethod;
import org.muster.core.spi.RunConfig;

/**
 * Independence Metropolis–Hastings (Tierney 1994) on the unconstrained space: every proposal is drawn
 * from one normal distribution with independent coordinates, whatever the current state. In warmup the
 * proposal starts as N(0, 2²) and, at the end of warmup, is refitted to the mean and the standard
 * deviation of the warmup states, widened by {@code scale} so its tails cover the target's; it is fixed
 * while drawing, so the kept draws are a valid Markov chain. Suits small, roughly normal posteriors
 * (a handful of parameters), like the coin-flips model.
 *
 * <p>As a {@link MarkovChainMethod}, the sampler says only what one chain does; Muster's chain runner
 * does the rest (initial points, the iterations, draws, listener calls, timing, cancellation, the
 * executor), as for the built-in samplers.
 */
final class IndependenceSampler implements MarkovChainMethod {

    private static final double INITIAL_PROPOSAL_SD = 2.0;
    /** Fewer warmup states than this give no spread to refit the proposal to. */
    private static final int MINIMUM_WARMUP = 10;

    private final double scale;

    IndependenceSampler(double scale) {
        this.scale = scale;
    }

    @Override
    public String id() {
        return IndependenceSamplerProvider.ID;
    }

    @Override
    public Map<String, String> settings(Model model, RunConfig config) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("algorithm", "independence_mh");
        settings.put("scale", Double.toString(scale));
        return settings;
    }

    @Override
    public boolean usesGradient() {
        return false;
    }

    @Override
    public MarkovChain newChain(ChainTarget target, RandomGenerator random, double[] initialPoint, RunConfig config) {
        return new Chain(target.evaluator(), random, initialPoint);
    }

    /** One chain's state and its preallocated buffers. */
    private final class Chain implements MarkovChain {
        private final LogDensity target;
        private final RandomGenerator random;
        private final double[] position;
        private final double[] proposal;
        private final double[] proposalMean;
        private final double[] proposalSd;
        private final double[] warmupMean;
        private final double[] warmupSquares;
        private int warmupStates;
        private double logDensity;
        private double logProposalDensity;
        private double lastAccept;
        private long evaluations;

        /** @param initialPoint kept: the chain's position from now on */
        Chain(LogDensity target, RandomGenerator random, double[] initialPoint) {
            this.target = target;
            this.random = random;
            int d = initialPoint.length;
            position = initialPoint;
            proposal = new double[d];
            proposalMean = new double[d];
            proposalSd = new double[d];
            warmupMean = new double[d];
            warmupSquares = new double[d];
            java.util.Arrays.fill(proposalSd, INITIAL_PROPOSAL_SD);
            logDensity = target.logDensity(position);
            evaluations = 1;
            logProposalDensity = logProposal(position);
        }

        @Override
        public List<String> statisticNames() {
            return List.of("accept_stat__");
        }

        /** One Metropolis–Hastings step; in warmup, the state joins the proposal's estimate. */
        @Override
        public void iterate(boolean warmup) {
            for (int i = 0; i < proposal.length; i++) {
                proposal[i] = proposalMean[i] + proposalSd[i] * random.nextGaussian();
            }
            double proposedLogDensity = target.logDensity(proposal);
            evaluations++;
            double proposedLogProposal = logProposal(proposal);
            // The proposal does not depend on the state, so its density enters the ratio reversed.
            double logRatio = proposedLogDensity - logDensity + logProposalDensity - proposedLogProposal;
            lastAccept = Double.isNaN(logRatio) ? 0 : Math.min(1, Math.exp(logRatio));
            if (random.nextDouble() < lastAccept) {
                System.arraycopy(proposal, 0, position, 0, position.length);
                logDensity = proposedLogDensity;
                logProposalDensity = proposedLogProposal;
            }
            if (warmup) {
                accumulate();
            }
        }

        /** Welford's running mean and sum of squared deviations of the warmup states. */
        private void accumulate() {
            int n = ++warmupStates;
            for (int i = 0; i < position.length; i++) {
                double delta = position[i] - warmupMean[i];
                warmupMean[i] += delta / n;
                warmupSquares[i] += delta * (position[i] - warmupMean[i]);
            }
        }

        /** Refits the proposal to the warmup states; it stays fixed while drawing. */
        @Override
        public void endWarmup() {
            if (warmupStates < MINIMUM_WARMUP) {
                return;
            }
            for (int i = 0; i < position.length; i++) {
                double sd = Math.sqrt(warmupSquares[i] / (warmupStates - 1));
                if (sd > 0 && Double.isFinite(sd)) {
                    proposalMean[i] = warmupMean[i];
                    proposalSd[i] = scale * sd;
                }
            }
            logProposalDensity = logProposal(position);
        }

        /** Log density of the proposal at x, up to a constant. */
        private double logProposal(double[] x) {
            double sum = 0;
            for (int i = 0; i < x.length; i++) {
                double z = (x[i] - proposalMean[i]) / proposalSd[i];
                sum += -0.5 * z * z - Math.log(proposalSd[i]);
            }
            return sum;
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
            out[0] = lastAccept;
        }

        @Override
        public long densityEvaluations() {
            return evaluations;
        }
    }
}
