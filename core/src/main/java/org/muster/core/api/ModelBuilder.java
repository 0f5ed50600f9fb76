package org.muster.core.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.muster.core.api.distributions.DistributionKernel;
import org.muster.core.api.distributions.MultivariateDistribution;
import org.muster.core.api.distributions.Support;
import org.muster.core.api.distributions.UnivariateDistribution;

/**
 * Builds a {@link Model}: declare data, stochastic nodes and named expressions in dependency order,
 * then {@link #build()}. Because a node can only refer to nodes created before it, the graph is
 * acyclic by construction. Every mistake is reported when it is made, naming the node and the
 * mismatch. Not thread-safe; one builder per model.
 */
public final class ModelBuilder {

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.:]*");

    private final List<Node> nodes = new ArrayList<>();
    private final Map<String, Node> byName = new HashMap<>();
    private final List<List<Node>> updateBlocks = new ArrayList<>();
    private boolean built;

    ModelBuilder() {
    }

    // ---- data ----

    /** A named scalar constant. */
    public Node data(String name, double value) {
        return addData(name, true, Shape.scalar(), new double[] {value});
    }

    /** A named vector of data, e.g. observed standard errors. @param values not modified (copied) */
    public Node data(String name, double[] values) {
        return addData(name, true, Shape.vector(values.length), values.clone());
    }

    /** A named vector of integer data (counts, trials). @param values not modified (copied) */
    public Node data(String name, int[] values) {
        return data(name, toDoubles(values));
    }

    /** A named matrix of data, e.g. a design matrix; rows must have equal length. @param rows not modified */
    public Node data(String name, double[][] rows) {
        if (rows.length == 0 || rows[0].length == 0) {
            throw new IllegalArgumentException("data '" + name + "': a matrix needs at least one row and one column");
        }
        int columns = rows[0].length;
        double[] flat = new double[rows.length * columns];
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != columns) {
                throw new IllegalArgumentException("data '" + name + "': row " + (r + 1) + " has " + rows[r].length
                        + " columns but row 1 has " + columns);
            }
            System.arraycopy(rows[r], 0, flat, r * columns, columns);
        }
        return addData(name, true, Shape.matrix(rows.length, columns), flat);
    }

    /** An anonymous scalar constant (what {@code mu.plus(2.0)} uses). */
    public Node constant(double value) {
        return addData(null, false, Shape.scalar(), new double[] {value});
    }

    // ---- stochastic nodes ----

    /** A scalar parameter, or for a multivariate distribution a single draw of its natural size. */
    public Node stochastic(String name, Distribution distribution) {
        return addStochastic(name, null, distribution, null);
    }

    /** A plate of {@code size} parameters drawn independently from a univariate distribution. */
    public Node stochastic(String name, int size, Distribution distribution) {
        return addStochastic(name, Shape.vector(size), distribution, null);
    }

    /** A parameter of the given shape (e.g. a K × K Cholesky factor for {@code lkjCorrCholesky}). */
    public Node stochastic(String name, Shape shape, Distribution distribution) {
        return addStochastic(name, shape, distribution, null);
    }

    /**
     * A parameter of the given shape whose members appear in the output under labels of the model's
     * choosing, e.g. BUGS's {@code theta[2]} and {@code Y[1,3]} for a plate that holds part of an array.
     *
     * @param memberNames one label per member, distinct and not blank; not modified (copied)
     * @throws IllegalArgumentException as {@link #stochastic(String, Shape, Distribution)}, or if the labels
     *     do not fit the shape
     */
    public Node stochastic(String name, Shape shape, Distribution distribution, List<String> memberNames) {
        checkMemberNames(name, shape.size(), memberNames);
        return addStochastic(name, shape, distribution, null, memberNames);
    }

    /** An observed scalar. */
    public Node observed(String name, Distribution distribution, double value) {
        return addStochastic(name, Shape.scalar(), distribution, new double[] {value});
    }

    /** An observed vector (one observation per member). @param values not modified (copied) */
    public Node observed(String name, Distribution distribution, double[] values) {
        return addStochastic(name, Shape.vector(values.length), distribution, values.clone());
    }

    /** An observed vector of integers (counts, successes, labels). @param values not modified (copied) */
    public Node observed(String name, Distribution distribution, int[] values) {
        return addStochastic(name, Shape.vector(values.length), distribution, toDoubles(values));
    }

    // ---- deterministic nodes ----

    /** Gives an expression a name, so it appears in the output (e.g. {@code theta = mu + tau * z}). */
    public Node deterministic(String name, Node expression) {
        checkOwned(expression, name);
        checkNewName(name);
        return add(name, true, NodeKind.DETERMINISTIC, expression.shape(), Operation.IDENTITY, null,
                List.of(expression), null, null);
    }

    /**
     * A named expression whose members appear in the output under labels of the model's choosing,
     * e.g. {@code r_county[1,Intercept]}, where the shape's own names ({@code r[1]}) would not say
     * what each member is.
     *
     * @param memberNames one label per member, distinct and not blank; not modified (copied)
     * @throws IllegalArgumentException if the count does not match the expression's size or a label is blank or repeated
     */
    public Node deterministic(String name, Node expression, List<String> memberNames) {
        checkOwned(expression, name);
        checkNewName(name);
        checkMemberNames(name, expression.size(), memberNames);
        checkNotBuilt();
        Node node = new Node(this, nodes.size(), name, true, NodeKind.DETERMINISTIC, expression.shape(),
                Operation.IDENTITY, null, List.of(expression), null, null, memberNames);
        nodes.add(node);
        byName.put(name, node);
        return node;
    }

    Node apply(Operation operation, Node... operands) {
        for (Node operand : operands) {
            checkOwned(operand, operation.label());
        }
        Shape shape = resultShape(operation, operands);
        return add(null, false, NodeKind.DETERMINISTIC, shape, operation, null, List.of(operands), null, null);
    }

    Node applyFunction(org.muster.core.api.functions.NodeFunction function, Node... arguments) {
        List<int[]> dimensions = new ArrayList<>();
        for (Node argument : arguments) {
            checkOwned(argument, function.name());
            Shape s = argument.shape();
            dimensions.add(s.rank() == 0 ? new int[0] : s.rank() == 1 ? new int[] {s.rows()} : new int[] {s.rows(), s.columns()});
        }
        int[] result = function.resultDimensions(List.copyOf(dimensions));
        Shape shape = result.length == 0 ? Shape.scalar() : result.length == 1 ? Shape.vector(result[0])
                : Shape.matrix(result[0], result[1]);
        checkNotBuilt();
        int id = nodes.size();
        Node node = new Node(this, id, "_" + function.name() + id, false, NodeKind.DETERMINISTIC, shape, Operation.FUNCTION,
                null, List.of(arguments), null, null, null, function);
        nodes.add(node);
        return node;
    }

    Node gather(Node vector, int[] index) {
        checkOwned(vector, "at");
        if (vector.shape().rank() != 1 && !vector.shape().isScalar()) {
            throw new IllegalArgumentException("cannot index " + vector.name() + ": it is a " + vector.shape()
                    + ", only vectors can be indexed with at(...)");
        }
        if (index.length == 0) {
            throw new IllegalArgumentException("index into " + vector.name() + " is empty");
        }
        for (int i = 0; i < index.length; i++) {
            if (index[i] < 0 || index[i] >= vector.size()) {
                throw new IllegalArgumentException("index into " + vector.name() + " out of range: entry " + (i + 1)
                        + " is " + index[i] + " but " + vector.name() + " has length " + vector.size()
                        + " (indices are 0-based)");
            }
        }
        return add(null, false, NodeKind.DETERMINISTIC, Shape.vector(index.length), Operation.GATHER, null,
                List.of(vector), null, index.clone());
    }

    /** The node with this name, if any. */
    public java.util.Optional<Node> node(String name) {
        return java.util.Optional.ofNullable(byName.get(name));
    }

    /**
     * Marks parameters that samplers updating one node at a time (Gibbs) should update jointly, because
     * they are strongly correlated a posteriori: the beta-binomial's mean and concentration, say. A hint:
     * methods that move all parameters together ignore it, and a user's own blocks replace it.
     *
     * @throws IllegalArgumentException if a node is not a continuous parameter of this builder, is given
     *     twice, or is already in another block
     */
    public ModelBuilder updateJointly(Node... parameters) {
        checkNotBuilt();
        List<Node> block = List.of(parameters);
        if (block.size() < 2) {
            throw new IllegalArgumentException("a block to update jointly needs at least two parameters, got " + block);
        }
        for (Node node : block) {
            checkOwned(node, "updateJointly");
            if (node.kind() != NodeKind.PARAMETER || node.distribution().orElseThrow().support().isDiscrete()) {
                throw new IllegalArgumentException("updateJointly: '" + node.name() + "' is not a continuous parameter");
            }
            if (block.indexOf(node) != block.lastIndexOf(node)
                    || updateBlocks.stream().anyMatch(other -> other.contains(node))) {
                throw new IllegalArgumentException("updateJointly: '" + node.name() + "' is already in a block");
            }
        }
        updateBlocks.add(block);
        return this;
    }

    /** Finishes the model. The builder cannot be used afterwards. */
    public Model build() {
        checkNotBuilt();
        built = true;
        return new Model(nodes, updateBlocks);
    }

    // ---- internals ----

    private Node addData(String name, boolean named, Shape shape, double[] values) {
        if (named) {
            checkNewName(name);
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("data '" + (named ? name : "constant") + "' member "
                        + shape.memberName(named ? name : "constant", i) + " is " + values[i] + "; data must be finite");
            }
        }
        return add(name, named, NodeKind.DATA, shape, null, null, List.of(), values, null);
    }

    private Node addStochastic(String name, Shape requested, Distribution distribution, double[] observedValues) {
        return addStochastic(name, requested, distribution, observedValues, null);
    }

    private Node addStochastic(String name, Shape requested, Distribution distribution, double[] observedValues,
            List<String> memberNames) {
        checkNotBuilt();
        if (byName.containsKey(name) && byName.get(name).kind() == NodeKind.DETERMINISTIC && observedValues != null) {
            throw new IllegalArgumentException("cannot observe '" + name + "': it is a deterministic node;"
                    + " only stochastic nodes can have observed values");
        }
        checkNewName(name);
        DistributionKernel kernel = distribution.kernel();
        List<Node> arguments = new ArrayList<>();
        for (Object argument : distribution.arguments()) {
            if (argument instanceof Node n) {
                checkOwned(n, name);
                arguments.add(n);
            } else {
                arguments.add(constant(((Number) argument).doubleValue()));
            }
        }
        Shape shape = requested;
        if (kernel instanceof UnivariateDistribution) {
            if (shape == null) {
                shape = Shape.scalar();
                for (Node a : arguments) {
                    if (!a.shape().isScalar()) {
                        shape = a.shape();
                        break;
                    }
                }
            }
            for (int i = 0; i < arguments.size(); i++) {
                Node a = arguments.get(i);
                if (!a.shape().isScalar() && a.size() != shape.size()) {
                    throw new IllegalArgumentException("'" + name + "' (" + shape + ") ~ " + kernel.name() + ": argument "
                            + kernel.parameterNames().get(i) + " = " + a.name() + " has length " + a.size()
                            + " but '" + name + "' has length " + shape.size() + " (length " + shape.size() + " vs "
                            + a.size() + ")");
                }
            }
        } else {
            MultivariateDistribution multivariate = (MultivariateDistribution) kernel;
            int[] sizes = arguments.stream().mapToInt(Node::size).toArray();
            if (shape == null) {
                int size = multivariate.defaultValueSize(sizes);
                if (size < 1) {
                    throw new IllegalArgumentException("'" + name + "' ~ " + kernel.name()
                            + ": the size cannot be inferred from the arguments; declare the shape");
                }
                shape = size == 1 ? Shape.scalar() : Shape.vector(size);
            }
            String problem = multivariate.checkSizes(shape.size(), sizes);
            if (problem != null) {
                throw new IllegalArgumentException("'" + name + "' ~ " + kernel.name() + ": " + problem);
            }
        }
        if (observedValues != null) {
            checkObservedSupport(name, shape, kernel, observedValues);
        }
        if (memberNames != null && memberNames.size() != shape.size()) {
            throw new IllegalArgumentException("'" + name + "': " + memberNames.size() + " member names for "
                    + shape.size() + " members");
        }
        Node node = new Node(this, nodes.size(), name, true, observedValues == null ? NodeKind.PARAMETER : NodeKind.OBSERVED,
                shape, null, kernel, arguments, observedValues, null, memberNames);
        nodes.add(node);
        byName.put(name, node);
        return node;
    }

    private static void checkMemberNames(String name, int size, List<String> memberNames) {
        if (memberNames.size() != size) {
            throw new IllegalArgumentException("'" + name + "': " + memberNames.size() + " member names for " + size
                    + " members");
        }
        if (new java.util.HashSet<>(memberNames).size() != memberNames.size()
                || memberNames.stream().anyMatch(m -> m == null || m.isBlank())) {
            throw new IllegalArgumentException("'" + name + "': member names must be distinct and not blank");
        }
    }

    private static void checkObservedSupport(String name, Shape shape, DistributionKernel kernel, double[] values) {
        Support support = kernel.support();
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            String problem = null;
            if (!Double.isFinite(v)) {
                problem = "is not a finite number";
            } else if (support.isDiscrete() && v != Math.rint(v)) {
                problem = "is not an integer";
            } else if ((support == Support.NONNEGATIVE_INTEGER || support == Support.BOUNDED_INTEGER) && v < 0) {
                problem = "is negative";
            } else if (support == Support.BINARY && v != 0 && v != 1) {
                problem = "is neither 0 nor 1";
            } else if (support == Support.CATEGORY && v < 1) {
                problem = "is not a category label 1, 2, ...";
            } else if (support == Support.POSITIVE && v <= 0) {
                problem = "is not positive";
            } else if (support == Support.UNIT_INTERVAL && (v <= 0 || v >= 1)) {
                problem = "is not strictly between 0 and 1";
            }
            if (problem != null) {
                throw new IllegalArgumentException("observed '" + name + "': " + shape.memberName(name, i) + " = " + v
                        + " " + problem + ", outside the support of " + kernel.name());
            }
        }
    }

    private Node add(String name, boolean named, NodeKind kind, Shape shape, Operation operation,
            DistributionKernel distribution, List<Node> inputs, double[] values, int[] index) {
        checkNotBuilt();
        int id = nodes.size();
        String actualName = named ? name : "_" + (operation == null ? "const" : operation.label()) + id;
        Node node = new Node(this, id, actualName, named, kind, shape, operation, distribution, inputs, values, index);
        nodes.add(node);
        if (named) {
            byName.put(name, node);
        }
        return node;
    }

    private static Shape resultShape(Operation operation, Node... operands) {
        switch (operation) {
            case SUM:
                return Shape.scalar();
            case DOT: {
                Node a = operands[0];
                Node b = operands[1];
                if (a.shape().rank() > 1 || b.shape().rank() > 1 || a.size() != b.size()) {
                    throw new IllegalArgumentException("dot(" + a.name() + ", " + b.name() + "): needs two vectors of"
                            + " equal length, got " + a.shape() + " and " + b.shape() + " (length " + a.size() + " vs "
                            + b.size() + ")");
                }
                return Shape.scalar();
            }
            case SELECT: {
                Node vector = operands[0];
                Node labels = operands[1];
                if (vector.shape().rank() == 2 || labels.shape().rank() == 2) {
                    throw new IllegalArgumentException("select(" + vector.name() + ", " + labels.name() + "): needs a"
                            + " vector and a vector of labels, got " + vector.shape() + " and " + labels.shape());
                }
                return labels.shape();
            }
            case MATRIX_VECTOR: {
                Node m = operands[0];
                Node v = operands[1];
                if (m.shape().rank() != 2) {
                    throw new IllegalArgumentException("matrix_vector(" + m.name() + ", " + v.name() + "): "
                            + m.name() + " is a " + m.shape() + ", not a matrix");
                }
                if (v.shape().rank() == 2 || v.size() != m.shape().columns()) {
                    throw new IllegalArgumentException("matrix_vector(" + m.name() + ", " + v.name() + "): "
                            + m.name() + " has " + m.shape().columns() + " columns but " + v.name() + " has length "
                            + v.size() + " (length " + m.shape().columns() + " vs " + v.size() + ")");
                }
                return m.shape().rows() == 1 ? Shape.scalar() : Shape.vector(m.shape().rows());
            }
            default:
                if (operands.length == 1) {
                    return operands[0].shape();
                }
                Node a = operands[0];
                Node b = operands[1];
                if (a.shape().isScalar()) {
                    return b.shape();
                }
                if (b.shape().isScalar() || a.shape().equals(b.shape())) {
                    return a.shape();
                }
                throw new IllegalArgumentException(operation.label() + "(" + a.name() + ", " + b.name()
                        + "): shapes do not match, " + a.shape() + " vs " + b.shape() + " (length " + a.size() + " vs "
                        + b.size() + "); only scalars broadcast");
        }
    }

    private void checkNewName(String name) {
        checkNotBuilt();
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid node name '" + name
                    + "': use a letter followed by letters, digits, '_', '.' or ':'");
        }
        Node existing = byName.get(name);
        if (existing != null) {
            throw new IllegalArgumentException("duplicate node name '" + name + "': already used by " + existing);
        }
    }

    private void checkOwned(Node node, String context) {
        if (node.owner() != this) {
            throw new IllegalArgumentException("node " + node.name() + " used in '" + context
                    + "' belongs to another model builder");
        }
    }

    private void checkNotBuilt() {
        if (built) {
            throw new IllegalStateException("this builder has already built its model; start a new one");
        }
    }

    private static double[] toDoubles(int[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
