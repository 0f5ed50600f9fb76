package org.muster.diagnostics.internal;

/**
 * Rank-normalized scores for {@code S} values (Vehtari et al. 2021, eq. 14): a value of average rank
 * {@code r} becomes {@code Phi^-1((r - 3/8) / (S + 1/4))} (Blom 1958), as posterior's {@code z_scale}.
 * Average ranks are whole or half numbers, so all scores for one {@code S} fit in a table that every
 * variable with that many draws shares. Immutable once built.
 */
public final class RankNormalScores {

    private static final double OFFSET = 3.0 / 8;

    private final int total;
    /** Indexed by twice the rank; null when computed on demand. */
    private final double[] table;

    private RankNormalScores(int total, double[] table) {
        this.total = total;
        this.table = table;
    }

    /** Scores for {@code total} values, tabulated: worth it when many variables share {@code total}. */
    public static RankNormalScores tabulated(int total) {
        double[] table = new double[2 * total + 1];
        for (int twiceRank = 2; twiceRank <= 2 * total; twiceRank++) {
            table[twiceRank] = compute(twiceRank, total);
        }
        return new RankNormalScores(total, table);
    }

    /** Scores for {@code total} values, computed on each call: for a single variable. */
    public static RankNormalScores onDemand(int total) {
        return new RankNormalScores(total, null);
    }

    /** The number of values ranked. */
    public int total() {
        return total;
    }

    /** The score of average rank {@code twiceRank / 2} (1-based), {@code 2 <= twiceRank <= 2 total}. */
    public double score(int twiceRank) {
        return table != null ? table[twiceRank] : compute(twiceRank, total);
    }

    private static double compute(int twiceRank, int total) {
        return NormalQuantile.of((0.5 * twiceRank - OFFSET) / (total - 2 * OFFSET + 1));
    }
}
