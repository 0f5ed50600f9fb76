package org.muster.diagnostics.internal;

/** Checks and reshapes of draws held as [chain][iteration] arrays. */
public final class ChainArrays {

    private ChainArrays() {
    }

    /**
     * Rejects what no diagnostic can use: no chains, chains of unequal length, non-finite draws.
     *
     * @param variable name for messages, or null
     * @param chains not modified
     * @throws IllegalArgumentException naming the variable, chain and draw (1-based)
     */
    public static void requireValid(String variable, double[][] chains) {
        String subject = variable == null ? "" : "variable " + variable + ": ";
        if (chains.length == 0 || chains[0].length == 0) {
            throw new IllegalArgumentException(subject + "no draws");
        }
        for (int c = 0; c < chains.length; c++) {
            if (chains[c].length != chains[0].length) {
                throw new IllegalArgumentException(subject + "chains of unequal length: chain 1 has "
                        + chains[0].length + " draws, chain " + (c + 1) + " has " + chains[c].length);
            }
            double[] chain = chains[c];
            for (int i = 0; i < chain.length; i++) {
                if (!Double.isFinite(chain[i])) {
                    throw new IllegalArgumentException(subject + "draw " + (i + 1) + " of chain " + (c + 1) + " is "
                            + chain[i] + "; diagnostics need finite draws");
                }
            }
        }
    }

    /**
     * Each chain cut into its first and second half, as posterior's {@code .split_chains}: for an odd
     * length the middle draw is left out. Chains of one draw are returned as they are.
     *
     * @param chains not modified
     * @return the first halves of all chains, then the second halves (new arrays)
     */
    public static double[][] split(double[][] chains) {
        int n = chains[0].length;
        if (n == 1) {
            return copy(chains);
        }
        int half = n / 2;
        double[][] out = new double[2 * chains.length][];
        for (int c = 0; c < chains.length; c++) {
            out[c] = java.util.Arrays.copyOfRange(chains[c], 0, half);
            out[chains.length + c] = java.util.Arrays.copyOfRange(chains[c], n - half, n);
        }
        return out;
    }

    /** 1 where a value is at most the threshold, else 0. @param chains not modified */
    public static double[][] indicator(double[][] chains, double threshold) {
        double[][] out = new double[chains.length][];
        for (int c = 0; c < chains.length; c++) {
            double[] chain = chains[c];
            double[] indicator = new double[chain.length];
            for (int i = 0; i < chain.length; i++) {
                indicator[i] = chain[i] <= threshold ? 1 : 0;
            }
            out[c] = indicator;
        }
        return out;
    }

    /** All chains concatenated. @param chains not modified */
    public static double[] pooled(double[][] chains) {
        int total = 0;
        for (double[] chain : chains) {
            total += chain.length;
        }
        double[] out = new double[total];
        int at = 0;
        for (double[] chain : chains) {
            System.arraycopy(chain, 0, out, at, chain.length);
            at += chain.length;
        }
        return out;
    }

    /** The median of sorted values as R's {@code median}: the mean of the middle two for an even count. */
    public static double median(double[] sorted) {
        int n = sorted.length;
        int half = n / 2;
        if (n % 2 == 1) {
            return sorted[half];
        }
        // halving the rounded sum is exact, so this is the correctly rounded midpoint unless the sum overflows
        double sum = sorted[half - 1] + sorted[half];
        return Double.isInfinite(sum) ? sorted[half - 1] / 2 + sorted[half] / 2 : sum / 2;
    }

    private static double[][] copy(double[][] chains) {
        double[][] out = new double[chains.length][];
        for (int c = 0; c < chains.length; c++) {
            out[c] = chains[c].clone();
        }
        return out;
    }
}
