package org.muster.diagnostics.api;

import org.muster.diagnostics.internal.EcdfLattice;

/**
 * Simultaneous confidence bands for the empirical CDF of n values that should be uniform on [0, 1),
 * following Säilynoja, Bürkner &amp; Vehtari (2022), "Graphical test for discrete uniformity and its
 * applications in goodness-of-fit evaluation and multiple sample comparison", Statistics and Computing
 * 32:32. At the points z_i = i/K, i = 1 .. K-1, the count of values at or below z_i is binomial(n, z_i);
 * the band at each point is the central binomial interval [qbinom(gamma/2), qbinom(1 - gamma/2)], with
 * gamma lowered from the pointwise level until the ECDF of uniform values stays inside every interval at
 * once with probability {@code level}. That joint probability is computed exactly (the paper's
 * optimization method), and gamma is the largest for which it is at least the level, so the band is
 * never narrower than its level promises. Immutable; it keeps the binomial tables it was computed from, so
 * testing many samples of the same size against one band ({@link EcdfUniformity#test(double[], EcdfBand)})
 * costs one recursion each.
 */
public final class EcdfBand {

    private final EcdfLattice lattice;
    private final double level;
    private final double gamma;
    private final double coverage;
    private final int[] lower;
    private final int[] upper;

    private EcdfBand(EcdfLattice lattice, double level, double gamma, double coverage, int[] lower, int[] upper) {
        this.lattice = lattice;
        this.level = level;
        this.gamma = gamma;
        this.coverage = coverage;
        this.lower = lower;
        this.upper = upper;
    }

    /** How many values the band is for. */
    public int n() {
        return lattice.n();
    }

    /** K, the number of intervals [0, 1) is cut into. */
    public int points() {
        return lattice.size() + 1;
    }

    /** The simultaneous coverage asked for, e.g. 0.95. */
    public double level() {
        return level;
    }

    /** The pointwise tail probability (both tails) the band uses. */
    public double gamma() {
        return gamma;
    }

    /** The exact simultaneous coverage of the band (at least {@link #level()}). */
    public double coverage() {
        return coverage;
    }

    /** The K - 1 interior points i/K, ascending (a new array). */
    public double[] z() {
        double[] z = new double[lattice.size()];
        for (int i = 0; i < z.length; i++) {
            z[i] = lattice.z(i);
        }
        return z;
    }

    /** At each point, the smallest count of values at or below it inside the band (a new array). */
    public int[] lower() {
        return lower.clone();
    }

    /** At each point, the largest count inside the band (a new array). */
    public int[] upper() {
        return upper.clone();
    }

    EcdfLattice lattice() {
        return lattice;
    }

    /**
     * The band for {@code n} values at {@code points} intervals with simultaneous coverage {@code level}.
     *
     * @throws IllegalArgumentException for n &lt; 1, fewer than 2 points or a level outside (0, 1)
     */
    public static EcdfBand of(int n, int points, double level) {
        return of(new EcdfLattice(n, points), level);
    }

    static EcdfBand of(EcdfLattice lattice, double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("the level must be in (0, 1), got " + level);
        }
        // coverage falls (weakly) as gamma grows: find the largest gamma whose band still covers the level
        double low = 0;
        double high = 1;
        if (coverage(lattice, high) >= level) {
            low = high;
        } else {
            for (int iteration = 0; iteration < 100 && high - low > 1e-13 * high; iteration++) {
                double mid = 0.5 * (low + high);
                if (coverage(lattice, mid) >= level) {
                    low = mid;
                } else {
                    high = mid;
                }
            }
        }
        int[][] bounds = bounds(lattice, low);
        return new EcdfBand(lattice, level, low, lattice.probabilityWithin(bounds[0], bounds[1]), bounds[0], bounds[1]);
    }

    /**
     * The exact probability that the ECDF of {@code n} uniform values stays inside the pointwise central
     * binomial intervals of tail probability {@code gamma} at every one of the {@code points - 1} points.
     */
    public static double coverage(int n, int points, double gamma) {
        return coverage(new EcdfLattice(n, points), gamma);
    }

    private static double coverage(EcdfLattice lattice, double gamma) {
        int[][] bounds = bounds(lattice, gamma);
        return lattice.probabilityWithin(bounds[0], bounds[1]);
    }

    private static int[][] bounds(EcdfLattice lattice, double gamma) {
        int[] lower = new int[lattice.size()];
        int[] upper = new int[lattice.size()];
        for (int i = 0; i < lower.length; i++) {
            lower[i] = lattice.quantile(i, gamma / 2);
            upper[i] = lattice.quantile(i, 1 - gamma / 2);
        }
        return new int[][] {lower, upper};
    }

    /** Whether a count of values at or below point {@code i} is inside the band there. */
    public boolean contains(int i, int count) {
        return count >= lower[i] && count <= upper[i];
    }
}
