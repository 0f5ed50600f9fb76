package org.muster.models.api;

import java.util.List;
import java.util.random.RandomGenerator;
import org.muster.core.api.Model;
import org.muster.core.api.Node;
import org.muster.core.api.NodeKind;
import org.muster.core.api.Operation;
import org.muster.core.api.distributions.DistributionKernel;
import org.muster.core.api.distributions.MultivariateDistribution;
import org.muster.core.api.distributions.UnivariateDistribution;

/**
 * Runs a model graph forward in plain arithmetic: ancestral sampling of every stochastic node (the
 * prior predictive), or, with the parameters fixed at a posterior draw, replicated draws of the
 * observed nodes (the posterior predictive). Not thread-safe; one per thread.
 */
final class GraphSimulator {

    /** Supplies a parameter node's values in posterior mode. */
    @FunctionalInterface
    interface ParameterValues {
        /** @param out modified: one value per member of {@code parameter} */
        void read(Node parameter, double[] out);
    }

    private final List<Node> nodes;
    private final double[][] values;
    private final double[][] replicates;

    GraphSimulator(Model model) {
        this.nodes = model.nodes();
        this.values = new double[nodes.size()][];
        this.replicates = new double[nodes.size()][];
        for (Node node : nodes) {
            values[node.id()] = node.kind() == NodeKind.DATA || node.kind() == NodeKind.OBSERVED
                    ? node.values().orElseThrow() : new double[node.size()];
            if (node.kind() == NodeKind.OBSERVED) {
                replicates[node.id()] = new double[node.size()];
            }
        }
    }

    /**
     * One pass over the graph.
     *
     * @param parameters the parameters' values; {@code null} to draw them from their priors, in which
     *     case observed nodes take their simulated values too
     */
    void run(RandomGenerator random, ParameterValues parameters) {
        for (Node node : nodes) {
            double[] out = values[node.id()];
            switch (node.kind()) {
                case DATA -> {
                }
                case DETERMINISTIC -> evaluate(node, out);
                case PARAMETER -> {
                    if (parameters == null) {
                        sample(node, random, out);
                    } else {
                        parameters.read(node, out);
                    }
                }
                case OBSERVED -> {
                    double[] replicate = replicates[node.id()];
                    sample(node, random, replicate);
                    if (parameters == null) {
                        System.arraycopy(replicate, 0, out, 0, replicate.length);
                    }
                }
                default -> throw new IllegalStateException("unknown node kind " + node.kind());
            }
        }
    }

    /** The current values of a node (not a copy; valid until the next run). */
    double[] value(Node node) {
        return values[node.id()];
    }

    /** The last replicated draw of an observed node (not a copy). */
    double[] replicate(Node observed) {
        return replicates[observed.id()];
    }

    private void sample(Node node, RandomGenerator random, double[] out) {
        DistributionKernel kernel = node.distribution().orElseThrow();
        List<Node> inputs = node.inputs();
        try {
            if (kernel instanceof UnivariateDistribution u) {
                double[] a = inputs.size() > 0 ? values[inputs.get(0).id()] : null;
                double[] b = inputs.size() > 1 ? values[inputs.get(1).id()] : null;
                double[] c = inputs.size() > 2 ? values[inputs.get(2).id()] : null;
                for (int i = 0; i < out.length; i++) {
                    out[i] = u.sample(random, member(a, i), member(b, i), member(c, i));
                }
            } else {
                MultivariateDistribution m = (MultivariateDistribution) kernel;
                int[] argSizes = new int[inputs.size()];
                int[] argOffsets = new int[inputs.size()];
                int cursor = out.length;
                for (int i = 0; i < inputs.size(); i++) {
                    argSizes[i] = inputs.get(i).size();
                    argOffsets[i] = cursor;
                    cursor += argSizes[i];
                }
                double[] buffer = new double[cursor + m.scratchSize(out.length, argSizes)];
                for (int i = 0; i < inputs.size(); i++) {
                    System.arraycopy(values[inputs.get(i).id()], 0, buffer, argOffsets[i], argSizes[i]);
                }
                m.sample(random, buffer, 0, out.length, argOffsets, argSizes, cursor);
                System.arraycopy(buffer, 0, out, 0, out.length);
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot draw '" + node.name() + "' ~ " + kernel.name() + ": "
                    + e.getMessage(), e);
        }
    }

    private static double member(double[] values, int i) {
        if (values == null) {
            return 0;
        }
        return values.length == 1 ? values[0] : values[i];
    }

    private void evaluate(Node node, double[] out) {
        Operation operation = node.operation().orElseThrow();
        List<Node> inputs = node.inputs();
        double[] x = values[inputs.get(0).id()];
        switch (operation) {
            case IDENTITY -> System.arraycopy(x, 0, out, 0, out.length);
            case SUM -> {
                double sum = 0;
                for (double v : x) {
                    sum += v;
                }
                out[0] = sum;
            }
            case DOT -> {
                double[] y = values[inputs.get(1).id()];
                double sum = 0;
                for (int i = 0; i < x.length; i++) {
                    sum += x[i] * y[i];
                }
                out[0] = sum;
            }
            case MATRIX_VECTOR -> {
                double[] v = values[inputs.get(1).id()];
                int columns = inputs.get(0).shape().columns();
                for (int r = 0; r < out.length; r++) {
                    double sum = 0;
                    for (int c = 0; c < columns; c++) {
                        sum += x[r * columns + c] * v[c];
                    }
                    out[r] = sum;
                }
            }
            case SELECT -> {
                double[] labels = values[inputs.get(1).id()];
                for (int i = 0; i < out.length; i++) {
                    int label = (int) labels[i];
                    out[i] = label == labels[i] && label >= 1 && label <= x.length ? x[label - 1] : Double.NaN;
                }
            }
            case GATHER -> {
                int[] index = node.gatherIndex().orElseThrow();
                for (int i = 0; i < out.length; i++) {
                    out[i] = x[index[i]];
                }
            }
            case FUNCTION -> evaluateFunction(node, out);
            default -> {
                if (operation.arity() == 1) {
                    for (int i = 0; i < out.length; i++) {
                        out[i] = unary(operation, x[i]);
                    }
                } else {
                    double[] y = values[inputs.get(1).id()];
                    for (int i = 0; i < out.length; i++) {
                        out[i] = binary(operation, member(x, i), member(y, i));
                    }
                }
            }
        }
    }

    /** A function node evaluated on a buffer of its own: arguments, result, scratch. */
    private void evaluateFunction(Node node, double[] out) {
        var function = node.function().orElseThrow();
        List<Node> inputs = node.inputs();
        int[] offsets = new int[inputs.size()];
        int[] sizes = new int[inputs.size()];
        int cursor = 0;
        for (int i = 0; i < inputs.size(); i++) {
            offsets[i] = cursor;
            sizes[i] = inputs.get(i).size();
            cursor += sizes[i];
        }
        int resultOffset = cursor;
        double[] buffer = new double[cursor + out.length + function.scratchSize(sizes, out.length)];
        for (int i = 0; i < inputs.size(); i++) {
            System.arraycopy(values[inputs.get(i).id()], 0, buffer, offsets[i], sizes[i]);
        }
        function.evaluate(buffer, offsets, sizes, resultOffset, out.length, resultOffset + out.length);
        System.arraycopy(buffer, resultOffset, out, 0, out.length);
    }

    private static double unary(Operation operation, double x) {
        return switch (operation) {
            case NEGATE -> -x;
            case EXP -> Math.exp(x);
            case LOG -> Math.log(x);
            case LOG1P -> Math.log1p(x);
            case EXPM1 -> Math.expm1(x);
            case INV_LOGIT -> x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
            case LOG_INV_LOGIT -> x >= 0 ? -Math.log1p(Math.exp(-x)) : x - Math.log1p(Math.exp(x));
            case SQUARE -> x * x;
            case SQRT -> Math.sqrt(x);
            default -> throw new IllegalStateException("not a unary operation: " + operation);
        };
    }

    private static double binary(Operation operation, double x, double y) {
        return switch (operation) {
            case ADD -> x + y;
            case SUBTRACT -> x - y;
            case MULTIPLY -> x * y;
            case DIVIDE -> x / y;
            case POW -> Math.pow(x, y);
            default -> throw new IllegalStateException("not a binary operation: " + operation);
        };
    }
}
