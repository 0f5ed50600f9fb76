package org.muster.models.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.muster.models.internal.HandWritten.halfNormal;
import static org.muster.models.internal.HandWritten.invLogit;
import static org.muster.models.internal.HandWritten.normal;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.muster.core.api.CompiledModel;
import org.muster.core.api.Draws;
import org.muster.diagnostics.api.Convergence;
import org.muster.models.api.Dataset;
import org.muster.models.spi.FamilyOptions;

class GaussianMixtureFamilyTest {

    private final GaussianMixtureFamily family = new GaussianMixtureFamily();

    static String column(double[] values) {
        StringBuilder out = new StringBuilder("measurement\n");
        for (double v : values) {
            out.append(v).append('\n');
        }
        return out.toString();
    }

    static double[] twoClusters(long seed, int n) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = random.nextDouble() < 0.3 ? -2 + 0.5 * random.nextGaussian() : 3 + random.nextGaussian();
        }
        return y;
    }

    @Test
    void logDensityIsTheMixtureWithOrderedMeansAndStickBreakingWeights() {
        double[] y = twoClusters(1, 40);
        Dataset data = DataFiles.csv("one.csv", column(y));
        CompiledModel compiled = family.build(data, new FamilyOptions(Map.of("components", "3"))).compile();
        assertEquals(List.of("weights[1]", "weights[2]", "mu_first", "mu_gap[1]", "mu_gap[2]", "sigma[1]", "sigma[2]",
                "sigma[3]"), compiled.unconstrainedNames());
        double m = Arrays.stream(y).average().orElseThrow();
        double s = Math.sqrt(Arrays.stream(y).map(v -> (v - m) * (v - m)).sum() / (y.length - 1));
        SplittableRandom random = new SplittableRandom(61);
        for (int trial = 0; trial < 5; trial++) {
            double[] x = HandWritten.randomPoint(random, 8, 1);
            // Stan's stick-breaking: z_k = inv_logit(x_k - log(K - k)).
            double z1 = invLogit(x[0] - Math.log(2));
            double z2 = invLogit(x[1] - Math.log(1));
            double[] w = {z1, (1 - z1) * z2, (1 - z1) * (1 - z2)};
            double expected = Math.log(z1 * (1 - z1)) + Math.log(z2 * (1 - z2) * (1 - z1)) + Math.log(2);
            double[] mu = {x[2], x[2] + Math.exp(x[3]), x[2] + Math.exp(x[3]) + Math.exp(x[4])};
            expected += normal(x[2], m, 2 * s) + x[3] + halfNormal(Math.exp(x[3]), 2 * s) + x[4]
                    + halfNormal(Math.exp(x[4]), 2 * s);
            double[] sigma = new double[3];
            for (int k = 0; k < 3; k++) {
                sigma[k] = Math.exp(x[5 + k]);
                expected += x[5 + k] + halfNormal(sigma[k], 2 * s);
            }
            for (double v : y) {
                double sum = 0;
                for (int k = 0; k < 3; k++) {
                    sum += w[k] * Math.exp(normal(v, mu[k], sigma[k]));
                }
                expected += Math.log(sum);
            }
            assertEquals(expected, compiled.newEvaluator().logDensity(x), 1e-12 * Math.max(1, Math.abs(expected)));
            double[] means = compiled.constrain(x).get("mu");
            assertTrue(means[0] < means[1] && means[1] < means[2], Arrays.toString(means));
        }
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        Dataset data = DataFiles.csv("one.csv", column(twoClusters(2, 30)));
        CompiledModel compiled = family.build(data, FamilyOptions.none()).compile();
        double[] x = HandWritten.randomPoint(new SplittableRandom(3), compiled.dimension(), 0.5);
        double[] gradient = new double[x.length];
        compiled.newEvaluator().logDensityGradient(x, gradient);
        for (int i = 0; i < x.length; i++) {
            double h = 1e-6;
            double[] up = x.clone();
            double[] down = x.clone();
            up[i] += h;
            down[i] -= h;
            double numeric = (compiled.newEvaluator().logDensity(up) - compiled.newEvaluator().logDensity(down)) / (2 * h);
            assertEquals(numeric, gradient[i], 1e-5 * Math.max(1, Math.abs(numeric)), compiled.unconstrainedNames().get(i));
        }
    }

    @Test
    void takesOneColumnWhateverItsNameAndChecksTheComponents() {
        Dataset data = DataFiles.csv("one.csv", column(twoClusters(3, 20)));
        IllegalArgumentException few = assertThrows(IllegalArgumentException.class,
                () -> family.build(data, new FamilyOptions(Map.of("components", "1"))));
        assertTrue(few.getMessage().contains("at least 2"), few.getMessage());
        IllegalArgumentException word = assertThrows(IllegalArgumentException.class,
                () -> family.build(data, new FamilyOptions(Map.of("components", "two"))));
        assertTrue(word.getMessage().contains("expected an integer"), word.getMessage());
        IllegalArgumentException two = assertThrows(IllegalArgumentException.class,
                () -> family.build(DataFiles.csv("two.csv", "a,b\n1,2\n3,4\n"), FamilyOptions.none()));
        assertTrue(two.getMessage().contains("no column 'y'"), two.getMessage());
        IllegalArgumentException flat = assertThrows(IllegalArgumentException.class,
                () -> family.build(DataFiles.csv("flat.csv", "y\n1\n1\n1\n"), FamilyOptions.none()));
        assertTrue(flat.getMessage().contains("all 3 observations are equal"), flat.getMessage());
    }

    @Test
    @Tag("statistical")
    void recoversTwoClustersWithoutLabelSwitching() {
        Dataset data = DataFiles.csv("two.csv", column(twoClusters(7, 300)));
        Draws draws = Fits.nuts(family.build(data, FamilyOptions.none()), 1000, 1000, 8);
        // 30% from N(-2, 0.5), 70% from N(3, 1); ordered means keep the chains on one labelling.
        assertEquals(0.3, Fits.mean(draws, "weights[1]"), 0.06);
        assertEquals(-2, Fits.mean(draws, "mu[1]"), 0.2);
        assertEquals(3, Fits.mean(draws, "mu[2]"), 0.2);
        assertEquals(0.5, Fits.mean(draws, "sigma[1]"), 0.15);
        assertEquals(1, Fits.mean(draws, "sigma[2]"), 0.15);
        for (String variable : List.of("mu[1]", "mu[2]", "weights[1]")) {
            double rhat = Convergence.rhat(draws.variable(draws.indexOf(variable)));
            assertTrue(rhat < 1.01, variable + " R-hat " + rhat);
        }
    }
}
