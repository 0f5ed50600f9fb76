package org.muster.core.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.random.RandomGenerator;
import org.muster.core.api.ChainReport;
import org.muster.core.api.CompiledModel;
import org.muster.core.api.Draws;
import org.muster.core.api.Model;
import org.muster.core.api.ModelEvaluator;
import org.muster.core.api.NodeKind;
import org.muster.core.api.PosteriorDraws;
import org.muster.core.api.RandomStreams;

/**
 * Runs the independent chains of a {@link MarkovChainMethod}, the one loop every sampler shares:
 * initialization, warmup, sampling, the draws and statistics, listener calls, timing and cancellation,
 * on the configured executor. Chain {@code c} always uses random stream {@code c}, so the draws depend on
 * the seed only, not on the number of threads. {@link MarkovChainMethod#fit} calls it; a method that
 * overrides {@code fit} (to check the model first, say) calls it too.
 */
public final class ChainRunner {

    private static final int INIT_ATTEMPTS = 100;
    private static final double INIT_RADIUS = 2.0;

    private ChainRunner() {
    }

    /**
     * Runs the method's chains on the model.
     *
     * <p>In order: the model is refused if it has discrete parameters and the method does not update
     * them; the method's settings are read; each chain gets its evaluator, its initial point (Stan's rule:
     * the chain's initial values from {@link RunConfig#initialValues(int)}, uniform(-2, 2) on the
     * unconstrained scale for the rest, whole values for discrete parameters, up to 100 attempts where
     * the density or, for gradient methods, its gradient is not finite) and its {@link MarkovChain}; the
     * listener's {@link FitListener#onStart} follows; then the chains run, each on the executor if there
     * is one, else one after another on this thread. A cancelled run returns the chains that give the most
     * draws in all, each cut to the shortest kept one (see {@link #keptChains}).
     *
     * @throws IllegalArgumentException if the model does not suit the method, or no chain can start
     */
    public static PosteriorDraws run(MarkovChainMethod method, Model model, RunConfig config, FitListener listener) {
        String methodId = method.id();
        if (!method.updatesDiscreteParameters()) {
            model.requireNoDiscreteParameters(methodId);
        }
        Map<String, String> settings = method.settings(model, config);
        boolean usesGradient = method.usesGradient();
        CompiledModel compiled = model.compile();
        List<RandomGenerator> streams = RandomStreams.split(config.seed(), config.chains());
        int chains = config.chains();
        List<String> statisticNames = new ArrayList<>();
        statisticNames.add("lp__");
        Draws.Builder draws = Draws.builder(compiled.outputNames(), chains, config.draws(), config.storage());
        ChainReport[] reports = new ChainReport[chains];
        AtomicBoolean cancelled = new AtomicBoolean();
        List<CompletableFuture<Void>> futures = new ArrayList<>();
        // Samplers are created up front on this thread so the statistics' names are known before any chain runs.
        List<MarkovChain> samplers = new ArrayList<>();
        List<ModelEvaluator> evaluators = new ArrayList<>();
        for (int c = 0; c < chains; c++) {
            ModelEvaluator evaluator = compiled.newEvaluator();
            double[] init = initialPoint(compiled, evaluator, config, streams.get(c), c, usesGradient);
            samplers.add(method.newChain(new ChainTarget(c, compiled, evaluator), streams.get(c), init, config));
            evaluators.add(evaluator);
        }
        statisticNames.addAll(samplers.get(0).statisticNames());
        Draws.Builder statistics = Draws.builder(statisticNames, chains, config.draws(), config.storage());
        listener.onStart(new SamplingStart(methodId, settings, compiled.outputNames(), statisticNames, chains,
                config.warmup(), config.draws()));
        for (int c = 0; c < chains; c++) {
            int chain = c;
            Runnable task = () -> {
                if (runChain(chain, samplers.get(chain), evaluators.get(chain), config, listener, draws, statistics,
                        reports)) {
                    cancelled.set(true);
                }
            };
            futures.add(config.executor().map(e -> CompletableFuture.runAsync(task, e))
                    .orElseGet(() -> {
                        task.run();
                        return CompletableFuture.completedFuture(null);
                    }));
        }
        try {
            CompletableFuture.allOf(futures.toArray(new CompletableFuture[0])).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
        int[] kept = cancelled.get() ? keptChains(draws, chains) : allChains(chains);
        List<ChainReport> chainReports = new ArrayList<>();
        for (int c : kept) {
            chainReports.add(reports[c]);
        }
        return new PosteriorDraws(methodId, draws.build(kept), statistics.build(kept), chainReports, cancelled.get(),
                settings);
    }

    private static int[] allChains(int chains) {
        int[] all = new int[chains];
        for (int c = 0; c < chains; c++) {
            all[c] = c;
        }
        return all;
    }

    /**
     * The chains a cancelled run returns: chains must have equal lengths, so each is cut to the shortest
     * kept one, and the chains kept are those that give the most draws in all (k chains times the k-th
     * longest length; more chains on a tie). With more chains than threads, chains still queued when the
     * run stopped have no draws and would otherwise cut every chain to nothing.
     */
    static int[] keptChains(Draws.Builder draws, int chains) {
        Integer[] order = new Integer[chains];
        for (int c = 0; c < chains; c++) {
            order[c] = c;
        }
        java.util.Arrays.sort(order, (a, b) -> Integer.compare(draws.filled(b), draws.filled(a)));
        int best = 1;
        for (int k = 1; k <= chains; k++) {
            if ((long) k * draws.filled(order[k - 1]) >= (long) best * draws.filled(order[best - 1])) {
                best = k;
            }
        }
        int[] kept = new int[best];
        for (int k = 0; k < best; k++) {
            kept[k] = order[k];
        }
        java.util.Arrays.sort(kept);
        return kept;
    }

    private static boolean runChain(int chain, MarkovChain sampler, ModelEvaluator evaluator, RunConfig config,
            FitListener listener, Draws.Builder draws, Draws.Builder statistics, ChainReport[] reports) {
        int total = config.warmup() + config.draws();
        double[] row = new double[evaluator.outputSize()];
        double[] stats = new double[sampler.statisticNames().size() + 1];
        double[] statsTail = new double[sampler.statisticNames().size()];
        long start = System.nanoTime();
        long warmupEnd = start;
        boolean stopped = false;
        if (config.warmup() == 0) {
            sampler.endWarmup();
            listener.onWarmupEnd(chain, sampler.adaptation());
        }
        for (int i = 0; i < total; i++) {
            if (listener.isCancelled()) {
                stopped = true;
                break;
            }
            boolean warmup = i < config.warmup();
            sampler.iterate(warmup);
            // Warmup iterations are evaluated too, so listeners see every iteration (progress, divergences).
            evaluator.outputs(sampler.position(), row);
            sampler.statistics(statsTail);
            stats[0] = sampler.logDensity();
            System.arraycopy(statsTail, 0, stats, 1, statsTail.length);
            if (!warmup) {
                int d = i - config.warmup();
                draws.set(chain, d, row);
                statistics.set(chain, d, stats);
            }
            listener.onDraw(chain, i + 1, warmup, row, stats);
            if (warmup && i == config.warmup() - 1) {
                sampler.endWarmup();
                warmupEnd = System.nanoTime();
                listener.onWarmupEnd(chain, sampler.adaptation());
            }
            listener.onIteration(chain, i + 1, total, warmup);
        }
        if (config.warmup() == 0) {
            warmupEnd = start;
        }
        long end = System.nanoTime();
        reports[chain] = new ChainReport(chain + 1, (warmupEnd - start) * 1e-9, (end - warmupEnd) * 1e-9,
                sampler.densityEvaluations(), sampler.adaptation());
        listener.onChainEnd(chain, reports[chain]);
        return stopped;
    }

    private static double[] initialPoint(CompiledModel compiled, ModelEvaluator evaluator, RunConfig config,
            RandomGenerator random, int chain, boolean usesGradient) {
        Map<String, double[]> given = config.initialValues(chain);
        double[] x = new double[compiled.dimension()];
        double[] gradient = new double[compiled.dimension()];
        boolean complete = !given.isEmpty() && isComplete(compiled, given);
        String culprit = null;
        // Stan's rule: uniform(-2, 2) on the unconstrained scale for whatever the user did not give, retried
        // where the density (or its gradient) is not finite.
        for (int attempt = 0; attempt < (complete ? 1 : INIT_ATTEMPTS); attempt++) {
            for (int i = 0; i < x.length; i++) {
                x[i] = random.nextDouble(-INIT_RADIUS, INIT_RADIUS);
            }
            initializeDiscrete(compiled, random, x);
            compiled.unconstrainInto(given, x);
            culprit = nonFinite(compiled, evaluator, x, gradient, usesGradient);
            if (culprit == null) {
                return x;
            }
        }
        if (complete) {
            throw new IllegalArgumentException("chain " + (chain + 1) + ": the initial values give a non-finite "
                    + culprit);
        }
        throw new IllegalArgumentException("chain " + (chain + 1) + ": no initial point with a finite log density"
                + (usesGradient ? " and gradient" : "") + " in " + INIT_ATTEMPTS + " attempts (uniform(-2, 2) on the "
                + "unconstrained scale" + (given.isEmpty() ? "" : " for the parameters without initial values")
                + "); the last attempt had a non-finite " + culprit
                + ". Supply initial values or check the model's data and priors");
    }

    /**
     * Discrete parameters start at whole values: a uniformly drawn label 1..K for a categorical, 0 or 1
     * for a Bernoulli, 0 for a count.
     *
     * @param x modified: the discrete parameters' coordinates
     */
    private static void initializeDiscrete(CompiledModel compiled, RandomGenerator random, double[] x) {
        for (var node : compiled.model().discreteParameters()) {
            var block = compiled.unconstrainedBlock(node);
            var support = node.distribution().orElseThrow().support();
            for (int i = 0; i < block.size(); i++) {
                x[block.offset() + i] = switch (support) {
                    case CATEGORY -> 1 + random.nextInt(node.inputs().get(0).size());
                    case BINARY -> random.nextInt(2);
                    default -> 0;
                };
            }
        }
    }

    private static boolean isComplete(CompiledModel compiled, Map<String, double[]> given) {
        return compiled.model().nodes().stream()
                .filter(n -> n.kind() == NodeKind.PARAMETER)
                .allMatch(n -> given.containsKey(n.name()));
    }

    /** Null when the log density (and, if asked, its gradient) is finite at x; else what is not. */
    private static String nonFinite(CompiledModel compiled, ModelEvaluator evaluator, double[] x, double[] gradient, boolean usesGradient) {
        double lp = usesGradient ? evaluator.logDensityGradient(x, gradient) : evaluator.logDensity(x);
        if (!Double.isFinite(lp)) {
            return "log density (" + lp + "); the first non-finite term is '" + evaluator.firstNonFiniteTerm(x) + "'";
        }
        if (usesGradient) {
            for (int i = 0; i < gradient.length; i++) {
                if (!Double.isFinite(gradient[i])) {
                    return "gradient with respect to '" + compiled.unconstrainedNames().get(i) + "'";
                }
            }
        }
        return null;
    }
}
