package org.muster.diagnostics.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AutocovarianceTest {

    /** The definition, in O(n^2): lag-k sums of products of centred values, divided by n. */
    static double[] direct(double[] x) {
        int n = x.length;
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= n;
        double[] out = new double[n];
        for (int k = 0; k < n; k++) {
            double sum = 0;
            for (int i = 0; i + k < n; i++) {
                sum += (x[i] - mean) * (x[i + k] - mean);
            }
            out[k] = sum / n;
        }
        return out;
    }

    static double[][] autoregressive(int chains, int n, double rho, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] out = new double[chains][n];
        for (double[] chain : out) {
            double state = 0;
            for (int i = 0; i < n; i++) {
                double gaussian = Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
                state = rho * state + gaussian;
                chain[i] = 3 + state;
            }
        }
        return out;
    }

    @Test
    void fftAgreesWithTheDefinitionForEveryLag() {
        // odd and even chain counts (one chain of a pair rides in the imaginary part), lengths on and off
        // powers of two
        for (int chains : new int[] {1, 2, 3, 8}) {
            for (int n : new int[] {1, 2, 3, 5, 64, 100, 333, 1000}) {
                double[][] x = autoregressive(chains, n, 0.7, 31L * chains + n);
                double[] mean = Autocovariance.meanOverChains(x);
                double[] expectedMean = new double[n];
                for (int c = 0; c < chains; c++) {
                    double[] expected = direct(x[c]);
                    for (int k = 0; k < n; k++) {
                        expectedMean[k] += expected[k] / chains;
                    }
                }
                assertEquals(n, mean.length);
                for (int k = 0; k < n; k++) {
                    assertEquals(expectedMean[k], mean[k], 1e-12 * expectedMean[0], chains + " chains of " + n + ", lag " + k);
                }
            }
        }
    }

    @Test
    void paddingIsAPowerOfTwoLongEnoughForLinearCorrelation() {
        assertEquals(2, Autocovariance.paddedLength(1));
        assertEquals(4, Autocovariance.paddedLength(2));
        assertEquals(1024, Autocovariance.paddedLength(500));
        assertEquals(2048, Autocovariance.paddedLength(513));
        assertEquals(2048, Autocovariance.paddedLength(1024));
    }
}
