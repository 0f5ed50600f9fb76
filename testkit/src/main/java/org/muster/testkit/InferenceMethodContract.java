package org.muster.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.muster.core.api.Distributions.gamma;
import static org.muster.core.api.Distributions.normal;
import static org.muster.core.api.Distributions.poisson;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.muster.core.api.Draws;
import org.muster.core.api.Model;
import org.muster.core.api.ModelBuilder;
import org.muster.core.api.Node;
import org.muster.core.api.PosteriorDraws;
import org.muster.core.spi.FitListener;
import org.muster.core.spi.InferenceMethodProvider;
import org.muster.core.spi.MethodOptions;
import org.muster.core.spi.RunConfig;
import org.muster.core.spi.SamplingStart;

/**
 * The contract every MCMC inference method meets: it recovers closed-form posteriors within Monte
 * Carlo error, the seed alone fixes the draws whatever the executor, a cancelled run returns what it
 * has (with chains still queued too), the chains run on the configured executor, and the listener sees
 * every draw, in order. Each built-in sampler's test extends this class, and so can a plugin's: it ships
 * in {@code muster-testkit} with {@link MonteCarloAssertions}; {@code examples/plugin-example} shows how.
 * A method built on {@code org.muster.core.spi.MarkovChainMethod} meets the run's part (executor,
 * cancel, listener) through the shared chain runner.
 */
public abstract class InferenceMethodContract {

    private static final double[] Y = {2.1, 3.4, 1.9, 2.8, 4.0, 2.2, 3.1, 2.6, 3.7, 2.4};
    private static final int[] COUNTS = {3, 5, 2, 4, 6, 3};

    /** The provider under test. */
    protected abstract InferenceMethodProvider provider();

    /** Draws per chain needed for a stable MCSE with this method. */
    protected int drawsPerChain() {
        return 4000;
    }

    /**
     * mu ~ N(0, 10), y ~ N(mu, 2): posterior N(m, s); and lambda ~ Gamma(2, 1), k ~ Poisson(lambda):
     * posterior Gamma(2 + sum k, 1 + n).
     */
    public static Model conjugateModelForTests() {
        ModelBuilder b = Model.builder();
        Node mu = b.stochastic("mu", normal(0, 10));
        b.observed("y", normal(mu, 2), Y);
        Node lambda = b.stochastic("lambda", gamma(2, 1));
        b.observed("k", poisson(lambda), COUNTS);
        return b.build();
    }

    private PosteriorDraws fit(RunConfig config, FitListener listener) {
        return (PosteriorDraws) provider().create(MethodOptions.empty()).fit(conjugateModelForTests(), config, listener);
    }

    @Test
    public void recoversClosedFormPosteriorMeansWithinMonteCarloError() {
        PosteriorDraws fit = fit(RunConfig.builder().chains(4).warmup(1000).draws(drawsPerChain()).seed(20261121).build(),
                FitListener.NONE);
        Draws draws = fit.draws();
        double precision = 1 / 100.0 + Y.length / 4.0;
        double sum = java.util.Arrays.stream(Y).sum();
        double muMean = (sum / 4.0) / precision;
        double muSd = Math.sqrt(1 / precision);
        int kSum = java.util.Arrays.stream(COUNTS).sum();
        double shape = 2 + kSum;
        double rate = 1 + COUNTS.length;
        // The spread is checked through the draws of (x - m)^2, whose mean is the variance.
        MonteCarloAssertions.assertMeanAndVariance(draws, "mu", muMean, muSd * muSd);
        MonteCarloAssertions.assertMeanAndVariance(draws, "lambda", shape / rate, shape / (rate * rate));
    }

    @Test
    public void theSeedAloneFixesTheDrawsWhateverTheExecutor() {
        RunConfig.Builder config = RunConfig.builder().chains(3).warmup(200).draws(300).seed(99);
        PosteriorDraws sequential = fit(config.build(), FitListener.NONE);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            PosteriorDraws parallel = fit(config.executor(pool).build(), FitListener.NONE);
            for (int c = 0; c < 3; c++) {
                for (int v = 0; v < sequential.draws().variables().size(); v++) {
                    assertArrayEquals(sequential.draws().chain(c, v), parallel.draws().chain(c, v));
                }
            }
        } finally {
            pool.shutdownNow();
        }
        PosteriorDraws otherSeed = fit(RunConfig.builder().chains(3).warmup(200).draws(300).seed(100).build(),
                FitListener.NONE);
        assertTrue(otherSeed.draws().value(0, 0, 299) != sequential.draws().value(0, 0, 299));
    }

    /**
     * A listener that asks the run to stop once {@code iterations} iterations (all chains together,
     * warmup included) are done, as a user's Ctrl-C would.
     */
    public static FitListener cancellingAfter(int iterations) {
        AtomicInteger done = new AtomicInteger();
        return new FitListener() {
            @Override
            public void onIteration(int chain, int iteration, int total, boolean warmup) {
                done.incrementAndGet();
            }

            @Override
            public boolean isCancelled() {
                return done.get() >= iterations;
            }
        };
    }

    @Test
    public void aCancelledRunReturnsTheDrawsItHas() {
        PosteriorDraws fit = fit(RunConfig.builder().chains(1).warmup(100).draws(1000).seed(3).build(),
                cancellingAfter(150));
        assertTrue(fit.cancelled());
        assertEquals(50, fit.draws().iterations());
        assertEquals(50, fit.samplerStatistics().iterations());
    }

    /**
     * More chains than threads, cancelled while the second chain runs: the third chain, still queued,
     * has no draws, and the run keeps the chains that give the most draws in all (here the first chain
     * alone, whole) instead of cutting every chain to the queued one's nothing. A method that runs its
     * chains through {@code MarkovChainMethod}'s runner meets this without code of its own.
     */
    @Test
    public void aCancelWithChainsStillQueuedKeepsTheChainsThatGiveTheMostDraws() {
        // chain 1: 20 warmup and 60 draws; chain 2: 20 warmup and 20 draws; chain 3: nothing
        FitListener listener = cancellingAfter(80 + 40);
        ExecutorService oneThread = Executors.newSingleThreadExecutor();
        PosteriorDraws fit;
        try {
            fit = fit(RunConfig.builder().chains(3).warmup(20).draws(60).seed(12).executor(oneThread).build(), listener);
        } finally {
            oneThread.shutdownNow();
        }
        assertTrue(fit.cancelled());
        assertEquals(1, fit.draws().chains(), "chains kept");
        assertEquals(60, fit.draws().iterations());
        assertEquals(60, fit.samplerStatistics().iterations());
        assertEquals(List.of(1), fit.chains().stream().map(org.muster.core.api.ChainReport::chain).toList());
    }

    /** Every chain runs on {@link RunConfig#executor()} when one is given, one task per chain. */
    @Test
    public void theChainsRunOnTheConfiguredExecutor() {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        AtomicInteger tasks = new AtomicInteger();
        List<String> threads = new CopyOnWriteArrayList<>();
        java.util.concurrent.Executor counting = task -> {
            tasks.incrementAndGet();
            pool.execute(task);
        };
        FitListener listener = new FitListener() {
            @Override
            public void onChainEnd(int chain, org.muster.core.api.ChainReport report) {
                threads.add(Thread.currentThread().getName());
            }
        };
        try {
            fit(RunConfig.builder().chains(3).warmup(10).draws(10).seed(4).executor(counting).build(), listener);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(3, tasks.get(), "tasks given to the executor");
        assertEquals(3, threads.size());
        assertTrue(threads.stream().noneMatch(name -> name.equals(Thread.currentThread().getName())),
                "chains ran on the calling thread: " + threads);
    }

    /**
     * The listener's calls come in {@link FitListener}'s order: {@code onStart} once before anything
     * else; for each chain, each iteration's {@code onDraw} then {@code onIteration} with the same
     * 1-based count out of warmup plus draws, {@code onWarmupEnd} once between the last warmup
     * iteration's {@code onDraw} and its {@code onIteration} (first, without warmup), and
     * {@code onChainEnd} last.
     */
    @Test
    public void theListenerCallsComeInOrderForEveryChain() {
        for (int warmup : new int[] {0, 15}) {
            int draws = 10;
            int chains = 3;
            List<String> events = new CopyOnWriteArrayList<>();
            FitListener listener = new FitListener() {
                @Override
                public void onStart(SamplingStart start) {
                    events.add("start");
                }

                @Override
                public void onDraw(int chain, int iteration, boolean isWarmup, double[] values, double[] statistics) {
                    events.add(chain + ":draw:" + iteration + ":" + isWarmup);
                }

                @Override
                public void onIteration(int chain, int iteration, int total, boolean isWarmup) {
                    events.add(chain + ":iteration:" + iteration + ":" + isWarmup + ":" + total);
                }

                @Override
                public void onWarmupEnd(int chain, java.util.Optional<org.muster.core.api.ChainReport.Adaptation> a) {
                    events.add(chain + ":warmup-end");
                }

                @Override
                public void onChainEnd(int chain, org.muster.core.api.ChainReport report) {
                    events.add(chain + ":end");
                }
            };
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                fit(RunConfig.builder().chains(chains).warmup(warmup).draws(draws).seed(6).executor(pool).build(),
                        listener);
            } finally {
                pool.shutdownNow();
            }
            assertEquals("start", events.get(0));
            assertEquals(1, events.stream().filter("start"::equals).count());
            int total = warmup + draws;
            for (int c = 0; c < chains; c++) {
                String chain = c + ":";
                List<String> expected = new java.util.ArrayList<>();
                if (warmup == 0) {
                    expected.add(chain + "warmup-end");
                }
                for (int i = 1; i <= total; i++) {
                    boolean isWarmup = i <= warmup;
                    expected.add(chain + "draw:" + i + ":" + isWarmup);
                    if (i == warmup) {
                        expected.add(chain + "warmup-end");
                    }
                    expected.add(chain + "iteration:" + i + ":" + isWarmup + ":" + total);
                }
                expected.add(chain + "end");
                assertEquals(expected, events.stream().filter(e -> e.startsWith(chain)).toList(),
                        "chain " + c + ", warmup " + warmup);
            }
        }
    }

    @Test
    public void theListenerSeesTheLayoutEveryIterationsValuesAndEachChainsEnd() {
        int warmup = 30;
        int draws = 20;
        List<SamplingStart> starts = new CopyOnWriteArrayList<>();
        List<String> events = new CopyOnWriteArrayList<>();
        double[][][] seen = new double[2][draws][];
        double[][][] seenStatistics = new double[2][draws][];
        FitListener listener = new FitListener() {
            @Override
            public void onStart(SamplingStart start) {
                starts.add(start);
            }

            @Override
            public void onDraw(int chain, int iteration, boolean isWarmup, double[] values, double[] statistics) {
                assertEquals(iteration <= warmup, isWarmup);
                events.add(chain + ":draw");
                if (!isWarmup) {
                    seen[chain][iteration - warmup - 1] = values.clone();
                    seenStatistics[chain][iteration - warmup - 1] = statistics.clone();
                }
            }

            @Override
            public void onWarmupEnd(int chain, java.util.Optional<org.muster.core.api.ChainReport.Adaptation> adaptation) {
                events.add(chain + ":warmup-end");
            }

            @Override
            public void onChainEnd(int chain, org.muster.core.api.ChainReport report) {
                assertEquals(chain + 1, report.chain());
                events.add(chain + ":end");
            }
        };
        PosteriorDraws fit = fit(RunConfig.builder().chains(2).warmup(warmup).draws(draws).seed(8).build(), listener);
        assertEquals(1, starts.size());
        SamplingStart start = starts.get(0);
        assertEquals(fit.draws().variables(), start.variables());
        assertEquals(fit.samplerStatistics().variables(), start.statistics());
        assertEquals(fit.methodId(), start.methodId());
        assertEquals(fit.settings(), start.settings());
        assertEquals(List.of(2, warmup, draws), List.of(start.chains(), start.warmup(), start.draws()));
        for (int c = 0; c < 2; c++) {
            String chain = c + ":";
            List<String> own = events.stream().filter(e -> e.startsWith(chain)).toList();
            assertEquals(warmup + draws + 2, own.size());
            assertEquals(chain + "warmup-end", own.get(warmup));
            assertEquals(chain + "end", own.get(own.size() - 1));
            for (int d = 0; d < draws; d++) {
                for (int v = 0; v < start.variables().size(); v++) {
                    assertEquals(fit.draws().value(c, v, d), seen[c][d][v]);
                }
                for (int s = 0; s < start.statistics().size(); s++) {
                    assertEquals(fit.samplerStatistics().value(c, s, d), seenStatistics[c][d][s]);
                }
            }
        }
    }

    /** The options the method declares are consistent with what it accepts ({@link MethodOptionAssertions}). */
    @Test
    public void declaresItsOptionsConsistently() {
        MethodOptionAssertions.assertDeclaredOptionsAreConsistent(provider());
    }

    @Test
    public void samplerStatisticsAreNamedAsStanNamesThem() {
        PosteriorDraws fit = fit(RunConfig.builder().chains(2).warmup(50).draws(20).seed(5).build(), FitListener.NONE);
        assertEquals("lp__", fit.samplerStatistics().variables().get(0));
        assertTrue(fit.samplerStatistics().variables().stream().allMatch(n -> n.endsWith("__")));
        assertTrue(fit.samplerStatistics().variables().contains("accept_stat__"));
        assertEquals(2, fit.chains().size());
        assertTrue(fit.chains().get(0).densityEvaluations() > 70);
    }
}
