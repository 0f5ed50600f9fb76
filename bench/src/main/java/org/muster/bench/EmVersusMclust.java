package org.muster.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.muster.em.api.EmResult;
import org.muster.em.api.ExpectationMaximization;
import org.muster.em.api.GaussianMixture;
import org.muster.em.api.NormalMixtureParameters;

/**
 * Muster's half of the side-by-side with R's mclust ({@code bench/em-vs-mclust.sh}): writes the
 * benchmark mixture's data ({@link MixtureData}) to a CSV with one column {@code y}, then runs EM from
 * {@link MixtureData#START} to a relative log-likelihood tolerance of 1e-8 (mclust's {@code emV} rule,
 * |Δ log L| / (1 + |log L|), is the same up to the 1 +), {@code repeats} times, and prints the
 * estimates, log likelihood, iterations and the median wall time. The first run includes JIT
 * compilation; the median of the rest does not.
 *
 * <p>Arguments: CSV path, number of points (default 10^6), repeats (default 7).
 */
public final class EmVersusMclust {

    private EmVersusMclust() {
    }

    public static void main(String[] args) throws IOException {
        Path csv = Path.of(args.length > 0 ? args[0] : "em-mixture.csv");
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        double[] data = MixtureData.simulate(n);
        try (Writer out = Files.newBufferedWriter(csv)) {
            out.write("y\n");
            for (double y : data) {
                // Full precision, so R reads exactly these doubles.
                out.write(Double.toString(y));
                out.write('\n');
            }
        }
        GaussianMixture mixture = new GaussianMixture(new ExpectationMaximization(1000, 1e-8));
        double[] seconds = new double[repeats];
        EmResult<NormalMixtureParameters> fit = null;
        for (int r = 0; r < repeats; r++) {
            long start = System.nanoTime();
            fit = mixture.fit(data, MixtureData.START);
            seconds[r] = (System.nanoTime() - start) / 1e9;
        }
        double[] warm = Arrays.copyOfRange(seconds, Math.min(1, repeats - 1), repeats);
        Arrays.sort(warm);
        double median = warm[warm.length / 2];
        NormalMixtureParameters p = fit.parameters();
        System.out.printf(Locale.ROOT, "muster  n=%d  iterations=%d  converged=%s  loglik=%.6f%n", n, fit.iterations(),
                fit.converged(), fit.logLikelihood());
        System.out.printf(Locale.ROOT, "muster  weights=%s%n", format(p.weights()));
        System.out.printf(Locale.ROOT, "muster  means=%s%n", format(p.means()));
        System.out.printf(Locale.ROOT, "muster  sds=%s%n", format(p.sds()));
        System.out.printf(Locale.ROOT, "muster  seconds: first %.3f, median of the other %d %.3f (%.2f ms per iteration)%n",
                seconds[0], warm.length, median, 1000 * median / fit.iterations());
    }

    private static String format(double[] values) {
        StringBuilder s = new StringBuilder();
        for (double v : values) {
            s.append(s.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.8f", v));
        }
        return s.toString();
    }
}
