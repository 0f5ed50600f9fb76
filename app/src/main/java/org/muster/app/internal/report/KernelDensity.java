package org.muster.app.internal.report;

import java.util.Arrays;

/**
 * A Gaussian kernel density estimate of draws on an even grid from the smallest to the largest draw, with
 * Silverman's rule-of-thumb bandwidth (Silverman 1986, "Density Estimation for Statistics and Data
 * Analysis", eq. 3.31): {@code 0.9 min(sd, IQR / 1.34) n^(-1/5)}.
 *
 * <p>The grid stops at the extreme draws rather than running into the tails, so a positive parameter's
 * density is not drawn below zero; near such a boundary the estimate is biased low (no reflection), which
 * a picture for checking chains can afford.
 *
 * @param x grid points, increasing
 * @param density the estimate at each grid point
 * @param bandwidth the kernel's standard deviation
 */
record KernelDensity(double[] x, double[] density, double bandwidth) {

    KernelDensity {
        x = x.clone();
        density = density.clone();
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    @Override
    public double[] density() {
        return density.clone();
    }

    /**
     * The estimate of draws on {@code points} grid points.
     *
     * @param draws not modified; finite
     * @throws IllegalArgumentException if fewer than 2 draws or fewer than 2 grid points
     */
    static KernelDensity estimate(double[] draws, int points) {
        if (draws.length < 2 || points < 2) {
            throw new IllegalArgumentException("a density needs at least 2 draws and 2 grid points, got " + draws.length
                    + " and " + points);
        }
        double[] sorted = draws.clone();
        Arrays.sort(sorted);
        double bandwidth = silvermanBandwidth(sorted);
        double low = sorted[0];
        double high = sorted[sorted.length - 1];
        double[] x = new double[points];
        double[] density = new double[points];
        if (!(bandwidth > 0) || high == low) {
            // All draws (nearly) equal: a point mass, drawn as a spike at the value.
            Arrays.fill(x, low);
            density[points / 2] = Double.POSITIVE_INFINITY;
            return new KernelDensity(x, density, 0);
        }
        double step = (high - low) / (points - 1);
        double norm = 1 / (sorted.length * bandwidth * Math.sqrt(2 * Math.PI));
        double reach = 6 * bandwidth;
        for (int i = 0; i < points; i++) {
            x[i] = low + i * step;
            // Only draws within six bandwidths contribute more than exp(-18) of a kernel's peak.
            int from = lowerBound(sorted, x[i] - reach);
            double sum = 0;
            for (int j = from; j < sorted.length && sorted[j] <= x[i] + reach; j++) {
                double u = (x[i] - sorted[j]) / bandwidth;
                sum += Math.exp(-0.5 * u * u);
            }
            density[i] = sum * norm;
        }
        return new KernelDensity(x, density, bandwidth);
    }

    /** Silverman's rule of thumb. @param sorted not modified; increasing */
    static double silvermanBandwidth(double[] sorted) {
        int n = sorted.length;
        double mean = 0;
        for (double v : sorted) {
            mean += v;
        }
        mean /= n;
        double squares = 0;
        for (double v : sorted) {
            squares += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(squares / (n - 1));
        double iqr = quantile(sorted, 0.75) - quantile(sorted, 0.25);
        double spread = iqr > 0 ? Math.min(sd, iqr / 1.34) : sd;
        return 0.9 * spread * Math.pow(n, -0.2);
    }

    /** Hyndman–Fan type 7 quantile of sorted values. */
    private static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int below = (int) Math.floor(h);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (h - below) * (sorted[above] - sorted[below]);
    }

    /** The first index whose value is at least {@code value}. */
    private static int lowerBound(double[] sorted, double value) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid] < value) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
