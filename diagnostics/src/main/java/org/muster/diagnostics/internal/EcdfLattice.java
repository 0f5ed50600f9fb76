package org.muster.diagnostics.internal;

/**
 * The binomial distributions of an empirical CDF of n uniform values at the points z_i = i/K,
 * i = 1 .. K-1, and the probability that the ECDF stays inside given bounds at every point at once.
 * That probability is the exact recursion of Säilynoja, Bürkner &amp; Vehtari (2022, "Graphical test for
 * discrete uniformity and its applications in goodness-of-fit evaluation and multiple sample comparison",
 * Statistics and Computing 32:32, section 2.2): given c values at or below z_{i-1}, the number in
 * (z_{i-1}, z_i] is binomial(n - c, (z_i - z_{i-1}) / (1 - z_{i-1})), so the counts form a Markov chain
 * whose probability mass is carried forward only over the states inside the bounds. Immutable after
 * construction; not for hot paths (it allocates).
 */
public final class EcdfLattice {

    private final int n;
    private final int points;
    private final double[] logFactorial;
    /** cdf[i][k] = P(X_i &lt;= k), X_i ~ binomial(n, z_{i+1}). */
    private final double[][] cdf;
    /** survival[i][k] = P(X_i &gt;= k). */
    private final double[][] survival;

    /**
     * @param n how many values the ECDF is of (at least 1)
     * @param points K: the ECDF is evaluated at z_i = i/K for i = 1 .. K-1 (K at least 2)
     */
    public EcdfLattice(int n, int points) {
        if (n < 1 || points < 2) {
            throw new IllegalArgumentException("an ECDF band needs at least 1 value and 2 points, got " + n + " and "
                    + points);
        }
        this.n = n;
        this.points = points;
        logFactorial = new double[n + 1];
        for (int k = 1; k <= n; k++) {
            logFactorial[k] = logFactorial[k - 1] + Math.log(k);
        }
        cdf = new double[points - 1][n + 1];
        survival = new double[points - 1][n + 2];
        for (int i = 0; i < points - 1; i++) {
            double z = z(i);
            double[] pmf = new double[n + 1];
            for (int k = 0; k <= n; k++) {
                pmf[k] = binomialMass(k, n, z);
            }
            // summed from each end so that both tails keep their relative precision
            double sum = 0;
            for (int k = 0; k <= n; k++) {
                sum += pmf[k];
                cdf[i][k] = Math.min(1, sum);
            }
            sum = 0;
            for (int k = n; k >= 0; k--) {
                sum += pmf[k];
                survival[i][k] = Math.min(1, sum);
            }
        }
    }

    /** The number of values. */
    public int n() {
        return n;
    }

    /** The number of interior evaluation points, K - 1. */
    public int size() {
        return points - 1;
    }

    /** The evaluation point z of index {@code i} (0-based): (i + 1) / K. */
    public double z(int i) {
        return (i + 1.0) / points;
    }

    /** P(X_i &lt;= k) for the count X_i of values at or below z(i). */
    public double cdf(int i, int k) {
        return k < 0 ? 0 : k >= n ? 1 : cdf[i][k];
    }

    /** P(X_i &gt;= k). */
    public double survival(int i, int k) {
        return k <= 0 ? 1 : k > n ? 0 : survival[i][k];
    }

    /** The smallest k with P(X_i &lt;= k) &gt;= p (R's {@code qbinom(p, n, z)}). */
    public int quantile(int i, double p) {
        int low = 0;
        int high = n;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (cdf(i, mid) >= p) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }

    /** The smallest k with P(X_i &lt;= k) &gt; p. */
    public int firstAbove(int i, double p) {
        int low = 0;
        int high = n;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (cdf(i, mid) > p) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }

    /** The largest k with P(X_i &gt;= k) &gt; p, or -1 if there is none. */
    public int lastSurvivalAbove(int i, double p) {
        int low = -1;
        int high = n;
        while (low < high) {
            int mid = (low + high + 1) >> 1;
            if (survival(i, mid) > p) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low;
    }

    /**
     * The probability that lower[i] &lt;= X_i &lt;= upper[i] at every point at once.
     *
     * @param lower not modified; one bound per point
     * @param upper not modified; one bound per point
     */
    public double probabilityWithin(int[] lower, int[] upper) {
        if (lower.length != size() || upper.length != size()) {
            throw new IllegalArgumentException("one bound per point is needed: " + size());
        }
        double[] mass = new double[n + 1];
        double[] next = new double[n + 1];
        mass[0] = 1;
        int from = 0;
        int to = 0;
        double previousZ = 0;
        for (int i = 0; i < size(); i++) {
            int low = Math.max(lower[i], 0);
            int high = Math.min(upper[i], n);
            if (low > high) {
                return 0;
            }
            double z = z(i);
            double step = (z - previousZ) / (1 - previousZ);
            double logStep = Math.log(step);
            double logRest = Math.log1p(-step);
            java.util.Arrays.fill(next, low, high + 1, 0);
            for (int c = from; c <= to; c++) {
                double p = mass[c];
                if (p == 0) {
                    continue;
                }
                int trials = n - c;
                int first = Math.max(c, low);
                if (first > high || first - c > trials) {
                    continue;
                }
                double odds = step / (1 - step);
                int j = first - c;
                double term = mass(j, trials, logStep, logRest);
                for (int c2 = first; c2 <= high && j <= trials; c2++, j++) {
                    next[c2] += p * term;
                    // binomial(j + 1) = binomial(j) (trials - j) / (j + 1) odds; restarted from logs after an underflow
                    term = term > 0 ? term * (trials - j) / (j + 1.0) * odds
                            : j + 1 <= trials ? mass(j + 1, trials, logStep, logRest) : 0;
                }
            }
            java.util.Arrays.fill(mass, from, to + 1, 0);
            System.arraycopy(next, low, mass, low, high - low + 1);
            from = low;
            to = high;
            previousZ = z;
        }
        double total = 0;
        for (int c = from; c <= to; c++) {
            total += mass[c];
        }
        return Math.min(1, total);
    }

    private double mass(int k, int trials, double logStep, double logRest) {
        return Math.exp(logFactorial[trials] - logFactorial[k] - logFactorial[trials - k] + k * logStep
                + (trials - k) * logRest);
    }

    private double binomialMass(int k, int trials, double p) {
        return Math.exp(logFactorial[trials] - logFactorial[k] - logFactorial[trials - k] + k * Math.log(p)
                + (trials - k) * Math.log1p(-p));
    }
}
