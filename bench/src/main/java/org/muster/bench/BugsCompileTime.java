package org.muster.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.muster.lang.api.ModelFiles;
import org.muster.lang.spi.LoadedModel;
import org.muster.lang.spi.ModelRequest;

/**
 * How long a BUGS model of N observations (default 10^5) takes to load: parse, read the R dump data,
 * compile to the graph and compile the graph to its log density. A varying-intercept normal model,
 * {@code y[i] ~ dnorm(mu[g[i]], tau)} over 50 groups; the median of 10 loads after 5 warm-up loads.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar org.muster.bench.BugsCompileTime [N]}.
 */
public final class BugsCompileTime {

    private BugsCompileTime() {
    }

    public static void main(String[] args) throws IOException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path dir = Files.createTempDirectory("muster-bugs-compile");
        Path model = dir.resolve("model.bug");
        Files.writeString(model, "model {\n  for (i in 1:N) {\n    y[i] ~ dnorm(mu[g[i]] + b * x[i], tau)\n  }\n"
                + "  for (j in 1:J) { mu[j] ~ dnorm(m, s) }\n  m ~ dnorm(0, 0.01)\n  b ~ dnorm(0, 0.01)\n"
                + "  s ~ dgamma(1, 1)\n  tau ~ dgamma(1, 1)\n}\n");
        SplittableRandom random = new SplittableRandom(1);
        StringBuilder data = new StringBuilder("N <- " + n + "\nJ <- 50\n");
        StringBuilder y = new StringBuilder("y <- c(");
        StringBuilder x = new StringBuilder("x <- c(");
        StringBuilder g = new StringBuilder("g <- c(");
        for (int i = 0; i < n; i++) {
            String sep = i == 0 ? "" : ", ";
            y.append(sep).append(String.format(Locale.ROOT, "%.4f", random.nextGaussian()));
            x.append(sep).append(String.format(Locale.ROOT, "%.4f", random.nextGaussian()));
            g.append(sep).append(1 + random.nextInt(50));
        }
        Path dataFile = dir.resolve("data.R");
        Files.writeString(dataFile, data.append(y).append(")\n").append(x).append(")\n").append(g).append(")\n"));
        double[] seconds = new double[10];
        double[] cpuSeconds = new double[10];
        double first = 0;
        for (int r = -5; r < seconds.length; r++) {
            double cpu = JagsComparison.processCpuSeconds();
            long start = System.nanoTime();
            LoadedModel loaded = ModelFiles.load(ModelRequest.of(model, dataFile));
            loaded.model().model().compile();
            double s = (System.nanoTime() - start) / 1e9;
            if (r >= 0) {
                seconds[r] = s;
                cpuSeconds[r] = JagsComparison.processCpuSeconds() - cpu;
            } else if (r == -5) {
                first = s;
            }
        }
        System.out.printf(Locale.ROOT, "%d observations: load and compile, median %.3f s (min %.3f s; CPU, all threads,"
                + " median %.3f s); the first load in this JVM %.3f s%n", n, SamplerEfficiency.median(seconds),
                java.util.Arrays.stream(seconds).min().orElseThrow(), SamplerEfficiency.median(cpuSeconds), first);
        System.out.println("model " + model + ", data " + dataFile);
    }
}
