package org.muster.lang.internal.compiler;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import org.muster.core.api.Expressions;
import org.muster.core.api.ModelBuilder;
import org.muster.core.api.Node;
import org.muster.core.api.functions.Functions;
import org.muster.core.api.functions.NodeFunction;
import org.muster.lang.internal.bugs.Ast;
import org.muster.lang.internal.bugs.Ast.Expression;
import org.muster.lang.internal.text.Position;
import org.muster.lang.internal.text.SourceText;
import org.muster.lang.internal.text.Suggestions;
import org.muster.lang.spi.ModelFileException;

/**
 * Evaluates BUGS expressions over a set of instances at once: what the data fix is folded to numbers,
 * the rest becomes nodes of the graph, one node per expression for all instances (a plate), so a loop
 * of N relations costs a handful of nodes. Variables are read element by element from whatever holds
 * them: the data, or the nodes of the relations that define them.
 */
final class Evaluator {

    /** Functions of one argument applied member by member, with the graph's own operation where there is one. */
    private static final Set<String> CORE_UNARY = Set.of("exp", "log", "sqrt", "ilogit");
    /** Functions reducing each instance's array to one number. */
    private static final Set<String> REDUCTIONS = Set.of("sum", "prod", "mean", "sd", "max", "min");

    /** Names of every function the language knows, for "did you mean". */
    static final Set<String> FUNCTIONS;

    static {
        Set<String> names = new TreeSet<>(CORE_UNARY);
        names.addAll(REDUCTIONS);
        names.addAll(Functions.elementwiseNames());
        names.addAll(List.of("pow", "equals", "ifelse", "inprod", "sort", "rank", "order", "inverse", "logdet", "t",
                "length", "dim", "logit", "icloglog", "cloglog", "probit", "phi"));
        FUNCTIONS = Set.copyOf(names);
    }

    /** The flat indices a variable reference reads, per instance. */
    record Reference(Variable variable, int[] flat, int[] dimensions, int count) {
    }

    private final ModelBuilder builder;
    private final Map<String, Variable> variables;
    private final List<Node> nodes;
    private final SourceText source;
    private int dataNodes;
    private boolean constantOnly;

    Evaluator(ModelBuilder builder, Map<String, Variable> variables, List<Node> nodes, SourceText source) {
        this.builder = builder;
        this.variables = variables;
        this.nodes = nodes;
        this.source = source;
    }

    ModelBuilder builder() {
        return builder;
    }

    SourceText source() {
        return source;
    }

    /** While set, reading anything not known from the data throws {@link CompileSignal.Reason#NOT_CONSTANT}. */
    void setConstantOnly(boolean constantOnly) {
        this.constantOnly = constantOnly;
    }

    ModelFileException error(Position position, String problem) {
        return source.error(position, problem);
    }

    // ---- expressions ----

    Value evaluate(Expression expression, Instances in) {
        if (expression instanceof Ast.Literal literal) {
            return Value.scalar(literal.value());
        }
        if (expression instanceof Ast.VariableReference reference) {
            if (!reference.indexed() && in.hasCounter(reference.name())) {
                int[] counter = in.counter(reference.name());
                double[] values = new double[counter.length];
                for (int i = 0; i < values.length; i++) {
                    values[i] = counter[i];
                }
                return Value.constant(new int[0], in.count(), values);
            }
            return read(reference, in);
        }
        if (expression instanceof Ast.FunctionCall call) {
            return call(call, in);
        }
        if (expression instanceof Ast.BinaryOperation operation) {
            return binaryOperation(operation, in);
        }
        Ast.UnaryOperation operation = (Ast.UnaryOperation) expression;
        Value operand = evaluate(operation.operand(), in);
        return operation.operator() == Ast.UnaryOperator.NEGATE
                ? unary(operand, x -> -x, Node::negate)
                : function(Functions.test("=="), List.of(operand, Value.scalar(0)), operation.position());
    }

    /** A constant per-instance scalar as whole numbers, for loop bounds and indices. */
    int[] integers(Expression expression, Instances in, String what) {
        Value value;
        boolean saved = constantOnly;
        constantOnly = true;
        try {
            value = evaluate(expression, in);
        } catch (CompileSignal signal) {
            if (signal.reason == CompileSignal.Reason.NOT_CONSTANT) {
                throw error(expression.position(), what + " must be fixed by the data, but "
                        + source.textAt(expression.position()) + " depends on unknown quantities");
            }
            throw signal;
        } finally {
            constantOnly = saved;
        }
        if (!value.isScalarPerInstance()) {
            throw error(expression.position(), what + " must be a single number, but "
                    + source.textAt(expression.position()) + " is " + value.describeShape());
        }
        double[] v = value.values();
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            if (v[i] != Math.rint(v[i]) || Math.abs(v[i]) > 1e9) {
                throw error(expression.position(), what + " must be a whole number, but " + source.textAt(expression.position())
                        + " = " + format(v[i]) + (in.count() > 1 && value.count() > 1 ? " for " + in.describe(i) : ""));
            }
            out[i] = (int) v[i];
        }
        return out;
    }

    // ---- variable references ----

    /** Names of the variables read so far. */
    private final Set<String> read = new java.util.HashSet<>();

    /** Whether a variable has been read by some expression (a loop bound, an index, an argument). */
    boolean wasRead(String name) {
        return read.contains(name);
    }

    private Variable variable(Ast.VariableReference reference) {
        read.add(reference.name());
        Variable v = variables.get(reference.name());
        if (v == null) {
            throw error(reference.namePosition(), "'" + reference.name() + "' is neither defined in the model nor given"
                    + " in the data" + Suggestions.didYouMean(reference.name(), variables.keySet()));
        }
        return v;
    }

    /**
     * The flat indices a reference reads when its indices are fixed by the data.
     *
     * @throws CompileSignal NOT_CONSTANT if an index depends on unknown quantities
     */
    Reference indices(Ast.VariableReference reference, Instances in) {
        Variable v = variable(reference);
        if (!reference.indexed()) {
            int[] flat = new int[v.size];
            for (int e = 0; e < flat.length; e++) {
                flat[e] = e;
            }
            return new Reference(v, flat, v.dimensions.clone(), 1);
        }
        List<Ast.Index> indices = reference.indices();
        checkRank(v, reference);
        int rank = v.rank();
        int[][] single = new int[rank][];
        int[][] from = new int[rank][];
        int[] length = new int[rank];
        int count = 1;
        boolean saved = constantOnly;
        constantOnly = true;
        try {
            for (int d = 0; d < rank; d++) {
                Ast.Index index = indices.get(d);
                switch (index.kind()) {
                    case ALL -> {
                        from[d] = new int[] {1};
                        length[d] = v.dimensions[d];
                    }
                    case SINGLE -> {
                        single[d] = indexValues(index.lower(), in, reference, d);
                        count = Math.max(count, single[d].length);
                        length[d] = 1;
                    }
                    case RANGE -> {
                        int[] lo = indexValues(index.lower(), in, reference, d);
                        int[] hi = indexValues(index.upper(), in, reference, d);
                        int n = Math.max(lo.length, hi.length);
                        int len = -1;
                        for (int k = 0; k < n; k++) {
                            int l = hi[hi.length == 1 ? 0 : k] - lo[lo.length == 1 ? 0 : k] + 1;
                            if (l < 1) {
                                throw error(index.position(), "the range " + source.textAt(index.position()) + " is empty ("
                                        + lo[lo.length == 1 ? 0 : k] + ":" + hi[hi.length == 1 ? 0 : k] + ")"
                                        + (n > 1 ? " for " + in.describe(k) : ""));
                            }
                            if (len >= 0 && l != len) {
                                throw new CompileSignal(CompileSignal.Reason.VARYING_SHAPE);
                            }
                            len = l;
                        }
                        from[d] = lo;
                        length[d] = len;
                        count = Math.max(count, n);
                    }
                }
            }
        } finally {
            constantOnly = saved;
        }
        List<Integer> kept = new ArrayList<>();
        int width = 1;
        for (int d = 0; d < rank; d++) {
            if (indices.get(d).kind() != Ast.IndexKind.SINGLE) {
                kept.add(length[d]);
                width *= length[d];
            }
        }
        int[] dimensions = kept.stream().mapToInt(Integer::intValue).toArray();
        int[] flat = new int[count * width];
        int[] offset = new int[rank];
        for (int c = 0; c < count; c++) {
            Arrays.fill(offset, 0);
            for (int m = 0; m < width; m++) {
                int f = 0;
                for (int d = 0; d < rank; d++) {
                    int value = single[d] != null ? single[d][single[d].length == 1 ? 0 : c]
                            : from[d][from[d].length == 1 ? 0 : c] + offset[d];
                    if (value < 1 || value > v.dimensions[d]) {
                        Ast.Index index = indices.get(d);
                        throw error(index.position(), "index out of range: " + source.textAt(reference.position())
                                + (in.count() > 1 && count > 1 ? " with " + in.describe(c) : "") + " reads index "
                                + value + " of dimension " + (d + 1) + " of '" + v.name + "', which has "
                                + v.dimensions[d] + (rank == 1 ? " elements" : ""));
                    }
                    f += (value - 1) * v.stride(d);
                }
                flat[c * width + m] = f;
                for (int d = 0; d < rank; d++) {
                    if (single[d] == null) {
                        if (++offset[d] < length[d]) {
                            break;
                        }
                        offset[d] = 0;
                    }
                }
            }
        }
        return new Reference(v, flat, dimensions, count);
    }

    private void checkRank(Variable v, Ast.VariableReference reference) {
        int used = reference.indices().size();
        if (used != v.rank()) {
            String what = v.data != null ? " in the data" : "";
            throw error(reference.position(), "'" + v.name + "' is " + v.describeDimensions() + what + " but is used"
                    + " with " + used + " ind" + (used == 1 ? "ex" : "ices") + " in " + source.textAt(reference.position()));
        }
    }

    private int[] indexValues(Expression expression, Instances in, Ast.VariableReference reference, int d) {
        Value value = evaluate(expression, in);
        if (!value.isScalarPerInstance()) {
            throw error(expression.position(), "an index must be a single number, but " + source.textAt(expression.position())
                    + " is " + value.describeShape());
        }
        double[] v = value.values();
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            if (v[i] != Math.rint(v[i])) {
                throw error(expression.position(), "index " + source.textAt(expression.position()) + " = " + format(v[i])
                        + (value.count() > 1 ? " for " + in.describe(i) : "") + " is not a whole number");
            }
            out[i] = (int) v[i];
        }
        return out;
    }

    private Value read(Ast.VariableReference reference, Instances in) {
        try {
            Reference r = indices(reference, in);
            return elements(r.variable(), r.flat(), r.dimensions(), r.count(), reference.position());
        } catch (CompileSignal signal) {
            if (signal.reason != CompileSignal.Reason.NOT_CONSTANT || constantOnly) {
                throw signal;
            }
            return readByStochasticIndex(reference, in);
        }
    }

    /**
     * {@code mu[z[i]]} with z unknown (mixture indicators): the whole variable as one vector, members
     * picked by the 1-based flat position that the indices give (the graph's select).
     */
    private Value readByStochasticIndex(Ast.VariableReference reference, Instances in) {
        Variable v = variable(reference);
        checkRank(v, reference);
        List<Value> parts = new ArrayList<>();
        for (int d = 0; d < v.rank(); d++) {
            Ast.Index index = reference.indices().get(d);
            if (index.kind() != Ast.IndexKind.SINGLE) {
                throw error(index.position(), "a range or an empty index cannot be combined with an index that depends on"
                        + " unknown quantities in " + source.textAt(reference.position()) + "; write one index per element");
            }
            Value value = evaluate(index.lower(), in);
            if (!value.isScalarPerInstance()) {
                throw error(index.position(), "an index must be a single number");
            }
            // (index - 1) * stride, summed over the dimensions, plus 1: the 1-based flat position.
            parts.add(binary(value, Value.scalar(v.stride(d)), (a, b) -> (a - 1) * b,
                    (a, b) -> a.minus(1).times(b), index.position()));
        }
        Value label = Value.scalar(1);
        for (Value part : parts) {
            label = binary(label, part, Double::sum, Node::plus, reference.position());
        }
        int[] all = new int[v.size];
        for (int e = 0; e < all.length; e++) {
            all[e] = e;
        }
        Value whole = elements(v, all, new int[] {v.size}, 1, reference.position());
        Node wholeNode = toNode(whole, reference.position());
        Node labels = toNode(label, reference.position());
        Node picked = wholeNode.select(labels);
        if (label.count() == 1) {
            picked = Expressions.apply(Functions.gather(new int[] {0}, new int[] {0}, new int[0]), picked);
        }
        return Value.node(new int[0], label.count(), picked);
    }

    /**
     * The elements {@code flat} (count × width of them, instance by instance) of a variable.
     *
     * @throws ModelFileException for an element that nothing defines
     * @throws CompileSignal NOT_CONSTANT in constant-only mode for an element not known from the data
     */
    Value elements(Variable v, int[] flat, int[] dimensions, int count, Position position) {
        boolean allKnown = true;
        for (int e : flat) {
            switch (v.kind[e]) {
                case UNDEFINED -> throw error(position, undefinedMessage(v, e));
                case MISSING -> throw error(position, v.elementName(e) + " is NA in the data and no relation defines it;"
                        + " a missing value needs a relation ('~') to be sampled");
                default -> {
                    if (!v.isKnown(e)) {
                        allKnown = false;
                    }
                }
            }
        }
        if (allKnown) {
            double[] values = new double[flat.length];
            for (int i = 0; i < flat.length; i++) {
                values[i] = v.known[flat[i]];
            }
            return Value.constant(dimensions, count, values);
        }
        if (constantOnly) {
            throw new CompileSignal(CompileSignal.Reason.NOT_CONSTANT);
        }
        int total = flat.length;
        int firstNode = v.node[flat[0]];
        boolean oneNode = firstNode >= 0;
        for (int e : flat) {
            if (v.node[e] != firstNode || v.isKnown(e) && v.node[e] < 0) {
                oneNode = false;
            }
            if (!v.isKnown(e) && v.node[e] < 0) {
                throw new IllegalStateException("internal: " + v.elementName(e) + " read before it is built");
            }
        }
        if (oneNode) {
            Node node = nodes.get(firstNode);
            int[] positions = new int[total];
            boolean identity = total == node.size();
            for (int i = 0; i < total; i++) {
                positions[i] = v.member[flat[i]];
                identity &= positions[i] == i;
            }
            if (identity) {
                return Value.node(dimensions, count, node);
            }
            if (total == 1) {
                return Value.node(dimensions, count,
                        Expressions.apply(Functions.gather(new int[] {0}, positions, new int[0]), node));
            }
            return Value.node(dimensions, count, node.at(positions));
        }
        // Pieces from several nodes and the data: one gather over all of them.
        Map<Integer, Integer> argumentOf = new LinkedHashMap<>();
        List<Node> arguments = new ArrayList<>();
        List<Double> constants = new ArrayList<>();
        int[] sources = new int[total];
        int[] positions = new int[total];
        for (int i = 0; i < total; i++) {
            int e = flat[i];
            if (v.isKnown(e) && v.node[e] < 0) {
                sources[i] = -1;
                positions[i] = constants.size();
                constants.add(v.known[e]);
            } else {
                Integer a = argumentOf.get(v.node[e]);
                if (a == null) {
                    a = arguments.size();
                    argumentOf.put(v.node[e], a);
                    arguments.add(nodes.get(v.node[e]));
                }
                sources[i] = a;
                positions[i] = v.member[e];
            }
        }
        if (!constants.isEmpty()) {
            int a = arguments.size();
            double[] values = constants.stream().mapToDouble(Double::doubleValue).toArray();
            arguments.add(values.length == 1 ? builder.constant(values[0]) : builder.data(nextDataName(), values));
            for (int i = 0; i < total; i++) {
                if (sources[i] < 0) {
                    sources[i] = a;
                }
            }
        }
        int[] shape = total == 1 ? new int[0] : new int[] {total};
        return Value.node(dimensions, count,
                Expressions.apply(Functions.gather(sources, positions, shape), arguments.toArray(Node[]::new)));
    }

    private String undefinedMessage(Variable v, int e) {
        boolean anyDefined = false;
        for (Variable.Kind k : v.kind) {
            anyDefined |= k != Variable.Kind.UNDEFINED;
        }
        if (!anyDefined) {
            return "'" + v.name + "' is neither defined in the model nor given in the data";
        }
        return v.elementName(e) + " is used but neither defined in the model nor given in the data";
    }

    // ---- nodes from values ----

    String nextDataName() {
        return "data:" + (++dataNodes);
    }

    /** The value as a node: a constant becomes data (a scalar constant for one number). */
    Node toNode(Value value, Position position) {
        if (!value.isConstant()) {
            return value.node();
        }
        double[] v = value.values();
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw error(position, "the value of " + source.textAt(position) + " is " + format(v[i])
                        + (v.length > 1 ? " at member " + (i + 1) : "") + "; it must be a finite number");
            }
        }
        return v.length == 1 ? builder.constant(v[0]) : builder.data(nextDataName(), v);
    }

    /**
     * The value laid out for {@code count} instances of {@code width} members each: an invariant value
     * is repeated, a per-instance scalar spread over the members.
     */
    Value expand(Value value, int count, int width, int[] dimensions) {
        if (value.count() == count && value.width() == width) {
            return value;
        }
        int total = count * width;
        int[] index = new int[total];
        for (int c = 0; c < count; c++) {
            for (int m = 0; m < width; m++) {
                index[c * width + m] = (value.count() == 1 ? 0 : c) * value.width() + (value.width() == 1 ? 0 : m);
            }
        }
        if (value.isConstant()) {
            double[] out = new double[total];
            for (int i = 0; i < total; i++) {
                out[i] = value.values()[index[i]];
            }
            return Value.constant(dimensions, count, out);
        }
        Node node = total == 1
                ? Expressions.apply(Functions.gather(new int[] {0}, index, new int[0]), value.node())
                : value.node().at(index);
        return Value.node(dimensions, count, node);
    }

    // ---- arithmetic ----

    private Value binaryOperation(Ast.BinaryOperation operation, Instances in) {
        Value a = evaluate(operation.left(), in);
        Value b = evaluate(operation.right(), in);
        Position p = operation.position();
        return switch (operation.operator()) {
            case ADD -> binary(a, b, Double::sum, Node::plus, p);
            case SUBTRACT -> binary(a, b, (x, y) -> x - y, Node::minus, p);
            // Among constants 0 times anything is 0, as in the 0 log 0 of a saturated likelihood.
            case MULTIPLY -> binary(a, b, (x, y) -> x == 0 || y == 0 ? 0 : x * y, Node::times, p);
            case DIVIDE -> binary(a, b, (x, y) -> x / y, Node::div, p);
            case POWER -> binary(a, b, Math::pow, Node::pow, p);
            case MATRIX_PRODUCT -> matrixProduct(a, b, p);
            default -> function(Functions.test(operation.operator().symbol()), List.of(a, b), p);
        };
    }

    /** The per-instance dimensions of an elementwise combination, or an error naming both shapes. */
    private int[] combined(List<Value> values, Position position) {
        int[] dimensions = new int[0];
        int width = 1;
        for (Value v : values) {
            if (v.width() == 1) {
                continue;
            }
            if (width == 1) {
                dimensions = v.dimensions();
                width = v.width();
            } else if (!Arrays.equals(dimensions, v.dimensions())) {
                throw error(position, "cannot combine " + describe(dimensions) + " with " + v.describeShape() + " in "
                        + source.textAt(position) + "; arrays must have the same dimensions, or one be a scalar");
            }
        }
        return dimensions;
    }

    private static String describe(int[] dimensions) {
        return Value.constant(dimensions, 1, new double[Value.size(dimensions)]).describeShape();
    }

    Value binary(Value a, Value b, DoubleBinaryOperator constant, java.util.function.BinaryOperator<Node> graph,
            Position position) {
        int[] dimensions = combined(List.of(a, b), position);
        int width = Value.size(dimensions);
        int count = Math.max(a.count(), b.count());
        if (a.isConstant() && b.isConstant()) {
            double[] out = new double[count * width];
            for (int c = 0; c < count; c++) {
                for (int m = 0; m < width; m++) {
                    out[c * width + m] = constant.applyAsDouble(member(a, c, m), member(b, c, m));
                }
            }
            return Value.constant(dimensions, count, out);
        }
        Node x = operand(a, count, width, dimensions, position);
        Node y = operand(b, count, width, dimensions, position);
        return Value.node(dimensions, count, graph.apply(x, y));
    }

    /** A value as an operand of an elementwise operation of count × width members: as it is, a broadcast scalar, or expanded. */
    private Node operand(Value v, int count, int width, int[] dimensions, Position position) {
        int total = v.count() * v.width();
        if (total == count * width) {
            return toNode(v, position);
        }
        if (total == 1) {
            Node node = toNode(v, position);
            return node.shape().isScalar() ? node
                    : Expressions.apply(Functions.gather(new int[] {0}, new int[] {0}, new int[0]), node);
        }
        return toNode(expand(v, count, width, dimensions), position);
    }

    private static double member(Value v, int c, int m) {
        return v.values()[(v.count() == 1 ? 0 : c) * v.width() + (v.width() == 1 ? 0 : m)];
    }

    Value unary(Value a, DoubleUnaryOperator constant, UnaryOperator<Node> graph) {
        if (a.isConstant()) {
            double[] out = a.values().clone();
            for (int i = 0; i < out.length; i++) {
                out[i] = constant.applyAsDouble(out[i]);
            }
            return Value.constant(a.dimensions(), a.count(), out);
        }
        return Value.node(a.dimensions(), a.count(), graph.apply(a.node()));
    }

    /**
     * An elementwise function of several values, broadcast to their common dimensions; folded to numbers
     * when every argument is constant.
     */
    Value function(NodeFunction f, List<Value> arguments, Position position) {
        int[] dimensions = combined(arguments, position);
        int width = Value.size(dimensions);
        int count = 1;
        for (Value a : arguments) {
            count = Math.max(count, a.count());
        }
        List<Value> laidOut = new ArrayList<>();
        for (Value a : arguments) {
            laidOut.add(a.count() * a.width() == 1 ? a : expand(a, count, width, dimensions));
        }
        return applied(f, laidOut, dimensions, count, position);
    }

    /** A function applied to values already laid out for it, with result dimensions and count given. */
    Value applied(NodeFunction f, List<Value> arguments, int[] dimensions, int count, Position position) {
        boolean constant = arguments.stream().allMatch(Value::isConstant);
        if (constant) {
            int[] offsets = new int[arguments.size()];
            int[] sizes = new int[arguments.size()];
            int cursor = 0;
            for (int i = 0; i < arguments.size(); i++) {
                offsets[i] = cursor;
                sizes[i] = arguments.get(i).values().length;
                cursor += sizes[i];
            }
            int resultSize = count * Value.size(dimensions);
            double[] buffer = new double[cursor + resultSize + f.scratchSize(sizes, resultSize)];
            for (int i = 0; i < arguments.size(); i++) {
                System.arraycopy(arguments.get(i).values(), 0, buffer, offsets[i], sizes[i]);
            }
            f.evaluate(buffer, offsets, sizes, cursor, resultSize, cursor + resultSize);
            return Value.constant(dimensions, count, Arrays.copyOfRange(buffer, cursor, cursor + resultSize));
        }
        Node[] nodesIn = new Node[arguments.size()];
        for (int i = 0; i < nodesIn.length; i++) {
            nodesIn[i] = toNode(arguments.get(i), position);
        }
        Node result;
        try {
            result = Expressions.apply(f, nodesIn);
        } catch (IllegalArgumentException e) {
            throw error(position, e.getMessage());
        }
        return Value.node(dimensions, count, result);
    }

    private Value matrixProduct(Value a, Value b, Position position) {
        // Column-major A (r × k) is row-major Aᵀ; C = A B column-major is row-major Bᵀ Aᵀ.
        int[] da = a.dimensions();
        int[] db = b.dimensions();
        if (da.length > 2 || db.length > 2 || da.length == 0 || db.length == 0) {
            throw error(position, "%*% multiplies vectors and matrices, not " + a.describeShape() + " and " + b.describeShape());
        }
        int rows = da.length == 2 ? da[0] : 1;
        int inner = da.length == 2 ? da[1] : da[0];
        int innerB = db.length == 2 ? db[0] : db[0];
        int columns = db.length == 2 ? db[1] : 1;
        if (da.length == 1 && db.length == 2 && da[0] != db[0]) {
            throw error(position, "%*%: a vector of " + da[0] + " times a " + db[0] + " × " + db[1] + " matrix");
        }
        if (inner != innerB) {
            throw error(position, "%*%: the inner dimensions differ (" + inner + " and " + innerB + ")");
        }
        int[] result = rows == 1 && columns == 1 ? new int[0]
                : rows == 1 ? new int[] {columns} : columns == 1 ? new int[] {rows} : new int[] {rows, columns};
        int count = Math.max(a.count(), b.count());
        Value ea = expand(a, count, a.width(), a.dimensions());
        Value eb = expand(b, count, b.width(), b.dimensions());
        return applied(Functions.matrixProduct(columns, inner, rows), List.of(eb, ea), result, count, position);
    }

    // ---- function calls ----

    private Value call(Ast.FunctionCall call, Instances in) {
        String name = call.name();
        List<Expression> args = call.arguments();
        Position p = call.position();
        if (name.equals("length") || name.equals("dim")) {
            arity(call, 1);
            int[] dims = shapeOf(args.get(0), in);
            if (name.equals("length")) {
                return Value.scalar(Value.size(dims));
            }
            double[] values = new double[dims.length];
            for (int i = 0; i < dims.length; i++) {
                values[i] = dims[i];
            }
            return Value.constant(new int[] {dims.length}, 1, values);
        }
        List<Value> values = new ArrayList<>();
        for (Expression e : args) {
            values.add(evaluate(e, in));
        }
        switch (name) {
            case "exp" -> {
                arity(call, 1);
                return unary(values.get(0), Math::exp, Expressions::exp);
            }
            case "log" -> {
                arity(call, 1);
                return unary(values.get(0), Math::log, Expressions::log);
            }
            case "sqrt" -> {
                arity(call, 1);
                return unary(values.get(0), Math::sqrt, Expressions::sqrt);
            }
            case "ilogit" -> {
                arity(call, 1);
                return unary(values.get(0), x -> 1 / (1 + Math.exp(-x)), Expressions::invLogit);
            }
            case "pow" -> {
                arity(call, 2);
                return binary(values.get(0), values.get(1), Math::pow, Node::pow, p);
            }
            case "equals" -> {
                arity(call, 2);
                return function(Functions.test("=="), values, p);
            }
            case "ifelse" -> {
                arity(call, 3);
                return function(Functions.ifElse(), values, p);
            }
            case "inprod" -> {
                arity(call, 2);
                Value a = values.get(0);
                Value b = values.get(1);
                if (a.width() != b.width()) {
                    throw error(p, "inprod needs two arrays of equal length, got " + a.describeShape() + " and "
                            + b.describeShape());
                }
                int count = Math.max(a.count(), b.count());
                return applied(Functions.reduction("inprod", a.width()), List.of(expand(a, count, a.width(), a.dimensions()),
                        expand(b, count, b.width(), b.dimensions())), new int[0], count, p);
            }
            case "sort", "rank", "order" -> {
                arity(call, 1);
                Value a = values.get(0);
                return applied(Functions.ordering(name, a.width()), List.of(a), a.dimensions(), a.count(), p);
            }
            case "inverse", "logdet" -> {
                arity(call, 1);
                Value a = values.get(0);
                int[] d = a.dimensions();
                if (d.length != 2 || d[0] != d[1]) {
                    throw error(p, name + " needs a square matrix, got " + a.describeShape());
                }
                return name.equals("inverse")
                        ? applied(Functions.inverse(d[0]), List.of(a), d, a.count(), p)
                        : applied(Functions.logDeterminant(d[0]), List.of(a), new int[0], a.count(), p);
            }
            case "t" -> {
                arity(call, 1);
                Value a = values.get(0);
                int[] d = a.dimensions();
                if (d.length != 2) {
                    throw error(p, "t needs a matrix, got " + a.describeShape());
                }
                return applied(Functions.transpose(d[1], d[0]), List.of(a), new int[] {d[1], d[0]}, a.count(), p);
            }
            default -> {
            }
        }
        if (REDUCTIONS.contains(name)) {
            if (values.isEmpty()) {
                throw error(p, name + " needs at least one argument");
            }
            if (values.size() == 2 && (name.equals("max") || name.equals("min")) && values.get(0).width() == 1
                    && values.get(1).width() == 1) {
                return function(Functions.extreme(name.equals("max")), values, p);
            }
            if (values.size() > 1 && !(name.equals("max") || name.equals("min"))) {
                throw error(p, name + " takes one argument, got " + values.size());
            }
            Value joined = values.size() == 1 ? values.get(0) : concatenate(values, p);
            if (name.equals("sd") && joined.width() < 2) {
                throw error(p, "sd needs at least two values, got " + joined.describeShape());
            }
            return applied(Functions.reduction(name, joined.width()), List.of(joined), new int[0], joined.count(), p);
        }
        var elementwise = Functions.elementwise(name);
        if (elementwise.isPresent()) {
            arity(call, 1);
            return function(elementwise.get(), values, p);
        }
        Set<String> known = new TreeSet<>(FUNCTIONS);
        if (BugsDistributions.known(name)) {
            throw error(call.namePosition(), "'" + name + "' is a distribution; it goes after '~', as in y ~ " + name + "(...)");
        }
        throw error(call.namePosition(), "unknown function '" + name + "'" + Suggestions.didYouMean(name, known));
    }

    /** The values of each instance one after another: max(a, b[], c) over all of them. */
    private Value concatenate(List<Value> values, Position position) {
        int count = 1;
        int width = 0;
        for (Value v : values) {
            count = Math.max(count, v.count());
            width += v.width();
        }
        List<Value> expanded = new ArrayList<>();
        for (Value v : values) {
            expanded.add(expand(v, count, v.width(), v.dimensions()));
        }
        int[] sources = new int[count * width];
        int[] positions = new int[count * width];
        for (int c = 0; c < count; c++) {
            int m = 0;
            for (int a = 0; a < expanded.size(); a++) {
                int w = expanded.get(a).width();
                for (int j = 0; j < w; j++) {
                    sources[c * width + m] = a;
                    positions[c * width + m] = c * w + j;
                    m++;
                }
            }
        }
        int[] shape = count * width == 1 ? new int[0] : new int[] {count * width};
        return applied(Functions.gather(sources, positions, shape), expanded, new int[] {width}, count, position);
    }

    private void arity(Ast.FunctionCall call, int n) {
        if (call.arguments().size() != n) {
            throw error(call.position(), call.name() + " takes " + n + " argument" + (n == 1 ? "" : "s") + ", got "
                    + call.arguments().size());
        }
    }

    /** The per-instance dimensions of an expression without building anything for it. */
    private int[] shapeOf(Expression expression, Instances in) {
        if (expression instanceof Ast.VariableReference reference && !in.hasCounter(reference.name())) {
            boolean saved = constantOnly;
            try {
                constantOnly = true;
                return indices(reference, in).dimensions();
            } catch (CompileSignal signal) {
                if (signal.reason == CompileSignal.Reason.NOT_CONSTANT) {
                    return new int[0];
                }
                throw signal;
            } finally {
                constantOnly = saved;
            }
        }
        return evaluate(expression, in).dimensions();
    }

    static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
