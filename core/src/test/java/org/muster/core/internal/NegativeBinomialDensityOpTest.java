package org.muster.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.muster.core.api.distributions.NegativeBinomial;

/**
 * The plate-level negative binomial op against the generic op over the kernel's scalar methods, on
 * the same buffer: log density and the adjoints of the means and of the precision, for ordinary and
 * extreme means and precisions (1e-3 to 1e5), repeated and zero counts, and invalid members.
 */
class NegativeBinomialDensityOpTest {

    @ParameterizedTest
    @CsvSource({
        // size, log10 range of mu and phi (centred at 1), invalid rate, precision is data, seed
        "9, 1, 0, false, 1",
        "9, 1, 0, true, 2",
        "400, 1, 0, false, 3",
        "9, 4, 0, false, 4",
        "9, 1, 0.1, false, 5",
        "9, 1, 0.1, true, 6"})
    void matchesGenericOp(int size, double range, double invalidRate, boolean precisionIsData, long seed) {
        // Buffer layout: counts, means, precision, zero, the op's slots.
        int countsAt = 0;
        int meanAt = size;
        int precisionAt = 2 * size;
        int zeroAt = 2 * size + 1;
        int slotsAt = 2 * size + 2;
        UnivariateDensityOp generic = new UnivariateDensityOp("y", NegativeBinomial.INSTANCE, size, countsAt,
                new int[] {meanAt, precisionAt, zeroAt}, new int[] {1, 0, 0});
        SplittableRandom random = new SplittableRandom(seed);
        int invalidTrials = 0;
        for (int trial = 0; trial < (size > 100 ? 30 : 300); trial++) {
            double[] counts = new double[size];
            for (int i = 0; i < size; i++) {
                // few distinct values, zeros included, as real counts have
                counts[i] = random.nextInt(4) == 0 ? 0 : random.nextInt(1, random.nextBoolean() ? 6 : 300);
            }
            int slots = NegativeBinomialDensityOp.slots(size, NegativeBinomialDensityOp.distinctPositive(counts));
            double[] v = new double[slotsAt + slots];
            System.arraycopy(counts, 0, v, countsAt, size);
            for (int i = 0; i < size; i++) {
                v[meanAt + i] = random.nextDouble() < invalidRate
                        ? new double[] {0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY}[random.nextInt(4)]
                        : Math.pow(10, random.nextDouble(-range, range));
            }
            v[precisionAt] = random.nextDouble() < invalidRate
                    ? new double[] {0.0, -2.0, Double.NaN}[random.nextInt(3)]
                    : Math.pow(10, random.nextDouble(-range, range));
            NegativeBinomialDensityOp fast = new NegativeBinomialDensityOp(generic, counts, meanAt,
                    new PlateArgument(precisionAt, true, !precisionIsData), slotsAt);

            double expected = generic.forward(v.clone());
            double actual = fast.forward(v);
            assertEquals(expected, actual, 1e-12 * Math.abs(expected), "trial " + trial);
            if (expected == Double.NEGATIVE_INFINITY) {
                invalidTrials++;
            }
            double[] start = random.doubles(v.length, -1, 1).toArray();
            double[] expectedAdjoints = start.clone();
            double[] actualAdjoints = start.clone();
            generic.backward(v, expectedAdjoints, new double[4]);
            fast.backward(v, actualAdjoints, new double[4]);
            for (int i = 0; i < size; i++) {
                assertEquals(expectedAdjoints[meanAt + i], actualAdjoints[meanAt + i],
                        1e-11 * Math.max(1, Math.abs(expectedAdjoints[meanAt + i])), "trial " + trial + " mean " + i);
            }
            if (!precisionIsData) {
                assertEquals(expectedAdjoints[precisionAt], actualAdjoints[precisionAt],
                        1e-11 * Math.max(1, Math.abs(expectedAdjoints[precisionAt])), "trial " + trial + " precision");
            }
        }
        if (invalidRate > 0) {
            assertTrue(invalidTrials > 50, "only " + invalidTrials + " trials had an invalid member");
        }
    }
}
