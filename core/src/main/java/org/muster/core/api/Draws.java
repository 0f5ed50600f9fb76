package org.muster.core.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Posterior (or prior, or approximate) draws: chains × iterations × named scalar variables, stored per
 * chain and variable as primitive arrays so diagnostics can read a chain's trace without copying.
 * Immutable.
 *
 * <p>Draws built by a {@link Builder} with a {@link DrawsStorage} budget they exceed live in a temporary
 * file instead ({@link #onDisk()}): every method returns the same values, bit for bit, reading them back a
 * range of variables (or, for {@link #row}, a block of iterations) at a time, so reading variable after
 * variable (or row after row) stays fast and holds about the budget in memory. Thread-safe.
 */
public final class Draws {

    private final List<String> variables;
    private final Map<String, Integer> index;
    /** [chain][variable][iteration]; null when on disk. */
    private final double[][][] values;
    private final int iterations;
    private final int chains;
    /** The draws' file, when on disk, and how many variables one read brings into memory. */
    private final SpilledDraws spilled;
    private final int groupSize;
    private final Object lock = new Object();
    /** The last two ranges of variables read: [chain][variable in group][iteration], and their groups. */
    private double[][][] cachedGroup;
    private int cachedGroupIndex = -1;
    private double[][][] previousGroup;
    private int previousGroupIndex = -1;
    /** The last block of rows read: [iteration in block][variable], with its chain and block. */
    private double[][] cachedRows;
    private int cachedRowsChain = -1;
    private int cachedRowsBlock = -1;

    private Draws(List<String> variables, double[][][] values, int iterations) {
        this(variables, values, iterations, values.length, null, 0);
    }

    private Draws(List<String> variables, double[][][] values, int iterations, int chains, SpilledDraws spilled,
            long budget) {
        this.variables = List.copyOf(variables);
        this.values = values;
        this.iterations = iterations;
        this.chains = chains;
        this.spilled = spilled;
        this.groupSize = spilled == null ? 0 : (int) Math.max(1, Math.min(this.variables.size(),
                budget / 4 / Math.max(1, (long) chains * iterations * Double.BYTES)));
        this.index = new HashMap<>(Math.max(16, (int) (this.variables.size() / 0.75f) + 1));
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

    /** A builder that fills chains row by row (one iteration's values at a time), in memory. */
    public static Builder builder(List<String> variables, int chains, int iterations) {
        return new Builder(variables, chains, iterations, null);
    }

    /**
     * A builder that fills chains row by row, in memory if chains x variables x iterations doubles fit the
     * storage's budget, else streaming them to a temporary file (each chain's rows must then be stored in
     * order, as a sampler draws them).
     */
    public static Builder builder(List<String> variables, int chains, int iterations, DrawsStorage storage) {
        long bytes = (long) chains * variables.size() * iterations * Double.BYTES;
        return new Builder(variables, chains, iterations, bytes > storage.memoryBytes() ? storage : null);
    }

    public List<String> variables() {
        return variables;
    }

    public int chains() {
        return chains;
    }

    /** Whether the draws live in a temporary file (they exceeded the memory budget they were built with). */
    public boolean onDisk() {
        return spilled != null;
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
        if (spilled == null) {
            return values[chain][variable][iteration];
        }
        return column(chain, variable)[iteration];
    }

    /** A copy of one chain's draws of one variable. */
    public double[] chain(int chain, int variable) {
        return column(chain, variable).clone();
    }

    /** A copy of one variable's draws as [chain][iteration]. */
    public double[][] variable(int variable) {
        double[][] out = new double[chains][];
        for (int c = 0; c < chains; c++) {
            out[c] = column(c, variable).clone();
        }
        return out;
    }

    /** All chains' draws of one variable, concatenated. */
    public double[] pooled(int variable) {
        double[] out = new double[chains * iterations];
        for (int c = 0; c < chains; c++) {
            System.arraycopy(column(c, variable), 0, out, c * iterations, iterations);
        }
        return out;
    }

    /**
     * One iteration of one chain, every variable: the way to read draws row after row (as a CSV writer
     * does), which on disk reads a block of iterations at a time.
     *
     * @param out modified: receives one value per variable
     */
    public void row(int chain, int iteration, double[] out) {
        if (spilled == null) {
            for (int v = 0; v < out.length && v < variables.size(); v++) {
                out[v] = values[chain][v][iteration];
            }
            return;
        }
        if (iteration < 0 || iteration >= iterations) {
            throw new IndexOutOfBoundsException("iteration " + iteration + " of " + iterations);
        }
        int block = iteration / spilled.blockLength();
        synchronized (lock) {
            if (cachedRowsChain != chain || cachedRowsBlock != block) {
                cachedRows = null;
                double[][] rows = new double[spilled.blockLength()][variables.size()];
                spilled.readBlock(chain, block, rows);
                cachedRows = rows;
                cachedRowsChain = chain;
                cachedRowsBlock = block;
            }
            System.arraycopy(cachedRows[iteration - block * spilled.blockLength()], 0, out, 0, variables.size());
        }
    }

    /** The stored draws of one chain and variable (not a copy: do not modify). */
    private double[] column(int chain, int variable) {
        if (spilled == null) {
            return values[chain][variable];
        }
        if (variable < 0 || variable >= variables.size()) {
            throw new IndexOutOfBoundsException("variable " + variable + " of " + variables.size());
        }
        int group = variable / groupSize;
        synchronized (lock) {
            if (group != cachedGroupIndex) {
                if (group == previousGroupIndex) {
                    double[][][] swap = cachedGroup;
                    cachedGroup = previousGroup;
                    previousGroup = swap;
                    previousGroupIndex = cachedGroupIndex;
                    cachedGroupIndex = group;
                } else {
                    int from = group * groupSize;
                    int to = Math.min(variables.size(), from + groupSize);
                    previousGroup = cachedGroup;
                    previousGroupIndex = cachedGroupIndex;
                    double[][][] read = new double[chains][to - from][iterations];
                    for (int c = 0; c < chains; c++) {
                        spilled.readColumns(c, from, to, iterations, read[c]);
                    }
                    cachedGroup = read;
                    cachedGroupIndex = group;
                }
            }
            return cachedGroup[chain][variable - group * groupSize];
        }
    }

    /** Fills draws one iteration at a time; each chain is written by one thread. */
    public static final class Builder {
        private final List<String> variables;
        private final double[][][] values;
        private final int[] filled;
        private final int chains;
        private final DrawsStorage storage;
        private final SpilledDraws.Writer writer;
        private SpilledDraws finished;

        private Builder(List<String> variables, int chains, int iterations, DrawsStorage storage) {
            this.variables = new ArrayList<>(variables);
            this.chains = chains;
            this.storage = storage;
            if (storage == null) {
                this.values = new double[chains][variables.size()][iterations];
                this.filled = new int[chains];
                this.writer = null;
            } else {
                // one block of rows per chain is buffered: together about the budget
                long perIteration = Math.max(1, (long) chains * variables.size() * Double.BYTES);
                int blockLength = (int) Math.max(1, Math.min(iterations, storage.memoryBytes() / perIteration));
                this.values = null;
                this.filled = null;
                this.writer = new SpilledDraws.Writer(variables.size(), chains, blockLength, storage);
            }
        }

        /** Whether the draws go to a temporary file (they exceed the budget). */
        public boolean onDisk() {
            return writer != null;
        }

        /**
         * Stores one iteration of one chain.
         *
         * @param row not modified: one value per variable
         */
        public Builder set(int chain, int iteration, double[] row) {
            if (writer != null) {
                writer.set(chain, iteration, row);
                return this;
            }
            double[][] c = values[chain];
            for (int v = 0; v < c.length; v++) {
                c[v][iteration] = row[v];
            }
            filled[chain] = Math.max(filled[chain], iteration + 1);
            return this;
        }

        /** The draws; if chains were stopped early, every chain is cut to the shortest one's length. */
        public Draws build() {
            int[] all = new int[chains];
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
                n = Math.min(n, filled(c));
            }
            if (writer != null) {
                synchronized (this) {
                    if (finished == null) {
                        finished = writer.finish();
                    }
                }
                return new Draws(variables, null, n, chains.length, finished.select(chains), storage.memoryBytes());
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
            return writer != null ? writer.filled(chain) : filled[chain];
        }
    }
}
