package org.muster.diagnostics.api;

import org.muster.diagnostics.internal.EcdfLattice;

/**
 * The graphical test of uniformity by the ECDF and its simultaneous band (Säilynoja, Bürkner &amp;
 * Vehtari 2022; see {@link EcdfBand}): values in [0, 1), such as the fractional ranks of simulation-based
 * calibration, are uniform at the band's level unless their ECDF leaves the band at some point. The
 * p-value is that of the statistic the band is built on: twice the smallest binomial tail probability of
 * the ECDF over the points, referred to its exact distribution under uniformity, so it is at most
 * 1 - level exactly when the ECDF leaves the band. Immutable.
 *
 * @param band the simultaneous band
 * @param counts at each of the band's points, how many values are at or below it
 * @param statistic min over points of 2 min(P(X &lt;= count), P(X &gt;= count)) for X binomial(n, z)
 * @param pValue the probability, for uniform values, of a statistic at most this one
 * @param firstOutside the index of the first point where the ECDF leaves the band, or -1
 */
public record EcdfUniformity(EcdfBand band, int[] counts, double statistic, double pValue, int firstOutside) {

    public EcdfUniformity {
        counts = counts.clone();
    }

    @Override
    public int[] counts() {
        return counts.clone();
    }

    /** Whether the ECDF stays inside the band at every point: the values pass as uniform. */
    public boolean withinBand() {
        return firstOutside < 0;
    }

    /** The ECDF minus the uniform CDF at each of the band's points (what the ECDF-difference plot shows). */
    public double[] difference() {
        double[] z = band.z();
        double[] out = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            out[i] = (double) counts[i] / band.n() - z[i];
        }
        return out;
    }

    /**
     * Tests {@code values} at {@code points} intervals against a band of simultaneous coverage {@code level}.
     *
     * @param values not modified; each in [0, 1)
     * @throws IllegalArgumentException for no values, a value outside [0, 1), fewer than 2 points or a
     *     level outside (0, 1)
     */
    public static EcdfUniformity test(double[] values, int points, double level) {
        EcdfBand band = EcdfBand.of(values.length, points, level);
        return test(values, band, band.lattice());
    }

    /**
     * Tests {@code values} against a band computed before (for several parameters with the same number of
     * values, the band is computed once).
     *
     * @param values not modified; as many as the band is for
     */
    public static EcdfUniformity test(double[] values, EcdfBand band) {
        if (values.length != band.n()) {
            throw new IllegalArgumentException("the band is for " + band.n() + " values, got " + values.length);
        }
        return test(values, band, band.lattice());
    }

    private static EcdfUniformity test(double[] values, EcdfBand band, EcdfLattice lattice) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        for (double value : sorted) {
            if (!(value >= 0 && value < 1)) {
                throw new IllegalArgumentException("values must be in [0, 1), got " + value);
            }
        }
        int[] counts = new int[lattice.size()];
        int below = 0;
        int firstOutside = -1;
        double statistic = 1;
        for (int i = 0; i < counts.length; i++) {
            double z = lattice.z(i);
            while (below < sorted.length && sorted[below] <= z) {
                below++;
            }
            counts[i] = below;
            statistic = Math.min(statistic, 2 * Math.min(lattice.cdf(i, below), lattice.survival(i, below)));
            if (firstOutside < 0 && !band.contains(i, below)) {
                firstOutside = i;
            }
        }
        // P(T > t) = P(at every point, P(X <= count) > t/2 and P(X >= count) > t/2)
        int[] lower = new int[counts.length];
        int[] upper = new int[counts.length];
        for (int i = 0; i < counts.length; i++) {
            lower[i] = lattice.firstAbove(i, statistic / 2);
            upper[i] = lattice.lastSurvivalAbove(i, statistic / 2);
        }
        double pValue = Math.min(1, Math.max(0, 1 - lattice.probabilityWithin(lower, upper)));
        return new EcdfUniformity(band, counts, statistic, pValue, firstOutside);
    }
}
