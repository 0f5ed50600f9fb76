package org.muster.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.muster.core.api.Draws;
import org.muster.core.api.Model;
import org.muster.core.api.PosteriorDraws;
import org.muster.core.spi.FitListener;
import org.muster.core.spi.InferenceMethodProvider;
import org.muster.core.spi.MethodOptions;
import org.muster.core.spi.RunConfig;
import org.muster.diagnostics.api.Convergence;
import org.muster.models.api.Dataset;
import org.muster.models.api.DatasetReader;
import org.muster.models.spi.FamilyOptions;
import org.muster.models.spi.ModelFamily;

/**
 * Muster's Gibbs next to JAGS on the same models and data: rats (beta-binomial) and gamma-poisson with
 * exposures, as {@code bench/jags/*.bug} state them. Both run 4 chains of 1000 warmup (JAGS: burn-in,
 * including its adaptation) and 1000 kept draws; the figure is the minimum bulk ESS over the same
 * variables (alpha, beta, theta[*]; mu, sigma, lambda[*]) per second. Muster's seconds are the process's
 * CPU seconds over the fit ({@code -Dbugs.clock=wall}: the chains' warmup and sampling time summed); JAGS's are the CPU seconds of the {@code jags} process minus those
 * of a run that only compiles and initializes (so parsing and start-up are not charged to sampling).
 * JAGS's hyperparameters start as Muster's do (uniform(-2, 2) on the log or logit scale); the unit
 * parameters start where JAGS puts them. Medians over {@code repeats} runs (seeds 1, 2, ...), Muster's after {@value GibbsEfficiency#JIT_RUNS}
 * JIT warm-up runs. Needs {@code jags} on the PATH (Debian package {@code jags}); run on an idle machine.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar org.muster.bench.JagsComparison [repeats]}.
 */
public final class JagsComparison {

    private JagsComparison() {
    }

    /** One model as both tools fit it: the Muster family, the JAGS file, the data, the compared variables. */
    private record Case(String name, Model model, Path bugFile, String jagsData, List<String> monitors,
            Predicate<String> compared) {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path jagsDir = Path.of("bench", "jags");
        Dataset rats = DatasetReader.builtIn("rats");
        Dataset sources = DatasetReader.builtIn("gamma-poisson-sources");
        double[] counts = column(sources, "counts");
        double[] exposures = column(sources, "exposure");
        double pooledRate = Math.max(1, Arrays.stream(counts).sum()) / Arrays.stream(exposures).sum();
        List<Case> cases = List.of(
                new Case("rats", family("beta-binomial").build(rats, FamilyOptions.none()), jagsDir.resolve("rats.bug"),
                        rDump(Map.of("J", new double[] {71}, "y", column(rats, "tumors"), "n", column(rats, "rats"))),
                        List.of("alpha", "beta", "theta"), v -> v.equals("alpha") || v.equals("beta") || v.startsWith("theta[")),
                new Case("gamma-poisson", family("gamma-poisson").build(sources, FamilyOptions.none()),
                        jagsDir.resolve("gamma-poisson.bug"), rDump(Map.of("J", new double[] {counts.length}, "n", counts,
                                "e", exposures, "pooled_rate", new double[] {pooledRate})),
                        List.of("mu", "sigma", "lambda"), v -> v.equals("mu") || v.equals("sigma") || v.startsWith("lambda[")));
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try {
            for (Case c : cases) {
                double jags = jagsEssPerSecond(c, repeats);
                for (Map<String, String> options : c.name().equals("rats")
                        ? List.of(Map.<String, String>of(), Map.of("block", "none")) : List.of(Map.<String, String>of())) {
                    double muster = musterEssPerSecond(c, options, pool, repeats);
                    System.out.printf(Locale.ROOT, "%-14s muster gibbs %-16s min ESS/s %8.0f   ratio to JAGS %5.2f%n",
                            c.name(), options.isEmpty() ? "(defaults)" : options.toString(), muster, muster / jags);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static double musterEssPerSecond(Case c, Map<String, String> options, ExecutorService pool, int repeats) {
        InferenceMethodProvider gibbs = ServiceLoader.load(InferenceMethodProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.id().equals("gibbs")).findFirst().orElseThrow();
        List<Double> rates = new ArrayList<>();
        for (int r = 1; r <= repeats + GibbsEfficiency.JIT_RUNS; r++) {
            RunConfig config = RunConfig.builder().chains(4).warmup(1000).draws(1000).seed(r).executor(pool).build();
            double cpu = processCpuSeconds();
            PosteriorDraws fit = (PosteriorDraws) gibbs.create(MethodOptions.of(options)).fit(c.model(), config,
                    FitListener.NONE);
            double seconds = WALL ? fit.chains().stream().mapToDouble(ch -> ch.warmupSeconds() + ch.samplingSeconds()).sum()
                    : processCpuSeconds() - cpu;
            if (r > GibbsEfficiency.JIT_RUNS) {
                rates.add(minBulkEss(fit.draws(), c.compared()) / seconds);
            }
        }
        return SamplerEfficiency.median(rates.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static double jagsEssPerSecond(Case c, int repeats) throws IOException, InterruptedException {
        List<Double> rates = new ArrayList<>();
        List<Double> essValues = new ArrayList<>();
        List<Double> secondsValues = new ArrayList<>();
        for (int r = 1; r <= repeats; r++) {
            Path dir = Files.createTempDirectory("muster-jags");
            Files.writeString(dir.resolve("data.R"), c.jagsData());
            var random = new java.util.SplittableRandom(r);
            for (int chain = 1; chain <= 4; chain++) {
                // Hyperparameters start where Muster starts them: uniform(-2, 2) on the unconstrained scale.
                Map<String, double[]> inits = new LinkedHashMap<>();
                if (c.name().equals("rats")) {
                    inits.put("mean", new double[] {1 / (1 + Math.exp(-random.nextDouble(-2, 2)))});
                    inits.put("concentration", new double[] {Math.exp(random.nextDouble(-2, 2))});
                } else {
                    inits.put("mu", new double[] {Math.exp(random.nextDouble(-2, 2))});
                    inits.put("sigma", new double[] {Math.exp(random.nextDouble(-2, 2))});
                }
                Files.writeString(dir.resolve("init" + chain + ".R"), rDump(inits)
                        + "\".RNG.name\" <- \"base::Mersenne-Twister\"\n\".RNG.seed\" <- " + (1000 * r + chain) + "\n");
            }
            double overhead = jagsCpuSeconds(dir, script(c, false));
            double total = jagsCpuSeconds(dir, script(c, true));
            Draws draws = readCoda(dir);
            double ess = minBulkEss(draws, c.compared());
            double seconds = total - overhead;
            essValues.add(ess);
            secondsValues.add(seconds);
            rates.add(ess / seconds);
        }
        double rate = SamplerEfficiency.median(rates.stream().mapToDouble(Double::doubleValue).toArray());
        System.out.printf(Locale.ROOT, "%-14s JAGS %-24s seconds %7.3f  min bulk ESS %6.0f  min ESS/s %8.0f%n", c.name(),
                "", SamplerEfficiency.median(secondsValues.stream().mapToDouble(Double::doubleValue).toArray()),
                SamplerEfficiency.median(essValues.stream().mapToDouble(Double::doubleValue).toArray()), rate);
        return rate;
    }

    private static String script(Case c, boolean sample) {
        StringBuilder s = new StringBuilder();
        s.append("model in \"").append(c.bugFile().toAbsolutePath()).append("\"\n");
        s.append("data in \"data.R\"\ncompile, nchains(4)\n");
        for (int chain = 1; chain <= 4; chain++) {
            s.append("parameters in \"init").append(chain).append(".R\", chain(").append(chain).append(")\n");
        }
        s.append("initialize\n");
        if (sample) {
            s.append("update 1000\n");
            for (String monitor : c.monitors()) {
                s.append("monitor ").append(monitor).append('\n');
            }
            s.append("update 1000\ncoda *, stem(CODA)\n");
        }
        return s.append("exit\n").toString();
    }

    /** Runs jags on the script in {@code dir} and returns the CPU seconds (user + system) it used. */
    static double jagsCpuSeconds(Path dir, String script) throws IOException, InterruptedException {
        Files.writeString(dir.resolve("run.cmd"), script);
        Process process = new ProcessBuilder("bash", "-c", "jags run.cmd > jags.log 2>&1 || exit 1; times")
                .directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("jags failed in " + dir + ": " + Files.readString(dir.resolve("jags.log")));
        }
        // `times` prints the shell's own times, then its children's: "0m0.123s 0m0.004s".
        String children = out.strip().lines().reduce((a, b) -> b).orElseThrow();
        return Arrays.stream(children.split("\\s+")).mapToDouble(JagsComparison::seconds).sum();
    }

    private static double seconds(String time) {
        int m = time.indexOf('m');
        return Double.parseDouble(time.substring(0, m)) * 60 + Double.parseDouble(time.substring(m + 1, time.length() - 1));
    }

    /** CODA output (CODAindex.txt, CODAchainK.txt) as draws. */
    static Draws readCoda(Path dir) throws IOException {
        Map<String, int[]> index = new LinkedHashMap<>();
        for (String line : Files.readAllLines(dir.resolve("CODAindex.txt"))) {
            String[] f = line.trim().split("\\s+");
            index.put(f[0], new int[] {Integer.parseInt(f[1]), Integer.parseInt(f[2])});
        }
        List<String> variables = List.copyOf(index.keySet());
        int iterations = index.values().iterator().next()[1] - index.values().iterator().next()[0] + 1;
        double[][][] values = new double[4][variables.size()][iterations];
        for (int chain = 0; chain < 4; chain++) {
            List<String> lines = Files.readAllLines(dir.resolve("CODAchain" + (chain + 1) + ".txt"));
            for (int v = 0; v < variables.size(); v++) {
                int start = index.get(variables.get(v))[0] - 1;
                for (int i = 0; i < iterations; i++) {
                    values[chain][v][i] = Double.parseDouble(lines.get(start + i).trim().split("\\s+")[1]);
                }
            }
        }
        return Draws.of(variables, values);
    }

    /** {@code -Dbugs.clock=wall}: Muster's seconds are its chains' wall seconds summed instead of CPU seconds. */
    static final boolean WALL = "wall".equals(System.getProperty("bugs.clock"));

    static double minBulkEss(Draws draws, Predicate<String> compared) {
        double min = Double.POSITIVE_INFINITY;
        for (int v = 0; v < draws.variables().size(); v++) {
            if (compared.test(draws.variables().get(v))) {
                min = Math.min(min, Convergence.essBulk(draws.variable(v)));
            }
        }
        return min;
    }

    /**
     * CPU seconds this process has used so far, all threads (chains, JIT compiler, GC): the counterpart of
     * the {@code jags} process's CPU seconds, so that the machine's other load counts against neither tool.
     */
    static double processCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() * 1e-9;
    }

    /** The compared variable with the smallest bulk ESS. */
    static String weakest(Draws draws, Predicate<String> compared) {
        double min = Double.POSITIVE_INFINITY;
        String name = "";
        for (int v = 0; v < draws.variables().size(); v++) {
            if (compared.test(draws.variables().get(v))) {
                double ess = Convergence.essBulk(draws.variable(v));
                if (ess < min) {
                    min = ess;
                    name = draws.variables().get(v);
                }
            }
        }
        return name;
    }

    private static String rDump(Map<String, double[]> data) {
        return new java.util.TreeMap<>(data).entrySet().stream().map(e -> "\"" + e.getKey() + "\" <- " + (e.getValue().length == 1
                ? format(e.getValue()[0]) : Arrays.stream(e.getValue()).mapToObj(JagsComparison::format)
                        .collect(Collectors.joining(", ", "c(", ")")))).collect(Collectors.joining("\n", "", "\n"));
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private static double[] column(Dataset data, String name) {
        return data.real(name);
    }

    private static ModelFamily family(String id) {
        return ServiceLoader.load(ModelFamily.class).stream().map(ServiceLoader.Provider::get)
                .filter(f -> f.id().equals(id)).findFirst().orElseThrow();
    }
}
