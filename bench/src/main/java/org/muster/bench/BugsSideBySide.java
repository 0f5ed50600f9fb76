package org.muster.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.muster.core.api.Draws;
import org.muster.core.api.PosteriorDraws;
import org.muster.core.spi.FitListener;
import org.muster.core.spi.InferenceMethodProvider;
import org.muster.core.spi.MethodOptions;
import org.muster.core.spi.RunConfig;
import org.muster.lang.api.ModelFiles;
import org.muster.lang.spi.LoadedModel;
import org.muster.lang.spi.ModelRequest;
import org.muster.models.api.Dataset;
import org.muster.models.api.DatasetReader;

/**
 * Muster next to JAGS on the same BUGS files and data (the lang module's test models on the built-in
 * datasets): 4 chains, the same warmup (JAGS: burn-in, with its adaptation) and draws, Muster with the
 * method the model file gets by default (nuts, or gibbs for discrete nodes), JAGS with its own samplers and
 * initial values. The figure is the minimum bulk ESS over the monitored variables (Muster's default monitors,
 * deterministic nodes included) per second: Muster's CPU seconds over the fit (all threads; {@code -Dbugs.clock=wall}:
 * its chains' warmup and sampling seconds summed), JAGS's CPU
 * seconds less those of a run that only compiles and initializes. Medians over {@code repeats} runs, Muster's
 * after {@value GibbsEfficiency#JIT_RUNS} JIT warm-up runs. Needs {@code jags} (Debian package) on the PATH; run
 * from the repository root on an idle machine.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar org.muster.bench.BugsSideBySide [repeats [warmup draws]]}.
 */
public final class BugsSideBySide {

    private static final Path MODELS = Path.of("lang", "src", "test", "resources", "org", "muster", "lang", "internal",
            "models");

    /** {@code -Dbugs.detail=true}: each run's seconds, minimum ESS and the variable that has it. */
    private static final boolean DETAIL = Boolean.getBoolean("bugs.detail");

    private BugsSideBySide() {
    }

    /** One model: its file and its data as R dump text. */
    private record Case(String name, Path file, String data) {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int warmup = args.length > 2 ? Integer.parseInt(args[1]) : 1000;
        int draws = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        List<Case> cases = cases();
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "%-16s %-6s %12s %12s %8s%n", "model", "muster", "muster ESS/s", "JAGS ESS/s", "ratio");
        try {
            for (Case c : cases) {
                if (!System.getProperty("bugs.only", c.name()).equals(c.name())) {
                    continue;
                }
                Path dir = Files.createTempDirectory("muster-bugs-" + c.name());
                Path data = dir.resolve("data.R");
                Files.writeString(data, c.data());
                LoadedModel loaded = ModelFiles.load(ModelRequest.of(c.file().toAbsolutePath(), data));
                Set<String> monitored = Set.copyOf(loaded.monitors());
                double muster = musterEssPerSecond(loaded, pool, repeats, warmup, draws);
                double jags = jagsEssPerSecond(c, dir, loaded, repeats, warmup, draws, monitored);
                System.out.printf(Locale.ROOT, "%-16s %-6s %12.0f %12.0f %8.2f%n", c.name(), loaded.defaultMethod(), muster,
                        jags, muster / jags);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Case> cases() {
        Dataset schools = DatasetReader.builtIn("eight-schools");
        Dataset rats = DatasetReader.builtIn("rats");
        Dataset sources = DatasetReader.builtIn("gamma-poisson-sources");
        Dataset radon = DatasetReader.builtIn("radon");
        double[] counts = sources.real("counts");
        double[] exposure = sources.real("exposure");
        double pooled = Math.max(1, Arrays.stream(counts).sum()) / Arrays.stream(exposure).sum();
        double[] y = radon.real("log_radon");
        double[] floor = radon.real("floor");
        String ratsData = "J <- 71\n" + vector("y", rats.real("tumors")) + vector("n", rats.real("rats"));
        return List.of(
                new Case("eight-schools", MODELS.resolve("eight-schools.bug"), "J <- 8\n" + vector("y", schools.real("effect"))
                        + vector("sigma", schools.real("stderr"))),
                new Case("rats", MODELS.resolve("rats.bug"), ratsData),
                new Case("rats-logit", MODELS.resolve("rats-logit.bug"), ratsData),
                new Case("gamma-poisson", MODELS.resolve("gamma-poisson.bug"), "J <- " + counts.length + "\n"
                        + vector("n", counts) + vector("e", exposure) + "pooled <- " + number(pooled) + "\n"),
                new Case("radon", MODELS.resolve("radon.bug"), "N <- " + y.length + "\nJ <- 85\n" + vector("y", y)
                        + vector("floor", floor) + vector("county", radon.real("county")) + "floor.mean <- "
                        + number(Arrays.stream(floor).average().orElseThrow()) + "\ncenter <- " + number(median(y))
                        + "\nscale <- 2.5\nfloor.scale <- " + number(2.5 * sd(y) / sd(floor)) + "\n"));
    }

    private static double musterEssPerSecond(LoadedModel loaded, ExecutorService pool, int repeats, int warmup, int draws) {
        InferenceMethodProvider method = ServiceLoader.load(InferenceMethodProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.id().equals(System.getProperty("bugs.method", loaded.defaultMethod()))).findFirst().orElseThrow();
        List<Double> rates = new ArrayList<>();
        for (int r = 1; r <= repeats + GibbsEfficiency.JIT_RUNS; r++) {
            RunConfig config = RunConfig.builder().chains(4).warmup(warmup).draws(draws).seed(r).executor(pool).build();
            double cpu = JagsComparison.processCpuSeconds();
            PosteriorDraws fit = (PosteriorDraws) method.create(MethodOptions.of(Map.of())).fit(loaded.model().model(), config,
                    FitListener.NONE);
            cpu = JagsComparison.processCpuSeconds() - cpu;
            double wall = fit.chains().stream().mapToDouble(ch -> ch.warmupSeconds() + ch.samplingSeconds()).sum();
            double seconds = JagsComparison.WALL ? wall : cpu;
            if (r > GibbsEfficiency.JIT_RUNS) {
                Draws monitored = loaded.monitored(fit.draws());
                double ess = JagsComparison.minBulkEss(monitored, v -> true);
                rates.add(ess / seconds);
                if (DETAIL) {
                    System.out.printf(Locale.ROOT, "  muster %.3f s CPU (%.3f s on the chains' clocks), min bulk ESS %.0f (%s)%n", cpu, wall, ess,
                            JagsComparison.weakest(monitored, v -> true));
                }
            }
        }
        return SamplerEfficiency.median(rates.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static double jagsEssPerSecond(Case c, Path dir, LoadedModel loaded, int repeats, int warmup, int draws,
            Set<String> monitored) throws IOException, InterruptedException {
        Set<String> variables = new java.util.LinkedHashSet<>();
        for (String column : loaded.monitors()) {
            int bracket = column.indexOf('[');
            variables.add(bracket < 0 ? column : column.substring(0, bracket));
        }
        List<Double> rates = new ArrayList<>();
        for (int r = 1; r <= repeats; r++) {
            StringBuilder script = new StringBuilder();
            script.append("model in \"").append(c.file().toAbsolutePath()).append("\"\ndata in \"data.R\"\n")
                    .append("compile, nchains(4)\n");
            for (int chain = 1; chain <= 4; chain++) {
                Files.writeString(dir.resolve("init" + chain + ".R"), "\".RNG.name\" <- \"base::Mersenne-Twister\"\n"
                        + "\".RNG.seed\" <- " + (1000 * r + chain) + "\n");
                script.append("parameters in \"init").append(chain).append(".R\", chain(").append(chain).append(")\n");
            }
            script.append("initialize\n");
            double overhead = JagsComparison.jagsCpuSeconds(dir, script + "exit\n");
            StringBuilder sample = new StringBuilder(script).append("update ").append(warmup).append('\n');
            for (String variable : variables) {
                sample.append("monitor ").append(variable).append('\n');
            }
            sample.append("update ").append(draws).append("\ncoda *, stem(CODA)\nexit\n");
            double total = JagsComparison.jagsCpuSeconds(dir, sample.toString());
            Draws coda = JagsComparison.readCoda(dir);
            double ess = JagsComparison.minBulkEss(coda, monitored::contains);
            rates.add(ess / (total - overhead));
            if (DETAIL) {
                System.out.printf(Locale.ROOT, "  jags %.3f s (+%.3f s compile), min bulk ESS %.0f (%s)%n", total - overhead,
                        overhead, ess, JagsComparison.weakest(coda, monitored::contains));
            }
        }
        return SamplerEfficiency.median(rates.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static String vector(String name, double[] values) {
        StringBuilder s = new StringBuilder(name).append(" <- c(");
        for (int i = 0; i < values.length; i++) {
            s.append(i == 0 ? "" : ", ").append(number(values[i]));
        }
        return s.append(")\n").toString();
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.17g", v);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    }

    private static double sd(double[] values) {
        double mean = Arrays.stream(values).average().orElseThrow();
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        return Math.sqrt(ss / (values.length - 1));
    }
}
