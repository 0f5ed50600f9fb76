package org.muster.diagnostics.internal;

/**
 * Summary statistics and convergence diagnostics of one scalar variable's chains, as the R package
 * {@code posterior} 1.4.0 computes them (Vehtari, Gelman, Simpson, Carpenter &amp; Bürkner 2021). The
 * draws are sorted once; ranks, quantiles and folded ranks all come from that one order. Not thread-safe
 * (each statistic is computed once and kept); use one instance per thread.
 */
public final class VariableDiagnostics {

    /** Normal probabilities one standard deviation either side of the centre, as posterior writes them. */
    private static final double LOWER = 0.1586553;
    private static final double UPPER = 0.8413447;

    private final double[][] chains;
    private final int chainCount;
    private final int length;
    private final int half;
    private final double[] pooled;
    private final int[] order;
    private final double[] sorted;
    private final RankNormalScores scores;
    private double[][] split;
    private double mean = Double.NaN;
    private double essMean = Double.NaN;
    private boolean essMeanKnown;

    /**
     * @param variable name for error messages, or null
     * @param chains not modified (and not copied: do not modify them while this is in use)
     * @param scores rank-normal scores for {@link #splitDraws(int, int)} values, or null to compute them here
     * @throws IllegalArgumentException if chains are empty, of unequal length, or a draw is not finite
     */
    public VariableDiagnostics(String variable, double[][] chains, RankNormalScores scores) {
        ChainArrays.requireValid(variable, chains);
        this.chains = chains;
        this.chainCount = chains.length;
        this.length = chains[0].length;
        this.half = length / 2;
        this.pooled = ChainArrays.pooled(chains);
        this.order = SortOrder.of(pooled);
        this.sorted = new double[pooled.length];
        for (int k = 0; k < order.length; k++) {
            sorted[k] = pooled[order[k]];
        }
        int splitDraws = splitDraws(chainCount, length);
        if (scores != null && scores.total() != splitDraws) {
            throw new IllegalArgumentException("scores for " + scores.total() + " draws, not " + splitDraws);
        }
        this.scores = scores != null ? scores : RankNormalScores.onDemand(splitDraws);
    }

    /** How many draws the split chains hold: all of them, less the middle draw of odd-length chains. */
    public static int splitDraws(int chains, int length) {
        return length == 1 ? chains : 2 * chains * (length / 2);
    }

    public double mean() {
        if (Double.isNaN(mean)) {
            // a constant's summed draws need not divide back to it exactly; its mean is the value itself
            mean = constant() ? sorted[0] : Moments.mean(pooled);
        }
        return mean;
    }

    /** Standard deviation with denominator {@code S - 1}; exactly 0 for a {@link #constant()} variable. */
    public double sd() {
        return constant() && pooled.length > 1 ? 0 : Math.sqrt(Moments.variance(pooled, mean()));
    }

    /** Whether every draw of every chain is the same value (a fixed entry of a Cholesky factor, say). */
    public boolean constant() {
        return sorted[0] == sorted[sorted.length - 1];
    }

    /** The type-7 sample quantile. */
    public double quantile(double p) {
        return SampleQuantile.type7(sorted, p);
    }

    public double median() {
        return ChainArrays.median(sorted);
    }

    /** Split chains: [first halves of all chains, then second halves][iteration]. */
    private double[][] split() {
        if (split == null) {
            split = ChainArrays.split(chains);
        }
        return split;
    }

    /** Split R-hat of the draws as they are. */
    public double rhatBasic() {
        return EffectiveSampleSize.potentialScaleReduction(split());
    }

    /** Rank-normalized split R-hat: the larger of the bulk and the folded (tail) R-hat. */
    public double rhat() {
        return rhat(median());
    }

    /**
     * Rank-normalized split R-hat with the draws folded about a given centre for the tail part
     * (posterior folds about the median; tests use this to show how the result depends on its last bit).
     */
    public double rhat(double centre) {
        double bulk = EffectiveSampleSize.potentialScaleReduction(bulkScores());
        double tail = EffectiveSampleSize.potentialScaleReduction(foldedScores(centre));
        return Math.max(bulk, tail);
    }

    /** ESS of the rank-normalized split chains. */
    public double essBulk() {
        return EffectiveSampleSize.of(bulkScores());
    }

    /** ESS of the split chains as they are: the ESS of the mean. */
    public double essMean() {
        if (!essMeanKnown) {
            essMean = EffectiveSampleSize.of(split());
            essMeanKnown = true;
        }
        return essMean;
    }

    /** ESS of the p-quantile: of the indicator of draws at most the sample quantile. */
    public double essQuantile(double p) {
        // as posterior: the indicator of x <= max(x) is constant, so p = 1 moves half a draw inwards
        double probability = p == 1 ? (sorted.length - 0.5) / sorted.length : p;
        double quantile = SampleQuantile.type7(sorted, probability);
        return EffectiveSampleSize.of(ChainArrays.split(ChainArrays.indicator(chains, quantile)));
    }

    /** The smaller of the 5% and 95% quantiles' ESS; NaN if either is. */
    public double essTail() {
        return Math.min(essQuantile(0.05), essQuantile(0.95));
    }

    public double mcseMean() {
        return sd() / Math.sqrt(essMean());
    }

    /**
     * MCSE of the sd: the variance of the variance estimate without assuming normality (Kenney &amp; Keeping
     * 1951) with the ESS of the squared deviations, carried to the sd by a first-order Taylor expansion.
     */
    public double mcseSd() {
        double centre = mean();
        double[][] squares = new double[chainCount][];
        double sumSquares = 0;
        for (int c = 0; c < chainCount; c++) {
            double[] chain = chains[c];
            double[] square = new double[length];
            for (int i = 0; i < length; i++) {
                double d = chain[i] - centre;
                square[i] = d * d;
            }
            squares[c] = square;
        }
        double ess = EffectiveSampleSize.of(ChainArrays.split(squares));
        double[] pooledSquares = ChainArrays.pooled(squares);
        double variance = Moments.mean(pooledSquares);
        double[] fourth = new double[pooledSquares.length];
        for (int i = 0; i < fourth.length; i++) {
            fourth[i] = pooledSquares[i] * pooledSquares[i];
        }
        double varianceOfVariance = (Moments.mean(fourth) - variance * variance) / ess;
        return Math.sqrt(varianceOfVariance / variance / 4);
    }

    /**
     * MCSE of the p-quantile given its ESS: half the distance between the order statistics at the 16% and
     * 84% points of the Beta(ESS p + 1, ESS (1 - p) + 1) distribution of the quantile's rank
     * (Vehtari et al. 2021, section 4.3).
     */
    public double mcseQuantile(double p, double ess) {
        if (Double.isNaN(ess)) {
            return Double.NaN;
        }
        double lower = BetaQuantile.of(LOWER, ess * p + 1, ess * (1 - p) + 1);
        double upper = BetaQuantile.of(UPPER, ess * p + 1, ess * (1 - p) + 1);
        int n = sorted.length;
        double below = sorted[(int) Math.max(Math.floor(lower * n), 1) - 1];
        double above = sorted[(int) Math.min(Math.ceil(upper * n), n) - 1];
        return (above - below) / 2;
    }

    /** Whether pooled draw {@code p} is the left-out middle draw of an odd-length chain. */
    private boolean leftOut(int p) {
        return length % 2 == 1 && length > 1 && p % length == half;
    }

    /** The split draws' pooled indices in ascending order of value (left-out middle draws removed). */
    private int[] splitOrder() {
        if (splitDraws(chainCount, length) == order.length) {
            return order;
        }
        int[] kept = new int[splitDraws(chainCount, length)];
        int at = 0;
        for (int p : order) {
            if (!leftOut(p)) {
                kept[at++] = p;
            }
        }
        return kept;
    }

    /** Rank-normalized split chains. */
    private double[][] bulkScores() {
        int[] ascending = splitOrder();
        double[] values = new double[ascending.length];
        for (int k = 0; k < ascending.length; k++) {
            values[k] = pooled[ascending[k]];
        }
        return scored(ascending, values);
    }

    /**
     * Rank-normalized split chains of the draws folded about {@code centre}: |x - centre| is increasing in x
     * above the centre and decreasing below it, so merging the two sides of the sorted draws sorts the
     * folded draws without another sort.
     */
    private double[][] foldedScores(double centre) {
        int[] ascending = splitOrder();
        int n = ascending.length;
        int above = 0;
        while (above < n && pooled[ascending[above]] <= centre) {
            above++;
        }
        int[] folded = new int[n];
        double[] values = new double[n];
        int below = above - 1;
        int up = above;
        for (int k = 0; k < n; k++) {
            double fromBelow = below >= 0 ? Math.abs(pooled[ascending[below]] - centre) : Double.POSITIVE_INFINITY;
            double fromAbove = up < n ? Math.abs(pooled[ascending[up]] - centre) : Double.POSITIVE_INFINITY;
            if (fromBelow <= fromAbove && below >= 0) {
                folded[k] = ascending[below--];
                values[k] = fromBelow;
            } else {
                folded[k] = ascending[up++];
                values[k] = fromAbove;
            }
        }
        return scored(folded, values);
    }

    /**
     * Scores of draws given in ascending order of their (transformed) values, tied values sharing their
     * average rank, as split chains.
     */
    private double[][] scored(int[] ascending, double[] values) {
        double[] byDraw = new double[pooled.length];
        int k = 0;
        while (k < ascending.length) {
            int last = k;
            while (last + 1 < ascending.length && values[last + 1] == values[k]) {
                last++;
            }
            // ranks k+1 .. last+1 share their average, (k + last + 2) / 2
            double score = scores.score(k + last + 2);
            for (int j = k; j <= last; j++) {
                byDraw[ascending[j]] = score;
            }
            k = last + 1;
        }
        double[][] perChain = new double[chainCount][];
        for (int c = 0; c < chainCount; c++) {
            perChain[c] = java.util.Arrays.copyOfRange(byDraw, c * length, (c + 1) * length);
        }
        return ChainArrays.split(perChain);
    }
}
