package org.muster.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.muster.core.api.Draws;
import org.muster.core.api.Model;
import org.muster.core.api.PosteriorDraws;
import org.muster.core.api.VariationalFit;
import org.muster.core.spi.FitListener;
import org.muster.core.spi.InferenceMethodProvider;
import org.muster.core.spi.MethodOptions;
import org.muster.core.spi.RunConfig;

/**
 * ADVI next to NUTS on radon (varying intercept and slope, non-centered): for ADVI, mean-field and
 * full-rank, the time to convergence (the optimization, draws excluded), the gradient evaluations, why it
 * stopped and the Pareto k-hat; for NUTS (4 chains × 1000 warmup + 1000 draws, adapt_delta 0.9), the
 * sampler time and gradients scaled to 400 bulk ESS of the worst output variable (time × 400 / min bulk
 * ESS, warmup included). Both also give the posterior means of the hyperparameters, so speed can be read
 * next to accuracy. Each configuration runs {@code repeats} times with seeds 1, 2, ...; the first
 * {@value SamplerEfficiency#JIT_RUNS} runs warm the JIT up and the table's median is over the rest.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar org.muster.bench.AdviEfficiency [repeats]}.
 */
public final class AdviEfficiency {

    static final List<String> HYPERPARAMETERS = List.of("mu_alpha", "mu_beta", "sigma_alpha", "sigma_beta", "sigma_y");
    static final double TARGET_ESS = 400;

    private AdviEfficiency() {
    }

    /** One ADVI fit's figures. */
    record AdviRun(double seconds, long gradients, int iterations, String stopReason, double paretoK,
            double[] means) {
    }

    public static void main(String[] args) {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        Model model = Radon.load().model();
        model.compile();
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try {
            List<SamplerEfficiency.Run> nutsRuns = new ArrayList<>();
            List<double[]> nutsMeans = new ArrayList<>();
            for (int r = 1; r <= repeats; r++) {
                RunConfig config = RunConfig.builder().chains(4).warmup(1000).draws(1000).seed(r).executor(pool).build();
                PosteriorDraws fit = (PosteriorDraws) provider("nuts").create(MethodOptions.of(Map.of("adapt_delta", "0.9")))
                        .fit(model, config, FitListener.NONE);
                nutsRuns.add(SamplerEfficiency.measure(r, fit));
                nutsMeans.add(means(fit.draws()));
            }
            List<SamplerEfficiency.Run> warmNuts = warm(nutsRuns);
            double nutsSeconds = SamplerEfficiency.median(warmNuts.stream()
                    .mapToDouble(run -> run.seconds() * TARGET_ESS / run.minBulkEss()).toArray());
            double nutsGradients = SamplerEfficiency.median(warmNuts.stream()
                    .mapToDouble(run -> run.gradients() * TARGET_ESS / run.minBulkEss()).toArray());
            System.out.printf(Locale.ROOT, "radon, NUTS 4 x (1000 + 1000), adapt_delta 0.9: median over runs %d-%d%n",
                    Math.min(SamplerEfficiency.JIT_RUNS + 1, repeats), repeats);
            System.out.printf(Locale.ROOT, "  time to %.0f bulk ESS %.2f s (chains' time summed), %.0f gradients;"
                    + " means %s%n", TARGET_ESS, nutsSeconds, nutsGradients, format(median(warm(nutsMeans))));
            for (String method : List.of("advi", "advi-fullrank")) {
                for (Map<String, String> options : List.of(Map.<String, String>of(),
                        Map.of("tol_rel_obj", "0.001", "grad_samples", "10"))) {
                    List<AdviRun> runs = new ArrayList<>();
                    for (int r = 1; r <= repeats; r++) {
                        VariationalFit fit = (VariationalFit) provider(method).create(MethodOptions.of(options)).fit(model,
                                RunConfig.builder().chains(1).draws(1000).seed(r).build(), FitListener.NONE);
                        runs.add(new AdviRun(fit.draws().chains().get(0).warmupSeconds(), fit.gradientEvaluations(),
                                fit.iterations(), fit.stopReason(), fit.paretoK(), means(fit.draws().draws())));
                    }
                    List<AdviRun> w = warm(runs);
                    double seconds = SamplerEfficiency.median(w.stream().mapToDouble(AdviRun::seconds).toArray());
                    double gradients = SamplerEfficiency.median(w.stream().mapToDouble(AdviRun::gradients).toArray());
                    double iterations = SamplerEfficiency.median(w.stream().mapToDouble(AdviRun::iterations).toArray());
                    double k = SamplerEfficiency.median(w.stream().mapToDouble(AdviRun::paretoK).toArray());
                    long converged = w.stream().filter(run -> run.stopReason().contains("converged")).count();
                    System.out.printf(Locale.ROOT, "%s %s: median time to convergence %.3f s (%.2f x NUTS's time to %.0f"
                            + " ESS), %.0f gradients (%.3f x), %.0f iterations, %d of %d converged, median k-hat %.2f;"
                            + " means %s%n", method, options.isEmpty() ? "(defaults)" : options, seconds,
                            seconds / nutsSeconds, TARGET_ESS, gradients, gradients / nutsGradients, iterations, converged,
                            w.size(), k, format(median(w.stream().map(AdviRun::means).toList())));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static InferenceMethodProvider provider(String id) {
        return ServiceLoader.load(InferenceMethodProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + id + " provider on the class path"));
    }

    private static <T> List<T> warm(List<T> runs) {
        return runs.size() > SamplerEfficiency.JIT_RUNS ? runs.subList(SamplerEfficiency.JIT_RUNS, runs.size()) : runs;
    }

    private static double[] means(Draws draws) {
        double[] m = new double[HYPERPARAMETERS.size()];
        for (int i = 0; i < m.length; i++) {
            double[] values = draws.pooled(draws.indexOf(HYPERPARAMETERS.get(i)));
            double sum = 0;
            for (double v : values) {
                sum += v;
            }
            m[i] = sum / values.length;
        }
        return m;
    }

    private static double[] median(List<double[]> rows) {
        double[] out = new double[rows.get(0).length];
        for (int i = 0; i < out.length; i++) {
            int column = i;
            out[i] = SamplerEfficiency.median(rows.stream().mapToDouble(r -> r[column]).toArray());
        }
        return out;
    }

    private static String format(double[] means) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < means.length; i++) {
            s.append(i == 0 ? "" : ", ").append(HYPERPARAMETERS.get(i)).append(String.format(Locale.ROOT, " %.3f", means[i]));
        }
        return s.toString();
    }
}
