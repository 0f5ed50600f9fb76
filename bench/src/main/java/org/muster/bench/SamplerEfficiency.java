package org.muster.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.muster.core.api.ChainReport;
import org.muster.core.api.Draws;
import org.muster.core.api.Model;
import org.muster.core.api.PosteriorDraws;
import org.muster.core.spi.FitListener;
import org.muster.core.spi.InferenceMethodProvider;
import org.muster.core.spi.MethodOptions;
import org.muster.core.spi.RunConfig;
import org.muster.diagnostics.api.Convergence;

/**
 * Sampler efficiency side by side with Stan: fits eight schools and radon (both non-centered) with
 * NUTS, 4 chains × 1000 warmup + 1000 draws, and prints the minimum bulk ESS over the output variables
 * per second of sampler time (warmup + sampling, summed over chains; JVM start and model compilation
 * excluded) and the microseconds per gradient evaluation. Each model runs {@code repeats} times with
 * seeds 1, 2, ...; the first {@value #JIT_RUNS} runs let the JIT compile the sampler and the model (a
 * short fit like eight schools takes 0.1 s, less than the JIT needs), so the summary line gives the
 * median of the runs after them, and the first (cold) run on its own.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar org.muster.bench.SamplerEfficiency [repeats]}.
 */
public final class SamplerEfficiency {

    /** Stan 2.21 on this machine, from the issue: µs per leapfrog step and minimum bulk ESS per second. */
    private static final Map<String, double[]> STAN = Map.of("eight-schools", new double[] {1.7, 22_600},
            "radon", new double[] {30, 130});

    /** Runs per model treated as JIT warm-up. */
    static final int JIT_RUNS = 5;

    private SamplerEfficiency() {
    }

    /** One fit's figures. */
    record Run(long seed, double seconds, long gradients, double minBulkEss, String worstVariable, int divergences) {

        double essPerSecond() {
            return minBulkEss / seconds;
        }

        double microsecondsPerGradient() {
            return seconds * 1e6 / gradients;
        }
    }

    public static void main(String[] args) {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        InferenceMethodProvider nuts = ServiceLoader.load(InferenceMethodProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.id().equals("nuts")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no nuts provider on the class path"));
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try {
            report("eight-schools", EightSchools.model(), Map.of(), nuts, pool, repeats);
            report("radon", Radon.load().model(), Map.of("adapt_delta", "0.9"), nuts, pool, repeats);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void report(String name, Model model, Map<String, String> options, InferenceMethodProvider nuts,
            ExecutorService pool, int repeats) {
        model.compile();
        List<Run> runs = new ArrayList<>();
        for (int r = 1; r <= repeats; r++) {
            RunConfig config = RunConfig.builder().chains(4).warmup(1000).draws(1000).seed(r).executor(pool).build();
            PosteriorDraws fit = (PosteriorDraws) nuts.create(MethodOptions.of(options)).fit(model, config,
                    FitListener.NONE);
            runs.add(measure(r, fit));
        }
        double[] stan = STAN.get(name);
        System.out.printf(Locale.ROOT, "%s (adapt_delta %s), 4 chains x 1000 warmup + 1000 draws%n", name,
                options.getOrDefault("adapt_delta", "0.8"));
        System.out.printf(Locale.ROOT, "  %-6s %10s %12s %14s %12s %14s %12s%n", "seed", "seconds", "us/gradient",
                "min bulk ESS", "(variable)", "min ESS/s", "divergent");
        for (Run run : runs) {
            System.out.printf(Locale.ROOT, "  %-6d %10.3f %12.2f %14.0f %12s %14.0f %12d%n", run.seed(), run.seconds(),
                    run.microsecondsPerGradient(), run.minBulkEss(), run.worstVariable(), run.essPerSecond(),
                    run.divergences());
        }
        List<Run> warm = runs.size() > JIT_RUNS ? runs.subList(JIT_RUNS, runs.size()) : runs;
        double essPerSecond = median(warm.stream().mapToDouble(Run::essPerSecond).toArray());
        double perGradient = median(warm.stream().mapToDouble(Run::microsecondsPerGradient).toArray());
        System.out.printf(Locale.ROOT, "  median of runs %d-%d: %.0f min bulk ESS/s (Stan %.0f, ratio %.2f),"
                + " %.2f us per gradient (Stan %.1f, ratio %.2f)%n", runs.size() > JIT_RUNS ? JIT_RUNS + 1 : 1,
                runs.size(), essPerSecond, stan[1], essPerSecond / stan[1], perGradient, stan[0], perGradient / stan[0]);
        System.out.printf(Locale.ROOT, "  first run (cold JIT): %.0f min bulk ESS/s (ratio %.2f), %.2f us per gradient%n%n",
                runs.get(0).essPerSecond(), runs.get(0).essPerSecond() / stan[1], runs.get(0).microsecondsPerGradient());
    }

    /** The figures of one fit: sampler seconds, evaluations, the least bulk ESS and its variable, divergences. */
    static Run measure(long seed, PosteriorDraws fit) {
        double seconds = 0;
        long gradients = 0;
        for (ChainReport chain : fit.chains()) {
            seconds += chain.warmupSeconds() + chain.samplingSeconds();
            gradients += chain.densityEvaluations();
        }
        Draws draws = fit.draws();
        double minEss = Double.POSITIVE_INFINITY;
        String worst = "";
        for (int v = 0; v < draws.variables().size(); v++) {
            double ess = Convergence.essBulk(draws.variable(v));
            if (ess < minEss) {
                minEss = ess;
                worst = draws.variables().get(v);
            }
        }
        Draws statistics = fit.samplerStatistics();
        int divergent = statistics.indexOf("divergent__");
        int divergences = divergent < 0 ? 0 : (int) Arrays.stream(statistics.pooled(divergent)).sum();
        return new Run(seed, seconds, gradients, minEss, worst, divergences);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    }
}
