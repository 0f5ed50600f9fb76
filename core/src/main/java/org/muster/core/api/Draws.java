package org.muster.core.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Posterior (or prior, or approximate) draws: chains × iterations × named scalar variables, stored per
 * chain and variable as primitive arrays so diagnostics can read a chain's trace without copying.
 * Immutable.
 */
public final class Draws {

    private final List<String> variables;
    private final Map<String, Integer> index = new HashMap<>();
    /** [chain][variable][iteration]. */
    private final double[][][] values;
    private final int iterations;

    private Draws(List<String> variables, double[][][] values, int iterations) {
        this.variables = List.copyOf(variables);
        this.values = values;
        this.iterations = iterations;
        for (int i = 0; i < variables.size(); i++) {
            if (index.put(variables.get(i), i) != null) {
                throw new IllegalArgumentException("duplicate variable name '" + variables.get(i) + "'");
            }
        }
    }

    /**
     * Draws from arrays indexed [chain][variable][iteration]; every chain must have the same number of
     * iterations.
     *
     * @param values not modified (copied)
     */
    public static Draws of(List<String> variables, double[][][] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("draws need at least one chain");
        }
        int iterations = -1;
        double[][][] copy = new double[values.length][][];
        for (int c = 0; c < values.length; c++) {
            if (values[c].length != variables.size()) {
                throw new IllegalArgumentException("chain " + (c + 1) + " has " + values[c].length + " variables, expected "
                        + variables.size());
            }
            copy[c] = new double[variables.size()][];
            for (int v = 0; v < variables.size(); v++) {
                if (iterations < 0) {
                    iterations = values[c][v].length;
                } else if (values[c][v].length != iterations) {
                    throw new IllegalArgumentException("chain " + (c + 1) + ", variable " + variables.get(v) + " has "
                            + values[c][v].length + " draws, expected " + iterations);
                }
                copy[c][v] = values[c][v].clone();
            }
        }
        return new Draws(variables, copy, Math.max(iterations, 0));
    }

    /** A builder that fills chains row by row (one iteration's values at a time). */
    public static Builder builder(List<String> variables, int chains, int iterations) {
        return new Builder(variables, chains, iterations);
    }

    public List<String> variables() {
        return variables;
    }

    public int chains() {
        return values.length;
    }

    /** Iterations per chain. */
    public int iterations() {
        return iterations;
    }

    /** Index of a variable, or -1. */
    public int indexOf(String variable) {
        Integer i = index.get(variable);
        return i == null ? -1 : i;
    }

    public double value(int chain, int variable, int iteration) {
        return values[chain][variable][iteration];
    }

    /** A copy of one chain's draws of one variable. */
    public double[] chain(int chain, int variable) {
        return values[chain][variable].clone();
    }

    /** A copy of one variable's draws as [chain][iteration]. */
    public double[][] variable(int variable) {
        double[][] out = new double[values.length][];
        for (int c = 0; c < values.length; c++) {
            out[c] = values[c][variable].clone();
        }
        return out;
    }

    /** All chains' draws of one variable, concatenated. */
    public double[] pooled(int variable) {
        double[] out = new double[values.length * iterations];
        for (int c = 0; c < values.length; c++) {
            System.arraycopy(values[c][variable], 0, out, c * iterations, iterations);
        }
        return out;
    }

    /** Fills draws one iteration at a time; each chain is written by one thread. */
    public static final class Builder {
        private final List<String> variables;
        private final double[][][] values;
        private final int[] filled;

        private Builder(List<String> variables, int chains, int iterations) {
            this.variables = new ArrayList<>(variables);
            this.values = new double[chains][variables.size()][iterations];
            this.filled = new int[chains];
        }

        /**
         * Stores one iteration of one chain.
         *
         * @param row not modified: one value per variable
         */
        public Builder set(int chain, int iteration, double[] row) {
            double[][] c = values[chain];
            for (int v = 0; v < c.length; v++) {
                c[v][iteration] = row[v];
            }
            filled[chain] = Math.max(filled[chain], iteration + 1);
            return this;
        }

        /** The draws; if chains were stopped early, every chain is cut to the shortest one's length. */
        public Draws build() {
            int[] all = new int[values.length];
            for (int c = 0; c < all.length; c++) {
                all[c] = c;
            }
            return build(all);
        }

        /**
         * The draws of some chains only, each cut to the shortest of them.
         *
         * @param chains not modified: 0-based indices of the chains to keep, in the order wanted
         */
        public Draws build(int[] chains) {
            if (chains.length == 0) {
                throw new IllegalArgumentException("draws need at least one chain");
            }
            int n = Integer.MAX_VALUE;
            for (int c : chains) {
                n = Math.min(n, filled[c]);
            }
            double[][][] out = new double[chains.length][variables.size()][];
            for (int k = 0; k < chains.length; k++) {
                for (int v = 0; v < variables.size(); v++) {
                    out[k][v] = java.util.Arrays.copyOf(values[chains[k]][v], n);
                }
            }
            return new Draws(variables, out, n);
        }

        /** Iterations stored so far for one chain (0-based index). */
        public int filled(int chain) {
            return filled[chain];
        }
    }
}
