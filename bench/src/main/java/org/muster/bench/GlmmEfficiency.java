package org.muster.bench;

import java.util.Locale;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.muster.core.api.Model;
import org.muster.core.api.PosteriorDraws;
import org.muster.core.spi.FitListener;
import org.muster.core.spi.InferenceMethodProvider;
import org.muster.core.spi.MethodOptions;
import org.muster.core.spi.RunConfig;

/**
 * NUTS on the formula model {@code y ~ x + (1 + x | g)} with N = 100,000 simulated observations in
 * J = 1,000 groups ({@link GlmmLogistic}): 4 chains on 2 threads, minimum bulk ESS over the output
 * variables per second of sampler time and µs per gradient, as {@link SamplerEfficiency} measures them.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar org.muster.bench.GlmmEfficiency [warmup draws repeats]}.
 */
public final class GlmmEfficiency {

    private GlmmEfficiency() {
    }

    public static void main(String[] args) {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int draws = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        InferenceMethodProvider nuts = ServiceLoader.load(InferenceMethodProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.id().equals("nuts")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no nuts provider on the class path"));
        Model model = GlmmLogistic.model(1000, 100, GlmmBenchmark.SEED);
        model.compile();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            System.out.printf(Locale.ROOT, "glmm %s, bernoulli, N = 100000, J = 1000; 4 chains x %d warmup + %d draws%n",
                    GlmmLogistic.FORMULA, warmup, draws);
            System.out.printf(Locale.ROOT, "  %-6s %10s %12s %14s %24s %12s %10s%n", "seed", "seconds", "us/gradient",
                    "min bulk ESS", "(variable)", "min ESS/s", "divergent");
            for (int r = 1; r <= repeats; r++) {
                RunConfig config = RunConfig.builder().chains(4).warmup(warmup).draws(draws).seed(r).executor(pool).build();
                PosteriorDraws fit = (PosteriorDraws) nuts.create(MethodOptions.empty()).fit(model, config, FitListener.NONE);
                SamplerEfficiency.Run run = SamplerEfficiency.measure(r, fit);
                System.out.printf(Locale.ROOT, "  %-6d %10.1f %12.1f %14.0f %24s %12.2f %10d%n", run.seed(), run.seconds(),
                        run.microsecondsPerGradient(), run.minBulkEss(), run.worstVariable(), run.essPerSecond(),
                        run.divergences());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
