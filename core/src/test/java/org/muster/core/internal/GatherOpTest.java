package org.muster.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Gathering and scattering back, for sorted, shuffled and repeated indices. */
class GatherOpTest {

    private static final int GROUPS = 5;

    @Test
    void forwardPicksAndBackwardSumsPerGroup() {
        SplittableRandom random = new SplittableRandom(8);
        int[][] indices = {
            {0, 0, 0, 1, 1, 2, 3, 3, 3, 3, 4},
            {4, 4, 3, 0, 0, 0, 2, 1, 1, 4},
            {2, 0, 4, 1, 3, 0, 2, 2, 1},
            {3},
            {},
            random.ints(200, 0, GROUPS).toArray(),
            random.ints(200, 0, GROUPS).sorted().toArray(),
        };
        for (int[] index : indices) {
            int n = index.length;
            // Buffer: the group vector, then the gathered vector.
            GatherOp op = new GatherOp("g", 0, GROUPS, index);
            double[] v = new double[GROUPS + n];
            for (int j = 0; j < GROUPS; j++) {
                v[j] = random.nextDouble(-2, 2);
            }
            op.forward(v);
            for (int i = 0; i < n; i++) {
                assertEquals(v[index[i]], v[GROUPS + i]);
            }
            double[] adj = random.doubles(GROUPS + n, -1, 1).toArray();
            double[] expected = adj.clone();
            for (int i = 0; i < n; i++) {
                expected[index[i]] += adj[GROUPS + i];
            }
            op.backward(v, adj, new double[4]);
            assertArrayEquals(expected, adj, 1e-13, Arrays.toString(index));
        }
    }
}
