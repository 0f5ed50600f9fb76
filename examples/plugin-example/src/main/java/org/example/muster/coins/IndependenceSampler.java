package org.example.muster.coins;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.muster.core.api.ChainReport;
import org.muster.core.api.CompiledModel;
import org.muster.core.api.Draws;
import org.muster.core.api.Model;
import org.muster.core.api.ModelEvaluator;
import org.muster.core.api.PosteriorDraws;
import org.muster.core.api.RandomStreams;
import org.muster.core.spi.FitListener;
import org.muster.core.spi.InferenceMethod;
import org.muster.core.spi.RunConfig;
import org.muster.core.spi.SamplingStart;

/**
 * Independence Metropolis–Hastings (Tierney 1994) on the unconstrained space: every proposal is drawn
 * from one normal distribution with independent coordinates, whatever the current state. In warmup the
 * proposal starts as N(0, 2²) and, at the end of warmup, is refitted to the mean and the standard
 * deviation of the warmup states, widened by {@code scale} so its tails cover the target's; it is fixed
 * while drawing, so the kept draws are a valid Markov chain. Suits small, roughly normal posteriors
 * (a handful of parameters), like the coin-flips model. Chains run one after the other on the calling
 * thread.
 */
final class IndependenceSampler implements InferenceMethod {

    private static final int INIT_ATTEMPTS = 100;
    private static final double INITIAL_PROPOSAL_SD = 2.0;

    private final double scale;

    IndependenceSampler(double scale) {
        this.scale = scale;
    }

    @Override
    public PosteriorDraws fit(Model model, RunConfig config, FitListener listener) {
        CompiledModel compiled = model.compile();
        List<RandomGenerator> streams = RandomStreams.split(config.seed(), config.chains());
        Draws.Builder draws = Draws.builder(compiled.outputNames(), config.chains(), config.draws());
        List<String> statisticNames = List.of("lp__", "accept_stat__");
        Draws.Builder statistics = Draws.builder(statisticNames, config.chains(), config.draws());
        // what the application needs before the first draw: the output's layout (CSV headers, progress)
        listener.onStart(new SamplingStart(IndependenceSamplerProvider.ID, settings(), compiled.outputNames(),
                statisticNames, config.chains(), config.warmup(), config.draws()));
        List<ChainReport> reports = new ArrayList<>();
        boolean cancelled = false;
        for (int chain = 0; chain < config.chains() && !cancelled; chain++) {
            Chain run = new Chain(compiled.newEvaluator(), streams.get(chain), compiled, config);
            cancelled = run.run(chain, config, listener, draws, statistics);
            ChainReport report = run.report(chain);
            reports.add(report);
            listener.onChainEnd(chain, report);
        }
        // A cancelled run keeps what it has: Draws.Builder cuts every chain to the shortest one's length.
        return new PosteriorDraws(IndependenceSamplerProvider.ID, draws.build(), statistics.build(), reports, cancelled,
                settings());
    }

    private Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("algorithm", "independence_mh");
        settings.put("scale", Double.toString(scale));
        return settings;
    }

    /** One chain's state and its preallocated buffers. */
    private final class Chain {
        private final ModelEvaluator target;
        private final RandomGenerator random;
        private final double[] position;
        private final double[] proposal;
        private final double[] proposalMean;
        private final double[] proposalSd;
        private final double[] warmupMean;
        private final double[] warmupSquares;
        private final double[] row;
        private final double[] stats = new double[2];
        private double logDensity;
        private double logProposalDensity;
        private long evaluations;
        private double warmupSeconds;
        private double samplingSeconds;

        Chain(ModelEvaluator target, RandomGenerator random, CompiledModel compiled, RunConfig config) {
            this.target = target;
            this.random = random;
            int d = compiled.dimension();
            position = new double[d];
            proposal = new double[d];
            proposalMean = new double[d];
            proposalSd = new double[d];
            warmupMean = new double[d];
            warmupSquares = new double[d];
            row = new double[target.outputSize()];
            java.util.Arrays.fill(proposalSd, INITIAL_PROPOSAL_SD);
            initialize(compiled, config.initialValues());
        }

        /** Stan's rule: uniform(-2, 2) on the unconstrained scale for what the user did not give. */
        private void initialize(CompiledModel compiled, Map<String, double[]> given) {
            for (int attempt = 0; attempt < INIT_ATTEMPTS; attempt++) {
                for (int i = 0; i < position.length; i++) {
                    position[i] = random.nextDouble(-2, 2);
                }
                compiled.unconstrainInto(given, position);
                logDensity = target.logDensity(position);
                evaluations++;
                if (Double.isFinite(logDensity)) {
                    logProposalDensity = logProposal(position);
                    return;
                }
            }
            throw new IllegalArgumentException("method " + IndependenceSamplerProvider.ID
                    + ": no initial point with a finite log density in " + INIT_ATTEMPTS + " attempts");
        }

        /** Runs warmup and sampling; returns whether the listener cancelled. */
        boolean run(int chain, RunConfig config, FitListener listener, Draws.Builder draws, Draws.Builder statistics) {
            int total = config.warmup() + config.draws();
            long start = System.nanoTime();
            long warmupEnd = start;
            if (config.warmup() == 0) {
                listener.onWarmupEnd(chain, Optional.empty());
            }
            for (int i = 0; i < total; i++) {
                if (listener.isCancelled()) {
                    samplingSeconds = (System.nanoTime() - warmupEnd) * 1e-9;
                    return true;
                }
                boolean warmup = i < config.warmup();
                double accept = step();
                target.outputs(position, row);
                stats[0] = logDensity;
                stats[1] = accept;
                if (!warmup) {
                    int d = i - config.warmup();
                    draws.set(chain, d, row);
                    statistics.set(chain, d, stats);
                }
                // every iteration's values, warmup included: the application streams them to the CSV files
                listener.onDraw(chain, i + 1, warmup, row, stats);
                listener.onIteration(chain, i + 1, total, warmup);
                if (warmup) {
                    accumulate(i);
                    if (i == config.warmup() - 1) {
                        refitProposal(config.warmup());
                        warmupEnd = System.nanoTime();
                        warmupSeconds = (warmupEnd - start) * 1e-9;
                        listener.onWarmupEnd(chain, Optional.empty());
                    }
                }
            }
            samplingSeconds = (System.nanoTime() - warmupEnd) * 1e-9;
            return false;
        }

        /** One Metropolis–Hastings step; returns the acceptance probability. */
        private double step() {
            for (int i = 0; i < proposal.length; i++) {
                proposal[i] = proposalMean[i] + proposalSd[i] * random.nextGaussian();
            }
            double proposedLogDensity = target.logDensity(proposal);
            evaluations++;
            double proposedLogProposal = logProposal(proposal);
            // The proposal does not depend on the state, so its density enters the ratio reversed.
            double logRatio = proposedLogDensity - logDensity + logProposalDensity - proposedLogProposal;
            double accept = Double.isNaN(logRatio) ? 0 : Math.min(1, Math.exp(logRatio));
            if (random.nextDouble() < accept) {
                System.arraycopy(proposal, 0, position, 0, position.length);
                logDensity = proposedLogDensity;
                logProposalDensity = proposedLogProposal;
            }
            return accept;
        }

        /** Welford's running mean and sum of squared deviations of the warmup states. */
        private void accumulate(int iteration) {
            int n = iteration + 1;
            for (int i = 0; i < position.length; i++) {
                double delta = position[i] - warmupMean[i];
                warmupMean[i] += delta / n;
                warmupSquares[i] += delta * (position[i] - warmupMean[i]);
            }
        }

        private void refitProposal(int warmupIterations) {
            if (warmupIterations < 10) {
                return; // too few states to estimate a spread
            }
            for (int i = 0; i < position.length; i++) {
                double sd = Math.sqrt(warmupSquares[i] / (warmupIterations - 1));
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

        ChainReport report(int chain) {
            return new ChainReport(chain + 1, warmupSeconds, samplingSeconds, evaluations);
        }
    }
}
