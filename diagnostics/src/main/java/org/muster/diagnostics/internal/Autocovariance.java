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
     * The biased autocovariance averaged over chains, for every lag. The inverse transform is linear, so the
     * chains' power spectra are summed and transformed back once: one inverse transform instead of one per
     * pair of chains.
     *
     * @param chains not modified: [chain][iteration], every chain of the same length {@code n >= 1}
     * @return lags {@code 0 .. n - 1}
     */
    public static double[] meanOverChains(double[][] chains) {
        double[][] centered = new double[chains.length][];
        for (int c = 0; c < chains.length; c++) {
            double mean = Moments.mean(chains[c]);
            centered[c] = new double[chains[c].length];
            for (int i = 0; i < centered[c].length; i++) {
                centered[c][i] = chains[c][i] - mean;
            }
        }
        return meanOverCenteredChains(centered);
    }

    /**
     * As {@link #meanOverChains}, for chains already centred on their own means.
     *
     * @param centered not modified: [chain][iteration], each chain's mean subtracted
     */
    static double[] meanOverCenteredChains(double[][] centered) {
        // Biased: lag-k sums of products of centred values divided by n, not n - k, as Geyer (1992) recommends
        // for a stable estimate.
        int n = centered[0].length;
        int size = paddedLength(n);
        double[] real = new double[size];
        double[] imaginary = new double[size];
        double[] power = new double[size];
        for (int c = 0; c < centered.length; c += 2) {
            pad(centered[c], real, size);
            if (c + 1 < centered.length) {
                pad(centered[c + 1], imaginary, size);
            } else {
                java.util.Arrays.fill(imaginary, 0.0);
            }
            FastFourierTransformer.transformInPlace(new double[][] {real, imaginary}, DftNormalization.STANDARD,
                    TransformType.FORWARD);
            // With z = a + ib for real chains a and b: A_k = (Z_k + conj Z_{-k}) / 2 and
            // B_k = (Z_k - conj Z_{-k}) / 2i, so one transform gives both power spectra |A|^2 and |B|^2.
            for (int k = 0; k < size; k++) {
                int j = (size - k) & (size - 1);
                double sumReal = real[k] + real[j];
                double sumImaginary = imaginary[k] - imaginary[j];
                double differenceReal = real[k] - real[j];
                double differenceImaginary = imaginary[k] + imaginary[j];
                power[k] += 0.25 * (sumReal * sumReal + sumImaginary * sumImaginary + differenceImaginary
                        * differenceImaginary + differenceReal * differenceReal);
            }
        }
        java.util.Arrays.fill(imaginary, 0.0);
        FastFourierTransformer.transformInPlace(new double[][] {power, imaginary}, DftNormalization.STANDARD,
                TransformType.INVERSE);
        double[] out = new double[n];
        double scale = (double) n * centered.length;
        for (int k = 0; k < n; k++) {
            out[k] = power[k] / scale;
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

    private static void pad(double[] centered, double[] target, int size) {
        System.arraycopy(centered, 0, target, 0, centered.length);
        java.util.Arrays.fill(target, centered.length, size, 0.0);
    }

}
