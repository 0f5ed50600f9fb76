package org.muster.core.api.distributions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.muster.core.api.transforms.Transforms;

class CategoricalTest {

    private static final double[] PROBS = {0.2, 0.5, 0.3};

    @Test
    void logMassIsTheSumOverLabels() {
        KernelBuffer b = new KernelBuffer(Categorical.INSTANCE, new double[] {1, 2, 2, 3}, PROBS);
        assertEquals(Math.log(0.2) + 2 * Math.log(0.5) + Math.log(0.3), b.logDensity(), 1e-14);
        assertEquals(Math.log(0.5),
                new KernelBuffer(Categorical.INSTANCE, new double[] {2}, PROBS).logDensity(), 1e-15);
    }

    @Test
    void invalidLabelsOrProbabilitiesGiveMinusInfinity() {
        for (double label : new double[] {0, 4, 1.5, -1, Double.NaN}) {
            assertEquals(Double.NEGATIVE_INFINITY,
                    new KernelBuffer(Categorical.INSTANCE, new double[] {1, label}, PROBS).logDensity(),
                    "label " + label);
        }
        assertEquals(Double.NEGATIVE_INFINITY, new KernelBuffer(Categorical.INSTANCE,
                new double[] {1}, new double[] {0.6, -0.1, 0.5}).logDensity());
        assertEquals(Double.NEGATIVE_INFINITY, new KernelBuffer(Categorical.INSTANCE,
                new double[] {1}, new double[] {0.2, 0.5, 0.3 + 1e-7}).logDensity());
        assertEquals(Math.log(0.2), new KernelBuffer(Categorical.INSTANCE,
                new double[] {1}, new double[] {0.2, 0.5, 0.3 + 1e-9}).logDensity(), 1e-12);
        assertEquals(Double.NEGATIVE_INFINITY, new KernelBuffer(Categorical.INSTANCE,
                new double[] {2}, new double[] {0.5, 0.0, 0.5}).logDensity());
    }

    @Test
    void gradientIsCountOverProbabilityAndNoneForLabels() {
        KernelBuffer b = new KernelBuffer(Categorical.INSTANCE, new double[] {1, 2, 2, 3, 2}, PROBS);
        double[] gradient = b.gradient(2.0);
        int probs = b.argOffsets[0];
        assertEquals(2.0 * 1 / 0.2, gradient[probs], 1e-12);
        assertEquals(2.0 * 3 / 0.5, gradient[probs + 1], 1e-12);
        assertEquals(2.0 * 1 / 0.3, gradient[probs + 2], 1e-12);
        for (int i = 0; i < b.valueSize; i++) {
            assertEquals(0.0, gradient[b.valueOffset + i], 0.0, "label gradient");
        }
    }

    @Test
    void gradientMatchesFiniteDifferencesAlongTheSimplex() {
        SplittableRandom random = new SplittableRandom(3);
        KernelBuffer b = new KernelBuffer(Categorical.INSTANCE, new double[] {4, 1, 2, 4, 3}, new double[4]);
        for (int trial = 0; trial < 20; trial++) {
            double[] x = {random.nextDouble(-2, 2), random.nextDouble(-2, 2), random.nextDouble(-2, 2)};
            b.assertGradientAlongTransform(Transforms.simplex(), b.argOffsets[0], 4, x);
        }
    }

    @Test
    void checkSizesExplainsMismatches() {
        assertNull(Categorical.INSTANCE.checkSizes(5, new int[] {3}));
        assertTrue(Categorical.INSTANCE.checkSizes(0, new int[] {3}).contains("at least 1 label"));
        assertTrue(Categorical.INSTANCE.checkSizes(1, new int[] {0}).contains("probs has length 0"));
        assertTrue(Categorical.INSTANCE.checkSizes(1, new int[] {3, 3}).contains("1 argument"));
        assertEquals(1, Categorical.INSTANCE.defaultValueSize(new int[] {3}));
    }

    @Test
    void samplesFollowTheProbabilities() {
        int n = 20000;
        double[] probs = {0.2, 0.5, 0.0, 0.3};
        KernelBuffer b = new KernelBuffer(Categorical.INSTANCE, new double[n], probs);
        Categorical.INSTANCE.sample(new SplittableRandom(42), b.buffer, b.valueOffset, n,
                b.argOffsets, b.argSizes, b.scratchOffset);
        int[] counts = new int[probs.length];
        for (int i = 0; i < n; i++) {
            counts[(int) b.buffer[b.valueOffset + i] - 1]++;
        }
        for (int k = 0; k < probs.length; k++) {
            double standardError = Math.sqrt(n * probs[k] * (1 - probs[k]));
            assertTrue(Math.abs(counts[k] - n * probs[k]) <= 5 * standardError + 1e-12,
                    "category " + (k + 1) + " count " + counts[k]);
        }
        assertThrows(IllegalArgumentException.class, () -> Categorical.INSTANCE.sample(
                new SplittableRandom(1), new double[] {0, 0.5, 0.6}, 0, 1, new int[] {1}, new int[] {2}, 3));
    }
}
