package org.muster.bench;

import java.util.SplittableRandom;

/** Reproducible points of the unconstrained space at which to evaluate a log density. */
final class RandomPoint {

    private RandomPoint() {
    }

    /**
     * A point with independent N(0, scale²) coordinates: the kind of point a sampler's initialization
     * and warmup visit (constrained scales near exp(0) = 1, group effects near the population mean).
     */
    static double[] normal(int dimension, double scale, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[dimension];
        for (int i = 0; i < dimension; i++) {
            x[i] = scale * gaussian(random);
        }
        return x;
    }

    private static double gaussian(SplittableRandom random) {
        // Box–Muller rather than nextGaussian(): the point stays the same whichever JDK's algorithm.
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2.0 * Math.PI * v);
    }
}
