package org.muster.app.internal.report;

import java.util.Arrays;

/**
 * Per-chain histograms of the ranks of a variable's draws among all chains' draws (Vehtari, Gelman,
 * Simpson, Carpenter &amp; Bürkner 2021, "Rank-normalization, folding, and localization", Bayesian
 * Analysis 16(2), section 4): if the chains sample the same distribution every chain's ranks are uniform,
 * so each bin holds about {@link #expected()} draws; a chain stuck high or low piles up at one end.
 *
 * @param counts {@code [chain][bin]}: how many of the chain's draws have a rank in the bin
 * @param ranks total number of draws ranked (chains times draws per chain)
 * @param expected the count each bin has under uniform ranks: draws per chain / bins
 */
record RankHistogram(int[][] counts, int ranks, double expected) {

    RankHistogram {
        counts = deepCopy(counts);
    }

    @Override
    public int[][] counts() {
        return deepCopy(counts);
    }

    int bins() {
        return counts[0].length;
    }

    /**
     * The histograms of {@code bins} equal bins over ranks 1..N; ties get their average rank, as R's
     * {@code rank} does.
     *
     * @param chains {@code [chain][iteration]}, not modified; equal lengths
     */
    static RankHistogram of(double[][] chains, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be at least 1, got " + bins);
        }
        int perChain = chains[0].length;
        int total = chains.length * perChain;
        double[] values = new double[total];
        for (int c = 0; c < chains.length; c++) {
            if (chains[c].length != perChain) {
                throw new IllegalArgumentException("chain " + (c + 1) + " has " + chains[c].length + " draws, expected "
                        + perChain);
            }
            System.arraycopy(chains[c], 0, values, c * perChain, perChain);
        }
        Integer[] order = new Integer[total];
        for (int i = 0; i < total; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        int[][] counts = new int[chains.length][bins];
        int i = 0;
        while (i < total) {
            int j = i;
            while (j + 1 < total && values[order[j + 1]] == values[order[i]]) {
                j++;
            }
            double averageRank = (i + j) / 2.0 + 1;
            // Bins split [1, N] evenly: rank r falls into floor((r - 1) bins / N), the last rank into the last bin.
            int bin = Math.min(bins - 1, (int) Math.floor((averageRank - 1) * bins / total));
            for (int k = i; k <= j; k++) {
                counts[order[k] / perChain][bin]++;
            }
            i = j + 1;
        }
        return new RankHistogram(counts, total, (double) perChain / bins);
    }

    private static int[][] deepCopy(int[][] array) {
        int[][] copy = new int[array.length][];
        for (int i = 0; i < array.length; i++) {
            copy[i] = array[i].clone();
        }
        return copy;
    }
}
