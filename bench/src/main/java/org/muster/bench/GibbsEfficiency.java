package org.muster.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutorService;
import java.util.function.ToDoubleFunction;
import java.util.concurrent.Executors;
import org.muster.core.api.Model;
import org.muster.core.api.PosteriorDraws;
import org.muster.core.spi.FitListener;
import org.muster.core.spi.InferenceMethodProvider;
import org.muster.core.spi.MethodOptions;
import org.muster.core.spi.RunConfig;
import org.muster.models.api.DatasetReader;
import org.muster.models.spi.FamilyOptions;
import org.muster.models.spi.ModelFamily;

/**
 * Effective draws per second of Gibbs next to NUTS on the built-in rats (beta-binomial) and
 * gamma-poisson families: 4 chains × 1000 warmup + 1000 draws each, the minimum bulk ESS over the
 * output variables per second of sampler time (warmup + sampling, summed over chains), and the model
 * evaluations per draw. Gibbs runs as it chooses by default (conjugate draws; on rats the family's
 * Metropolis block for the hyperparameters, on gamma-poisson slice sampling) and, on rats, with slice
 * sampling for the hyperparameters ({@code block=none}). Each configuration
 * runs {@code repeats} times with seeds 1, 2, ...; the summary is the median over the runs after the
 * first {@value #JIT_RUNS}, which let the JIT compile. {@link JagsComparison} puts JAGS beside it.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar org.muster.bench.GibbsEfficiency [repeats]}.
 */
public final class GibbsEfficiency {

    /** Runs per configuration treated as JIT warm-up. */
    static final int JIT_RUNS = 2;

    private GibbsEfficiency() {
    }

    public static void main(String[] args) {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try {
            Model rats = family("beta-binomial").build(DatasetReader.builtIn("rats"), FamilyOptions.none());
            Model gammaPoisson = family("gamma-poisson").build(DatasetReader.builtIn("gamma-poisson-sources"),
                    FamilyOptions.none());
            report("rats", rats, "nuts", Map.of(), pool, repeats);
            report("rats", rats, "gibbs", Map.of("block", "none"), pool, repeats);
            report("rats", rats, "gibbs", Map.of(), pool, repeats);
            report("gamma-poisson", gammaPoisson, "nuts", Map.of(), pool, repeats);
            report("gamma-poisson", gammaPoisson, "gibbs", Map.of(), pool, repeats);
        } finally {
            pool.shutdownNow();
        }
    }

    private static ModelFamily family(String id) {
        return ServiceLoader.load(ModelFamily.class).stream().map(ServiceLoader.Provider::get)
                .filter(f -> f.id().equals(id)).findFirst().orElseThrow();
    }

    private static InferenceMethodProvider method(String id) {
        return ServiceLoader.load(InferenceMethodProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    private static void report(String name, Model model, String methodId, Map<String, String> options,
            ExecutorService pool, int repeats) {
        model.compile();
        List<SamplerEfficiency.Run> runs = new ArrayList<>();
        for (int r = 1; r <= repeats; r++) {
            RunConfig config = RunConfig.builder().chains(4).warmup(1000).draws(1000).seed(r).executor(pool).build();
            PosteriorDraws fit = (PosteriorDraws) method(methodId).create(MethodOptions.of(options)).fit(model, config,
                    FitListener.NONE);
            runs.add(SamplerEfficiency.measure(r, fit));
        }
        List<SamplerEfficiency.Run> warm = runs.size() > JIT_RUNS ? runs.subList(JIT_RUNS, runs.size()) : runs;
        System.out.printf(Locale.ROOT, "%-14s %-6s %-28s seconds %7.3f  min bulk ESS %6.0f (%s)  min ESS/s %8.0f"
                + "  evaluations/iteration %5.1f%n", name, methodId, options.isEmpty() ? "" : options.toString(),
                median(warm, SamplerEfficiency.Run::seconds), median(warm, SamplerEfficiency.Run::minBulkEss),
                warm.get(warm.size() - 1).worstVariable(), median(warm, SamplerEfficiency.Run::essPerSecond),
                median(warm, run -> run.gradients() / (4.0 * 2000)));
    }

    private static double median(List<SamplerEfficiency.Run> runs, ToDoubleFunction<SamplerEfficiency.Run> figure) {
        return SamplerEfficiency.median(runs.stream().mapToDouble(figure).toArray());
    }
}
