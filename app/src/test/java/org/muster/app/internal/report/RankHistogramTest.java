package org.muster.app.internal.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RankHistogramTest {

    @Test
    void aChainAboveTheOthersHasAllItsRanksInTheTopBins() {
        double[][] chains = {{1, 2, 3, 4}, {5, 6, 7, 8}};
        RankHistogram histogram = RankHistogram.of(chains, 2);
        assertArrayEquals(new int[] {4, 0}, histogram.counts()[0]);
        assertArrayEquals(new int[] {0, 4}, histogram.counts()[1]);
        assertEquals(8, histogram.ranks());
        assertEquals(2.0, histogram.expected());
    }

    @Test
    void interleavedChainsHaveFlatHistograms() {
        double[][] chains = new double[3][300];
        for (int i = 0; i < 900; i++) {
            chains[i % 3][i / 3] = i;
        }
        RankHistogram histogram = RankHistogram.of(chains, 10);
        for (int[] counts : histogram.counts()) {
            assertEquals(300, Arrays.stream(counts).sum());
            for (int count : counts) {
                assertEquals(30, count, 1);
            }
        }
    }

    @Test
    void tiesShareTheirAverageRank() {
        // Ranks 1..4 with the three 5s tied at rank 3: bins [1, 2.5), [2.5, 4].
        double[][] chains = {{5, 1}, {5, 5}};
        RankHistogram histogram = RankHistogram.of(chains, 2);
        assertArrayEquals(new int[] {1, 1}, histogram.counts()[0]);
        assertArrayEquals(new int[] {0, 2}, histogram.counts()[1]);
    }
}
