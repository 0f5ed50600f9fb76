package org.muster.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;
import java.util.SplittableRandom;
import org.muster.core.api.Model;
import org.muster.models.api.Dataset;
import org.muster.models.spi.FamilyOptions;
import org.muster.models.spi.ModelFamily;

/**
 * A simulated hierarchical logistic regression for the formula-GLMM benchmarks: {@code groups} groups of
 * {@code perGroup} observations, x ~ N(0, 1), per-group intercept and slope with scales 0.7 and 0.4 and
 * correlation 0.3 around -0.4 and 0.8, y ~ Bernoulli(logit⁻¹(a_g + b_g x)); the model is
 * {@code y ~ x + (1 + x | g)} from the {@code glmm} family, found through {@link ServiceLoader} as the
 * command line finds it.
 */
public final class GlmmLogistic {

    static final String FORMULA = "y ~ x + (1 + x | g)";

    private GlmmLogistic() {
    }

    /** The simulated data as a dataset with columns y, x, g (1-based). */
    public static Dataset data(int groups, int perGroup, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String[]> rows = new ArrayList<>(groups * perGroup);
        for (int j = 0; j < groups; j++) {
            double z1 = random.nextGaussian();
            double z2 = random.nextGaussian();
            double a = -0.4 + 0.7 * z1;
            double b = 0.8 + 0.4 * (0.3 * z1 + Math.sqrt(1 - 0.09) * z2);
            for (int i = 0; i < perGroup; i++) {
                double x = random.nextGaussian();
                double p = 1 / (1 + Math.exp(-(a + b * x)));
                rows.add(new String[] {random.nextDouble() < p ? "1" : "0", Double.toString(x), Integer.toString(j + 1)});
            }
        }
        int[] lines = new int[rows.size()];
        Arrays.setAll(lines, r -> r + 2);
        return new Dataset("simulated logistic (" + groups + " x " + perGroup + ")", List.of("y", "x", "g"), rows, lines);
    }

    /** The model built from {@link #FORMULA} on the data. */
    public static Model model(int groups, int perGroup, long seed) {
        ModelFamily glmm = ServiceLoader.load(ModelFamily.class).stream().map(ServiceLoader.Provider::get)
                .filter(f -> f.id().equals("glmm")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no glmm model family on the class path"));
        return glmm.build(data(groups, perGroup, seed), FamilyOptions.builder().option("formula", FORMULA)
                .option("family", "bernoulli").build());
    }
}
