package org.muster.diagnostics.internal;

import org.apache.commons.math3.transform.DftNormalization;
import org.apache.commons.math3.transform.FastFourierTransformer;
import org.apache.commons.math3.transform.TransformType;

/**
 * Autocovariances of Markov chains by fast Fourier transform, in O(n log n) per chain.
 *
 * <p>Each chain is centred and zero-padded to a power of two of at least {@code 2n - 1}, so the circular
 * correlation the transform computes equals the linear one. Two real chains share one complex transform
 * (one as the real part, one as the imaginary part), which halves the work.
 */
public final class Autocovariance {

    private Autocovariance() {
    }

    /**
     * The biased autocovariance of every chain: lag-{@code k} sums of products of centred values divided
     * by {@code n}, not {@code n - k}, as Geyer (1992) recommends for a stable estimate.
     *
     * @param chains not modified: [chain][iteration], every chain of the same length {@code n >= 1}
     * @return [chain][lag] for lags {@code 0 .. n - 1}; lag 0 is the variance with denominator {@code n}
     */
    public static double[][] of(double[][] chains) {
        int n = chains[0].length;
        int size = paddedLength(n);
        double[][] out = new double[chains.length][];
        double[] real = new double[size];
        double[] imaginary = new double[size];
        double[] powerReal = new double[size];
        double[] powerImaginary = new double[size];
        for (int c = 0; c < chains.length; c += 2) {
            boolean pair = c + 1 < chains.length;
            center(chains[c], real, size);
            if (pair) {
                center(chains[c + 1], imaginary, size);
            } else {
                java.util.Arrays.fill(imaginary, 0.0);
            }
            FastFourierTransformer.transformInPlace(new double[][] {real, imaginary}, DftNormalization.STANDARD,
                    TransformType.FORWARD);
            // With z = a + ib for real a and b: A_k = (Z_k + conj Z_{-k}) / 2 and B_k = (Z_k - conj Z_{-k}) / 2i.
            // |A|^2 and |B|^2 are real and even, so one inverse transform of |A|^2 + i|B|^2 returns both
            // autocorrelation sums, one in each part.
            for (int k = 0; k < size; k++) {
                int j = (size - k) & (size - 1);
                double sumReal = real[k] + real[j];
                double sumImaginary = imaginary[k] - imaginary[j];
                double differenceReal = real[k] - real[j];
                double differenceImaginary = imaginary[k] + imaginary[j];
                powerReal[k] = 0.25 * (sumReal * sumReal + sumImaginary * sumImaginary);
                powerImaginary[k] = 0.25 * (differenceImaginary * differenceImaginary + differenceReal * differenceReal);
            }
            FastFourierTransformer.transformInPlace(new double[][] {powerReal, powerImaginary},
                    DftNormalization.STANDARD, TransformType.INVERSE);
            out[c] = scaled(powerReal, n);
            if (pair) {
                out[c + 1] = scaled(powerImaginary, n);
            }
        }
        return out;
    }

    /** The smallest power of two of at least {@code 2n - 1} (and at least 2). */
    static int paddedLength(int n) {
        int size = 2;
        while (size < 2 * n - 1) {
            size <<= 1;
        }
        return size;
    }

    private static void center(double[] chain, double[] target, int size) {
        double mean = Moments.mean(chain);
        for (int i = 0; i < chain.length; i++) {
            target[i] = chain[i] - mean;
        }
        java.util.Arrays.fill(target, chain.length, size, 0.0);
    }

    private static double[] scaled(double[] sums, int n) {
        double[] out = new double[n];
        for (int k = 0; k < n; k++) {
            out[k] = sums[k] / n;
        }
        return out;
    }
}
