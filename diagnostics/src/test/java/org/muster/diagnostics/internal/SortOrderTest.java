package org.muster.diagnostics.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SortOrderTest {

    @Test
    void ordersLikeASortAndKeepsTiesInInputOrder() {
        SplittableRandom random = new SplittableRandom(5);
        double[] values = new double[5000];
        for (int i = 0; i < values.length; i++) {
            // negatives, positives, tiny and huge magnitudes, many ties
            values[i] = i % 7 == 0 ? Math.floor(random.nextDouble(-3, 3))
                    : (random.nextBoolean() ? -1 : 1) * Math.pow(10, random.nextDouble(-300, 300));
        }
        int[] order = SortOrder.of(values);
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        for (int k = 0; k < values.length; k++) {
            assertEquals(sorted[k], values[order[k]]);
            if (k > 0 && values[order[k]] == values[order[k - 1]]) {
                assertTrue(order[k] > order[k - 1], "ties keep input order");
            }
        }
    }

    @Test
    void negativeZeroEqualsZero() {
        assertArrayEquals(new int[] {2, 0, 1, 3}, SortOrder.of(new double[] {0.0, -0.0, -1, 1}));
        assertArrayEquals(new int[0], SortOrder.of(new double[0]));
    }
}
