package org.muster.diagnostics.internal;

/**
 * The effective sample size of a set of chains and the potential scale reduction (R-hat) of Vehtari,
 * Gelman, Simpson, Carpenter &amp; Bürkner (2021), "Rank-normalization, folding, and localization: an
 * improved R-hat for assessing convergence of MCMC", Bayesian Analysis 16(2), computed as the R package
 * {@code posterior} 1.4.0 does. Splitting, ranking and folding are the caller's business: these
 * functions take the chains as given.
 */
public final class EffectiveSampleSize {

    /** {@code .Machine$double.eps}: R treats draws whose range is below it as constant. */
    static final double CONSTANT_RANGE = Math.ulp(1.0);

    private EffectiveSampleSize() {
    }

    /**
     * The effective sample size of the mean over all chains, from autocorrelations combined across chains
     * (BDA3, eq. 11.7) and truncated by Geyer's initial monotone sequence, with posterior's cap of
     * {@code S log10 S} for {@code S} draws.
     *
     * @param chains not modified: [chain][iteration], finite, all of one length
     * @return the ESS; NaN when chains have fewer than 3 iterations or all values are the same
     */
    public static double of(double[][] chains) {
        return of(chains, MeanAutocovariance.DIRECT_LAGS);
    }

    /** As {@link #of(double[][])}, computing at most {@code directLags} lags directly before the FFT (for tests). */
    static double of(double[][] chains, int directLags) {
        int m = chains.length;
        int n = chains[0].length;
        if (n < 3) {
            return Double.NaN;
        }
        MeanAutocovariance autocovariance = new MeanAutocovariance(chains, directLags);
        if (autocovariance.range < CONSTANT_RANGE) {
            return Double.NaN;
        }
        double meanVariance = autocovariance.at(0) * n / (n - 1);
        double varianceEstimate = meanVariance * (n - 1) / n;
        if (m > 1) {
            varianceEstimate += Moments.variance(autocovariance.chainMeans);
        }
        double[] rho = new double[n];
        // Geyer's initial positive sequence: sums of adjacent pairs of autocorrelations stay positive.
        int t = 0;
        double even = 1;
        double odd = 1 - (meanVariance - autocovariance.at(1)) / varianceEstimate;
        rho[0] = even;
        rho[1] = odd;
        while (t < n - 5 && !Double.isNaN(even + odd) && even + odd > 0) {
            t += 2;
            even = 1 - (meanVariance - autocovariance.at(t)) / varianceEstimate;
            odd = 1 - (meanVariance - autocovariance.at(t + 1)) / varianceEstimate;
            if (even + odd >= 0) {
                rho[t] = even;
                rho[t + 1] = odd;
            }
        }
        int maxLag = t;
        if (even > 0) {
            // the improved estimate (Vehtari et al. 2021) adds the last positive even-lag term
            rho[maxLag] = even;
        }
        // Geyer's initial monotone sequence: pair sums may not increase.
        t = 0;
        while (t <= maxLag - 4) {
            t += 2;
            if (rho[t] + rho[t + 1] > rho[t - 2] + rho[t - 1]) {
                rho[t] = (rho[t - 2] + rho[t - 1]) / 2;
                rho[t + 1] = rho[t];
            }
        }
        double sum = 0;
        for (int k = 0; k < maxLag; k++) {
            sum += rho[k];
        }
        if (maxLag == 0) {
            // posterior sums rho_hat_t[1:max_t], which R reads as the first element when max_t is 0
            sum = rho[0];
        }
        double draws = (double) m * n;
        double tau = -1 + 2 * sum + rho[maxLag];
        // posterior's guard against negative or tiny tau: the ESS is at most S log10 S
        tau = Math.max(tau, 1 / Math.log10(draws));
        return draws / tau;
    }

    /**
     * The potential scale reduction factor R-hat of chains as given (BDA3, eq. 11.4): the square root of
     * the ratio of the pooled variance estimate to the mean within-chain variance.
     *
     * @param chains not modified: [chain][iteration], finite, all of one length
     * @return R-hat; NaN when all values are the same or there are too few chains or iterations
     */
    public static double potentialScaleReduction(double[][] chains) {
        int m = chains.length;
        int n = chains[0].length;
        if (isConstant(chains)) {
            return Double.NaN;
        }
        double[] chainMeans = new double[m];
        double withinVariance = 0;
        for (int c = 0; c < m; c++) {
            chainMeans[c] = Moments.mean(chains[c]);
            withinVariance += Moments.variance(chains[c], chainMeans[c]);
        }
        withinVariance /= m;
        double betweenVariance = n * Moments.variance(chainMeans);
        return Math.sqrt((betweenVariance / withinVariance + n - 1) / n);
    }

    /**
     * The autocovariance at each lag averaged over chains, computed as far as Geyer's sequence asks: the
     * first lags directly (a sequence of well-mixed chains ends within a few lags), all lags by FFT once a
     * later lag is needed, so the cost is O(n) for well-mixed chains and O(n log n) at worst.
     */
    private static final class MeanAutocovariance {

        /**
         * Lags computed directly before switching to the FFT: one lag costs S multiply-adds; the transforms
         * of all chains cost about as much as several dozen lags for S in the thousands (measured).
         */
        static final int DIRECT_LAGS = 32;
        private static final int BLOCK = 4;

        private final int directLags;
        private final double[][] centered;
        private final double[] chainMeans;
        /** The range of all values (max - min), for the constant check. */
        private final double range;
        private final int n;
        private final double[] values;
        private int known;

        MeanAutocovariance(double[][] chains, int directLags) {
            this.directLags = directLags;
            this.n = chains[0].length;
            this.values = new double[n];
            this.centered = new double[chains.length][];
            this.chainMeans = new double[chains.length];
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < chains.length; c++) {
                double[] chain = chains[c];
                double mean = Moments.mean(chain);
                chainMeans[c] = mean;
                double[] d = new double[n];
                for (int i = 0; i < n; i++) {
                    double v = chain[i];
                    d[i] = v - mean;
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
                centered[c] = d;
            }
            this.range = max - min;
        }

        double at(int lag) {
            if (lag >= known) {
                extend(lag);
            }
            return values[lag];
        }

        /**
         * Whether the lag-2 and lag-3 autocovariances already show a sequence that will run to many lags
         * (their sum above half the variance), so that the FFT is cheaper than going on lag by lag.
         */
        private boolean slowlyMixing() {
            return known >= 4 && values[2] + values[3] > 0.5 * values[0];
        }

        private void extend(int lag) {
            if (lag < directLags && !slowlyMixing()) {
                int end = Math.min(n, Math.min(directLags, (lag / BLOCK + 1) * BLOCK));
                for (int k = known; k < end; k++) {
                    double sum = 0;
                    for (double[] d : centered) {
                        sum += lagProducts(d, k) / n;
                    }
                    values[k] = sum / centered.length;
                }
                known = end;
                return;
            }
            double[] all = Autocovariance.meanOverCenteredChains(centered);
            System.arraycopy(all, known, values, known, n - known);
            known = n;
        }
    }

    /** The sum of {@code d[i] d[i + lag]}; four running sums let the products overlap in the pipeline. */
    static double lagProducts(double[] d, int lag) {
        int count = d.length - lag;
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < count; i += 4) {
            s0 += d[i] * d[i + lag];
            s1 += d[i + 1] * d[i + 1 + lag];
            s2 += d[i + 2] * d[i + 2 + lag];
            s3 += d[i + 3] * d[i + 3 + lag];
        }
        for (; i < count; i++) {
            s0 += d[i] * d[i + lag];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** Whether the range of all values is below R's machine epsilon, as posterior's {@code is_constant}. */
    static boolean isConstant(double[][] chains) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] chain : chains) {
            for (double v : chain) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        return Math.abs(max - min) < CONSTANT_RANGE;
    }
}
