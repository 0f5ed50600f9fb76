package org.muster.core.internal;

import java.util.List;

/**
 * A sum of several operands over a plate in one op, as a linear predictor is written:
 * {@code alpha + x * beta + a.at(g) + b.at(g) * z + offset}. The compiler folds a tree of sums and
 * differences whose inner nodes have no other use into one such op (see {@link SumFusion}), together with
 * the gathers and the products by a data vector among its operands, so that the plate's intermediate
 * vectors, their adjoints and a pass over each disappear. Gathers through the same index share one
 * pass, reading each row's group once: one gather per grouping factor, however many of its
 * coefficients the sum reads.
 *
 * <p>Forward: the scalars are added once, then each operand adds its pass to the output (the first
 * assigns). Reverse: each operand reads the output's adjoints; gathers through a sorted index add one
 * sum (or dot product with the data) per run of equal indices (see {@link IndexRuns}).
 */
final class SumOp extends Op {

    /** One operand, or one group of gathers through one index. */
    sealed interface Term permits Scalar, Vector, Scaled, Gathered {
    }

    /** A scalar, added to every member. */
    record Scalar(int offset, double sign, boolean needsAdjoint) implements Term {
    }

    /** A vector of the plate's length. */
    record Vector(int offset, double sign, boolean needsAdjoint) implements Term {
    }

    /**
     * A product {@code factor * data} with data a vector of the plate's length that depends on no
     * parameter, and a factor (a scalar or a vector) that does.
     */
    record Scaled(int factor, boolean factorBroadcast, int data, double sign) implements Term {
    }

    /**
     * Gathers through one index: {@code sum_k sign_k source_k[index[i]] * data_k[i]}. Every source
     * depends on a parameter; the data are fixed, copied at compile time, and a gather with no data
     * multiplier has a vector of ones ({@code ones[k]} says so, and the reverse sweep sums instead).
     */
    record Gathered(int[] index, IndexRuns runs, int[] sources, double[][] data, boolean[] ones, double[] signs)
            implements Term {
    }

    private final Scalar[] scalars;
    private final Term[] terms;
    private final int out;
    private final int size;

    /**
     * @param terms the operands; at least one is not a {@link Scalar}
     * @param out the sum's own slots
     */
    SumOp(String nodeName, List<Term> terms, int out, int size) {
        super(nodeName);
        this.scalars = terms.stream().filter(Scalar.class::isInstance).toArray(Scalar[]::new);
        this.terms = terms.stream().filter(t -> !(t instanceof Scalar)).toArray(Term[]::new);
        if (this.terms.length == 0) {
            throw new IllegalArgumentException("a plate sum needs an operand of the plate's length");
        }
        this.out = out;
        this.size = size;
    }

    @Override
    double forward(double[] v) {
        double constant = 0;
        for (Scalar s : scalars) {
            constant += s.sign() * v[s.offset()];
        }
        for (int t = 0; t < terms.length; t++) {
            // The first pass assigns the output, starting from the scalars; later passes add to it.
            boolean first = t == 0;
            Term term = terms[t];
            if (term instanceof Vector x) {
                double sign = x.sign();
                int in = x.offset();
                for (int i = 0; i < size; i++) {
                    v[out + i] = (first ? constant : v[out + i]) + sign * v[in + i];
                }
            } else if (term instanceof Scaled x) {
                int data = x.data();
                if (x.factorBroadcast()) {
                    double factor = x.sign() * v[x.factor()];
                    for (int i = 0; i < size; i++) {
                        v[out + i] = (first ? constant : v[out + i]) + factor * v[data + i];
                    }
                } else {
                    double sign = x.sign();
                    int factor = x.factor();
                    for (int i = 0; i < size; i++) {
                        v[out + i] = (first ? constant : v[out + i]) + sign * v[factor + i] * v[data + i];
                    }
                }
            } else {
                forwardGathered(v, (Gathered) term, first ? constant : Double.NaN);
            }
        }
        return 0;
    }

    /**
     * Adds one group of gathers; {@code start} is the first pass's starting value, NaN for later passes.
     * For a sorted index each run of equal indices reads its group's values once, and its inner loops
     * only stream the data.
     */
    private void forwardGathered(double[] v, Gathered x, double start) {
        boolean first = start == start;
        int[] sources = x.sources();
        double[][] data = x.data();
        double[] signs = x.signs();
        int k = sources.length;
        IndexRuns runs = x.runs();
        if (!runs.mostlySingletons()) {
            for (int r = 0; r < runs.count(); r++) {
                int from = runs.start(r);
                int to = runs.end(r);
                int group = runs.target(r);
                for (int c = 0; c < k; c++) {
                    double coefficient = signs[c] * v[sources[c] + group];
                    double[] column = data[c];
                    boolean assign = first && c == 0;
                    for (int i = from; i < to; i++) {
                        v[out + i] = (assign ? start : v[out + i]) + coefficient * column[i];
                    }
                }
            }
            return;
        }
        int[] index = x.index();
        for (int i = 0; i < size; i++) {
            int group = index[i];
            double sum = first ? start : v[out + i];
            for (int c = 0; c < k; c++) {
                sum += signs[c] * v[sources[c] + group] * data[c][i];
            }
            v[out + i] = sum;
        }
    }

    @Override
    void backward(double[] v, double[] adj, double[] work) {
        boolean scalarAdjoints = false;
        for (Scalar s : scalars) {
            scalarAdjoints |= s.needsAdjoint();
        }
        if (scalarAdjoints) {
            double total = PlateSums.sum(adj, out, out + size);
            for (Scalar s : scalars) {
                if (s.needsAdjoint()) {
                    adj[s.offset()] += s.sign() * total;
                }
            }
        }
        for (Term term : terms) {
            if (term instanceof Vector x) {
                if (x.needsAdjoint()) {
                    double sign = x.sign();
                    int in = x.offset();
                    for (int i = 0; i < size; i++) {
                        adj[in + i] += sign * adj[out + i];
                    }
                }
            } else if (term instanceof Scaled x) {
                int data = x.data();
                if (x.factorBroadcast()) {
                    adj[x.factor()] += x.sign() * PlateSums.dot(adj, out, v, data, size);
                } else {
                    double sign = x.sign();
                    int factor = x.factor();
                    for (int i = 0; i < size; i++) {
                        adj[factor + i] += sign * adj[out + i] * v[data + i];
                    }
                }
            } else {
                Gathered x = (Gathered) term;
                if (x.runs().mostlySingletons()) {
                    scatter(v, adj, x);
                } else {
                    scatterRuns(v, adj, x);
                }
            }
        }
    }

    /** Adds to the gathered entries member by member: for indices in no particular order. */
    private void scatter(double[] v, double[] adj, Gathered x) {
        int[] index = x.index();
        int[] sources = x.sources();
        double[][] data = x.data();
        double[] signs = x.signs();
        for (int i = 0; i < size; i++) {
            int group = index[i];
            double a = adj[out + i];
            for (int c = 0; c < sources.length; c++) {
                adj[sources[c] + group] += signs[c] * a * data[c][i];
            }
        }
    }

    /** Adds to the gathered entries one run of equal indices at a time: for sorted indices. */
    private void scatterRuns(double[] v, double[] adj, Gathered x) {
        IndexRuns runs = x.runs();
        int[] sources = x.sources();
        double[][] data = x.data();
        boolean[] ones = x.ones();
        double[] signs = x.signs();
        for (int r = 0; r < runs.count(); r++) {
            int start = runs.start(r);
            int n = runs.end(r) - start;
            int target = runs.target(r);
            for (int c = 0; c < sources.length; c++) {
                double partial = ones[c] ? PlateSums.sum(adj, out + start, out + start + n)
                        : PlateSums.dot(adj, out + start, data[c], start, n);
                adj[sources[c] + target] += signs[c] * partial;
            }
        }
    }
}
