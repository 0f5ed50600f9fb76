package org.muster.models.internal;

import java.util.SplittableRandom;
import org.apache.commons.math3.special.Gamma;

/**
 * Log densities and transforms written out by hand from their textbook formulas, independently of
 * the kernels under test, for checking the families' compiled log densities.
 */
final class HandWritten {

    private HandWritten() {
    }

    static double normal(double x, double mu, double sigma) {
        double z = (x - mu) / sigma;
        return -0.5 * Math.log(2 * Math.PI) - Math.log(sigma) - 0.5 * z * z;
    }

    static double halfNormal(double x, double sigma) {
        return Math.log(2) + normal(x, 0, sigma);
    }

    static double halfCauchy(double x, double sigma) {
        return Math.log(2 / (Math.PI * sigma)) - Math.log1p((x / sigma) * (x / sigma));
    }

    static double exponential(double x, double rate) {
        return Math.log(rate) - rate * x;
    }

    /** Gamma with shape and rate. */
    static double gamma(double x, double shape, double rate) {
        return shape * Math.log(rate) - Gamma.logGamma(shape) + (shape - 1) * Math.log(x) - rate * x;
    }

    static double beta(double x, double a, double b) {
        return Gamma.logGamma(a + b) - Gamma.logGamma(a) - Gamma.logGamma(b) + (a - 1) * Math.log(x)
                + (b - 1) * Math.log1p(-x);
    }

    static double binomial(int y, int n, double p) {
        return logChoose(n, y) + y * Math.log(p) + (n - y) * Math.log1p(-p);
    }

    static double poisson(int y, double mean) {
        return y * Math.log(mean) - mean - Gamma.logGamma(y + 1);
    }

    static double logChoose(int n, int k) {
        return Gamma.logGamma(n + 1) - Gamma.logGamma(k + 1) - Gamma.logGamma(n - k + 1);
    }

    static double invLogit(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /** log|d invLogit(x)/dx| = log p + log(1 - p). */
    static double logitJacobian(double x) {
        double p = invLogit(x);
        return Math.log(p) + Math.log1p(-p);
    }

    /** A random point with coordinates N(0, scale²). */
    static double[] randomPoint(SplittableRandom random, int dimension, double scale) {
        double[] x = new double[dimension];
        for (int i = 0; i < dimension; i++) {
            x[i] = scale * random.nextGaussian();
        }
        return x;
    }
}
