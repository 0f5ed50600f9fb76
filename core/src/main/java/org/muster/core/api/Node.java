package org.muster.core.api;

import java.util.List;
import java.util.Optional;
import org.muster.core.api.distributions.DistributionKernel;
import org.muster.core.api.functions.NodeFunction;

/**
 * A node of a model graph: data, a stochastic parameter or observation, or a deterministic expression.
 * Nodes are immutable handles created by a {@link ModelBuilder}; arithmetic on them adds anonymous
 * deterministic nodes to the same builder, so {@code mu.plus(tau.times(z))} builds the expression
 * {@code mu + tau * z}. Scalars broadcast against vectors; vectors must match in length.
 */
public final class Node {

    private final ModelBuilder owner;
    private final int id;
    private final String name;
    private final boolean named;
    private final NodeKind kind;
    private final Shape shape;
    private final Operation operation;
    private final DistributionKernel distribution;
    private final List<Node> inputs;
    private final double[] values;
    private final int[] index;
    private final List<String> memberNames;
    private final NodeFunction function;

    Node(ModelBuilder owner, int id, String name, boolean named, NodeKind kind, Shape shape,
            Operation operation, DistributionKernel distribution, List<Node> inputs, double[] values,
            int[] index) {
        this(owner, id, name, named, kind, shape, operation, distribution, inputs, values, index, null);
    }

    Node(ModelBuilder owner, int id, String name, boolean named, NodeKind kind, Shape shape,
            Operation operation, DistributionKernel distribution, List<Node> inputs, double[] values,
            int[] index, List<String> memberNames) {
        this(owner, id, name, named, kind, shape, operation, distribution, inputs, values, index, memberNames, null);
    }

    Node(ModelBuilder owner, int id, String name, boolean named, NodeKind kind, Shape shape,
            Operation operation, DistributionKernel distribution, List<Node> inputs, double[] values,
            int[] index, List<String> memberNames, NodeFunction function) {
        this.owner = owner;
        this.function = function;
        this.memberNames = memberNames == null ? null : List.copyOf(memberNames);
        this.id = id;
        this.name = name;
        this.named = named;
        this.kind = kind;
        this.shape = shape;
        this.operation = operation;
        this.distribution = distribution;
        this.inputs = List.copyOf(inputs);
        this.values = values;
        this.index = index;
    }

    /** The node's name; anonymous expression nodes get a generated name starting with {@code _}. */
    public String name() {
        return name;
    }

    /**
     * The output name of member {@code i} (0-based): the label the model gave it
     * ({@link ModelBuilder#deterministic(String, Node, List)}), else {@link Shape#memberName}
     * ({@code theta[1]}, {@code L[2,1]}).
     */
    public String memberName(int i) {
        return memberNames != null ? memberNames.get(i) : shape.memberName(name, i);
    }

    /** Whether the user gave this node its name (named nodes appear in output). */
    public boolean isNamed() {
        return named;
    }

    /** Position in creation order, which is also a topological order of the graph. */
    public int id() {
        return id;
    }

    public NodeKind kind() {
        return kind;
    }

    public Shape shape() {
        return shape;
    }

    /** Number of scalar members. */
    public int size() {
        return shape.size();
    }

    /** Whether this node is stochastic (a parameter or an observation). */
    public boolean isStochastic() {
        return kind == NodeKind.PARAMETER || kind == NodeKind.OBSERVED;
    }

    /** For a deterministic node, its operation. */
    public Optional<Operation> operation() {
        return Optional.ofNullable(operation);
    }

    /** For a {@link Operation#FUNCTION} node, its function; its arguments are {@link #inputs()}. */
    public Optional<NodeFunction> function() {
        return Optional.ofNullable(function);
    }

    /** For a stochastic node, its distribution's kernel; its arguments are {@link #inputs()}. */
    public Optional<DistributionKernel> distribution() {
        return Optional.ofNullable(distribution);
    }

    /** The direct inputs: operands of an operation or arguments of a distribution, in order. */
    public List<Node> inputs() {
        return inputs;
    }

    /** For data and observed nodes, a copy of the values (row-major for matrices). */
    public Optional<double[]> values() {
        return values == null ? Optional.empty() : Optional.of(values.clone());
    }

    /** For a gather node, a copy of the 0-based index into its input. */
    public Optional<int[]> gatherIndex() {
        return index == null ? Optional.empty() : Optional.of(index.clone());
    }

    double[] valuesShared() {
        return values;
    }

    int[] indexShared() {
        return index;
    }

    ModelBuilder owner() {
        return owner;
    }

    // ---- expression building: each adds an anonymous deterministic node to the owner ----

    public Node plus(Node other) {
        return owner.apply(Operation.ADD, this, other);
    }

    public Node plus(double other) {
        return owner.apply(Operation.ADD, this, owner.constant(other));
    }

    public Node minus(Node other) {
        return owner.apply(Operation.SUBTRACT, this, other);
    }

    public Node minus(double other) {
        return owner.apply(Operation.SUBTRACT, this, owner.constant(other));
    }

    public Node times(Node other) {
        return owner.apply(Operation.MULTIPLY, this, other);
    }

    public Node times(double other) {
        return owner.apply(Operation.MULTIPLY, this, owner.constant(other));
    }

    public Node div(Node other) {
        return owner.apply(Operation.DIVIDE, this, other);
    }

    public Node div(double other) {
        return owner.apply(Operation.DIVIDE, this, owner.constant(other));
    }

    public Node pow(Node exponent) {
        return owner.apply(Operation.POW, this, exponent);
    }

    public Node pow(double exponent) {
        return owner.apply(Operation.POW, this, owner.constant(exponent));
    }

    public Node negate() {
        return owner.apply(Operation.NEGATE, this);
    }

    /**
     * Gathers members of this vector by a 0-based index: the result has one member per index entry,
     * e.g. {@code alpha.at(county)} gives each house its county's intercept.
     *
     * @param index not modified (copied); every entry in {@code [0, size())}
     */
    public Node at(int[] index) {
        return owner.gather(this, index);
    }

    /**
     * Picks members of this vector by the 1-based labels another node holds, one result member per
     * label: {@code mu.select(z)} gives each observation its component's mean when {@code z} holds
     * categorical labels 1..K (data, or discrete parameters updated by Gibbs). A label outside
     * 1..size() gives NaN, so the density that uses it is -inf.
     */
    public Node select(Node labels) {
        return owner.apply(Operation.SELECT, this, labels);
    }

    @Override
    public String toString() {
        return name + " (" + kind.name().toLowerCase(java.util.Locale.ROOT) + ", " + shape + ")";
    }
}
