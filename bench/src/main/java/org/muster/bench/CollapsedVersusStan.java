package org.muster.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import org.muster.core.api.ChainReport;
import org.muster.core.api.Draws;
import org.muster.core.api.Model;
import org.muster.core.api.PosteriorDraws;
import org.muster.core.spi.FitListener;
import org.muster.core.spi.InferenceMethodProvider;
import org.muster.core.spi.MethodOptions;
import org.muster.core.spi.RunConfig;
import org.muster.diagnostics.api.Convergence;
import org.muster.models.api.DatasetReader;
import org.muster.models.spi.FamilyOptions;
import org.muster.models.spi.ModelFamily;

/**
 * Collapsed inference against Stan's NUTS on the joint model and Muster's own {@code nuts}, side by side
 * in one run: eight schools, rats (BDA3 hyperprior), the gamma-Poisson sources and radon
 * ({@code log_radon ~ floor + (1 + floor | county)}), each with the same chains, warmup and draws for all
 * three. The figure is the minimum bulk ESS over the same variables (the hyperparameters and every unit)
 * per second of sampler time: Muster's chains' warmup and sampling seconds summed, rstan's
 * {@code get_elapsed_time} summed (compilation excluded). Stan runs through {@code bench/stan/run.R} with
 * the programs beside it. Medians over {@code repeats} runs (seeds 1, 2, ...), Muster's after
 * {@value #JIT_RUNS} JIT warm-up runs. Needs {@code Rscript} with rstan; run on an idle machine.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar org.muster.bench.CollapsedVersusStan [repeats [chains
 * warmup draws]]}.
 */
public final class CollapsedVersusStan {

    /** Muster runs per model and method that only warm the JIT up. */
    static final int JIT_RUNS = 2;

    private CollapsedVersusStan() {
    }

    /** One model as both tools fit it: Muster's family and data, Stan's program, the compared variables. */
    private record Case(String stanName, Model model, Predicate<String> compared) {
    }

    private static Model family(String id, String data, FamilyOptions options) {
        ModelFamily family = ServiceLoader.load(ModelFamily.class).stream().map(ServiceLoader.Provider::get)
                .filter(f -> f.id().equals(id)).findFirst().orElseThrow();
        return family.build(DatasetReader.builtIn(data), options);
    }

    private static InferenceMethodProvider method(String id) {
        return ServiceLoader.load(InferenceMethodProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    /** Minimum bulk ESS over the compared variables per second of summed chain time. */
    private static double essPerSecond(PosteriorDraws fit, Predicate<String> compared) {
        double seconds = 0;
        for (ChainReport chain : fit.chains()) {
            seconds += chain.warmupSeconds() + chain.samplingSeconds();
        }
        Draws draws = fit.draws();
        double min = Double.POSITIVE_INFINITY;
        for (int v = 0; v < draws.variables().size(); v++) {
            if (compared.test(draws.variables().get(v))) {
                min = Math.min(min, Convergence.essBulk(draws.variable(v)));
            }
        }
        return min / seconds;
    }

    private static double muster(String methodId, Case c, int chains, int warmup, int draws, int repeats,
            ExecutorService pool) {
        List<Double> values = new ArrayList<>();
        for (int r = 1; r <= JIT_RUNS + repeats; r++) {
            PosteriorDraws fit = (PosteriorDraws) method(methodId).create(MethodOptions.empty()).fit(c.model(),
                    RunConfig.builder().chains(chains).warmup(warmup).draws(draws).seed(r).executor(pool).build(),
                    FitListener.NONE);
            if (r > JIT_RUNS) {
                values.add(essPerSecond(fit, c.compared()));
            }
        }
        return SamplerEfficiency.median(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static double stan(Case c, int chains, int warmup, int draws, int repeats)
            throws IOException, InterruptedException {
        List<Double> values = new ArrayList<>();
        for (int r = 1; r <= repeats; r++) {
            Process process = new ProcessBuilder("Rscript", "bench/stan/run.R", c.stanName(), Integer.toString(chains),
                    Integer.toString(warmup), Integer.toString(draws), Integer.toString(r)).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("Rscript bench/stan/run.R " + c.stanName() + " failed:\n" + output);
            }
            String line = output.lines().filter(l -> l.startsWith("stan ")).reduce((a, b) -> b).orElseThrow(
                    () -> new IllegalStateException("no result line from run.R:\n" + output));
            String[] cells = line.split(" ");
            values.add(Double.parseDouble(cells[2]) / Double.parseDouble(cells[3]));
        }
        return SamplerEfficiency.median(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int chains = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        int draws = args.length > 3 ? Integer.parseInt(args[3]) : 1000;
        List<Case> cases = List.of(
                new Case("eight_schools", family("eight-schools", "eight-schools", FamilyOptions.none()),
                        v -> v.equals("mu") || v.equals("tau") || v.startsWith("theta[")),
                new Case("rats", family("beta-binomial", "rats", FamilyOptions.none()),
                        v -> List.of("mean", "concentration", "alpha", "beta").contains(v) || v.startsWith("theta[")),
                new Case("gamma_poisson", family("gamma-poisson", "gamma-poisson-sources", FamilyOptions.none()),
                        v -> v.equals("mu") || v.equals("sigma") || v.startsWith("lambda[")),
                new Case("radon", family("glmm", "radon", FamilyOptions.none()),
                        v -> List.of("b_Intercept", "b_floor", "sd_county__Intercept", "sd_county__floor",
                                "cor_county__Intercept__floor", "sigma").contains(v) || v.startsWith("r_county[")));
        System.out.printf(Locale.ROOT, "%d chains x %d warmup + %d draws; medians of %d runs%n", chains, warmup, draws,
                repeats);
        System.out.printf(Locale.ROOT, "%-14s %14s %14s %14s %12s %12s%n", "model", "collapsed", "nuts", "stan",
                "vs stan", "vs nuts");
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try {
            for (Case c : cases) {
                double collapsed = muster("collapsed", c, chains, warmup, draws, repeats, pool);
                double nuts = muster("nuts", c, chains, warmup, draws, repeats, pool);
                double stan = stan(c, chains, warmup, draws, repeats);
                System.out.printf(Locale.ROOT, "%-14s %14.0f %14.0f %14.0f %11.1fx %11.1fx%n", c.stanName(), collapsed,
                        nuts, stan, collapsed / stan, collapsed / nuts);
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.println("min bulk ESS per second; goal: collapsed >= 10x stan and >= 5x nuts on each model");
    }
}
