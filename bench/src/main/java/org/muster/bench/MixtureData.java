package org.muster.bench;

import java.util.SplittableRandom;
import org.muster.em.api.NormalMixtureParameters;

/**
 * The EM benchmarks' data and start: n draws from the mixture 0.4 N(2, 0.6) + 0.2 N(5, 0.8) +
 * 0.4 N(10, 0.5) (issue 7's), seed {@value #SEED}, by Box–Muller so the data do not depend on a
 * library's sampler; and one fixed start that both Muster and mclust run from.
 */
final class MixtureData {

    static final long SEED = 20_261_121L;
    static final double[] WEIGHTS = {0.4, 0.2, 0.4};
    static final double[] MEANS = {2, 5, 10};
    static final double[] SDS = {0.6, 0.8, 0.5};

    /** Equal weights, means 1, 6 and 11, unit sds: near the truth but not at it. */
    static final NormalMixtureParameters START = new NormalMixtureParameters(new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0},
            new double[] {1, 6, 11}, new double[] {1, 1, 1});

    private MixtureData() {
    }

    static double[] simulate(int n) {
        SplittableRandom random = new SplittableRandom(SEED);
        double[] data = new double[n];
        for (int i = 0; i < n; i++) {
            double u = random.nextDouble();
            int k = u < WEIGHTS[0] ? 0 : u < WEIGHTS[0] + WEIGHTS[1] ? 1 : 2;
            double z = Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
            data[i] = MEANS[k] + SDS[k] * z;
        }
        return data;
    }
}
