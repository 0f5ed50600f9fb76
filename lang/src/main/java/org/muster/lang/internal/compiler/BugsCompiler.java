package org.muster.lang.internal.compiler;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.muster.core.api.Distribution;
import org.muster.core.api.Model;
import org.muster.core.api.ModelBuilder;
import org.muster.core.api.Node;
import org.muster.core.api.Shape;
import org.muster.core.api.distributions.DistributionKernel;
import org.muster.core.api.distributions.Pareto;
import org.muster.core.api.distributions.Restricted;
import org.muster.core.api.distributions.Truncated;
import org.muster.core.api.distributions.Uniform;
import org.muster.core.api.distributions.UnivariateDistribution;
import org.muster.lang.internal.bugs.Ast;
import org.muster.lang.internal.data.DataArray;
import org.muster.lang.internal.data.DataTable;
import org.muster.lang.internal.text.Position;
import org.muster.lang.internal.text.SourceText;
import org.muster.lang.internal.text.Suggestions;

/**
 * Compiles a parsed BUGS model with its data to the core graph. The data block is evaluated once;
 * each relation of the model block is unrolled over its loops; relations are ordered by what they
 * read; and each relation becomes as few nodes as possible: one plate for all its instances (one for
 * the observed and one for the unobserved ones of a stochastic relation), unless its instances read
 * each other (an autoregression) or differ in shape, in which case each instance is a node of its own.
 */
public final class BugsCompiler {

    private final Ast.Program program;
    private final DataTable data;
    private final SourceText source;
    private final ModelBuilder builder = Model.builder();
    private final Map<String, Variable> variables = new LinkedHashMap<>();
    private final List<Node> nodes = new ArrayList<>();
    private final List<Relation> relations = new ArrayList<>();
    private final Evaluator evaluator;
    private final List<String> notes = new ArrayList<>();
    private final List<CompiledBugs.Unit> units = new ArrayList<>();
    /** Censoring bounds per element of variables whose elements a dinterval restricts, (lower, upper). */
    private final Map<Variable, double[][]> censoring = new HashMap<>();
    private final Map<String, Integer> nodeNames = new HashMap<>();

    private BugsCompiler(Ast.Program program, DataTable data) {
        this.program = program;
        this.data = data;
        this.source = program.source();
        this.evaluator = new Evaluator(builder, variables, nodes, source);
    }

    /**
     * Compiles a model with its data.
     *
     * @throws org.muster.lang.spi.ModelFileException at the first mistake, with its place in the model
     *     (or data) file
     */
    public static CompiledBugs compile(Ast.Program program, DataTable data) {
        return new BugsCompiler(program, data).run();
    }

    private CompiledBugs run() {
        for (DataArray array : data.variables().values()) {
            if (array.isText()) {
                throw array.source().error(array.position(), "'" + array.name() + "' is a string; data must be numbers");
            }
            variables.put(array.name(), new Variable(array.name(), array.dimensions(), array));
        }
        collect(program.data(), new ArrayList<>(), true);
        int firstModelRelation = relations.size();
        collect(program.model(), new ArrayList<>(), false);
        List<Relation> dataRelations = relations.subList(0, firstModelRelation);
        List<Relation> modelRelations = relations.subList(firstModelRelation, relations.size());
        declare(program.declarations());
        unroll(dataRelations);
        evaluateDataBlock(dataRelations);
        unroll(modelRelations);
        List<Relation> live = modelRelations.stream().filter(r -> r.instances.count() > 0).toList();
        for (Relation r : live) {
            register(r);
        }
        for (Relation r : live) {
            if (r.isCensoring()) {
                censor(r);
            }
        }
        List<List<Relation>> order = order(live.stream().filter(r -> !r.isCensoring()).toList());
        for (List<Relation> component : order) {
            if (component.size() == 1 && !component.get(0).selfReferent) {
                buildPlate(component.get(0));
            } else {
                buildInstanceByInstance(component);
            }
        }
        for (DataArray array : data.variables().values()) {
            Variable v = variables.get(array.name());
            boolean used = relations.stream().anyMatch(r -> r.target == v) || evaluator.wasRead(array.name());
            if (!used) {
                notes.add("the data give '" + array.name() + "', which the model does not use");
            }
        }
        Model model = builder.build();
        return new CompiledBugs(model, source, variables, nodes, units, relations, notes);
    }

    // ---- relations ----

    private void collect(List<Ast.Statement> statements, List<Ast.ForLoop> loops, boolean dataBlock) {
        for (Ast.Statement statement : statements) {
            if (statement instanceof Ast.ForLoop loop) {
                for (Ast.ForLoop outer : loops) {
                    if (outer.counter().equals(loop.counter())) {
                        throw source.error(loop.counterPosition(), "the loop counter '" + loop.counter()
                                + "' is already the counter of an enclosing loop");
                    }
                }
                loops.add(loop);
                collect(loop.body(), loops, dataBlock);
                loops.remove(loops.size() - 1);
            } else {
                if (dataBlock && statement instanceof Ast.StochasticRelation s) {
                    throw source.error(s.target().position(), "the data block computes data with '<-';"
                            + " a stochastic relation ('~') there is not supported");
                }
                relations.add(new Relation(relations.size(), statement, loops, dataBlock));
            }
        }
    }

    private void declare(List<Ast.Declaration> declarations) {
        for (Ast.Declaration d : declarations) {
            int[] dims = new int[d.dimensions().size()];
            for (int i = 0; i < dims.length; i++) {
                dims[i] = evaluator.integers(d.dimensions().get(i), Instances.single(), "a declared dimension")[0];
                if (dims[i] < 1) {
                    throw source.error(d.dimensions().get(i).position(), "a dimension must be at least 1, got " + dims[i]);
                }
            }
            Variable existing = variables.get(d.name());
            if (existing != null && !Arrays.equals(existing.dimensions, dims)) {
                throw source.error(d.position(), "'" + d.name() + "' is declared with dimensions " + Arrays.toString(dims)
                        + " but the data give it " + existing.describeDimensions());
            }
            if (existing == null) {
                Variable v = new Variable(d.name(), dims, null);
                v.firstPosition = d.position();
                variables.put(d.name(), v);
            }
        }
    }

    /** Works out each relation's instances and the dimensions of the variables they define. */
    private void unroll(List<Relation> group) {
        Map<String, int[]> extents = new LinkedHashMap<>();
        Map<String, Position> firstUse = new HashMap<>();
        for (Relation r : group) {
            Instances in = Instances.single();
            for (Ast.ForLoop loop : r.loops) {
                int[] from = evaluator.integers(loop.from(), in, "a loop's start");
                int[] to = evaluator.integers(loop.to(), in, "a loop's end");
                in = in.loop(loop.counter(), from, to);
            }
            r.instances = in;
            if (in.count() == 0) {
                continue;
            }
            Ast.VariableReference target = r.targetReference();
            if (variables.containsKey(target.name())) {
                continue;
            }
            firstUse.putIfAbsent(target.name(), target.position());
            int rank = target.indexed() ? target.indices().size() : 0;
            int[] extent = extents.computeIfAbsent(target.name(), k -> new int[rank]);
            if (extent.length != rank) {
                throw source.error(target.position(), "'" + target.name() + "' is used with " + rank + " ind"
                        + (rank == 1 ? "ex" : "ices") + " here but with " + extent.length + " elsewhere on the left of a relation");
            }
            for (int d = 0; d < rank; d++) {
                Ast.Index index = target.indices().get(d);
                if (index.kind() == Ast.IndexKind.ALL) {
                    throw source.error(index.position(), "'" + target.name() + "' has no dimensions yet: an empty index"
                            + " on the left needs them from the data or a 'var' declaration");
                }
                int[] upper = evaluator.integers(index.kind() == Ast.IndexKind.RANGE ? index.upper() : index.lower(), in,
                        "an index on the left of a relation");
                for (int u : upper) {
                    extent[d] = Math.max(extent[d], u);
                }
            }
        }
        for (Map.Entry<String, int[]> e : extents.entrySet()) {
            Variable v = new Variable(e.getKey(), e.getValue(), null);
            v.firstPosition = firstUse.get(e.getKey());
            for (int d : e.getValue()) {
                if (d < 1) {
                    throw source.error(v.firstPosition, "'" + v.name + "' would have an empty dimension");
                }
            }
            variables.put(e.getKey(), v);
        }
        for (Relation r : group) {
            if (r.instances.count() == 0) {
                continue;
            }
            Ast.VariableReference target = r.targetReference();
            Evaluator.Reference reference;
            try {
                reference = evaluator.indices(target, r.instances);
            } catch (CompileSignal signal) {
                if (signal.reason == CompileSignal.Reason.NOT_CONSTANT) {
                    throw source.error(target.position(), "the indices on the left of a relation must be fixed by the data");
                }
                throw source.error(target.position(), "the elements " + source.textAt(target.position())
                        + " defines differ in number from one loop iteration to the next");
            }
            r.target = reference.variable();
            r.width = Value.size(reference.dimensions());
            r.dimensions = reference.dimensions();
            int count = r.instances.count();
            if (reference.count() != count) {
                // The left side does not vary with the loop: every iteration defines the same elements.
                if (count > 1) {
                    throw source.error(target.position(), duplicateMessage(r.target, reference.flat()[0], r, r));
                }
            }
            r.elements = reference.flat();
            if (r.target.firstPosition == null) {
                r.target.firstPosition = target.position();
            }
        }
    }

    /** Marks each element a relation defines, and what it is; finds elements defined twice. */
    private void register(Relation r) {
        Variable v = r.target;
        boolean stochastic = r.isStochastic();
        for (int i = 0; i < r.elements.length; i++) {
            int e = r.elements[i];
            if (v.relation[e] >= 0) {
                throw source.error(r.targetReference().position(), duplicateMessage(v, e, relations.get(v.relation[e]), r));
            }
            v.relation[e] = r.id;
            if (r.isCensoring()) {
                if (v.kind[e] != Variable.Kind.DATA) {
                    throw source.error(r.targetReference().position(), v.elementName(e) + " must be given in the data:"
                            + " the value of a dinterval relation (which interval the censored value lies in) is observed");
                }
                v.kind[e] = Variable.Kind.OBSERVED;
            } else if (stochastic) {
                v.kind[e] = v.kind[e] == Variable.Kind.DATA ? Variable.Kind.OBSERVED : Variable.Kind.PARAMETER;
                if (v.kind[e] == Variable.Kind.PARAMETER) {
                    v.known[e] = Double.NaN;
                }
            } else {
                if (v.kind[e] == Variable.Kind.DATA) {
                    throw source.error(r.targetReference().position(), v.elementName(e) + " is given in the data but also"
                            + " defined by '<-'; a deterministic node cannot be observed (give it as data, or remove it)");
                }
                v.kind[e] = Variable.Kind.DETERMINISTIC;
                v.known[e] = Double.NaN;
            }
        }
    }

    private String duplicateMessage(Variable v, int e, Relation first, Relation second) {
        String where = first == second ? "in every iteration of its loop"
                : "already at line " + first.targetReference().position().line();
        return v.elementName(e) + " is defined twice: here and " + where + "; each node is defined once";
    }

    /** Evaluates the data block: each relation once its inputs are known, until all are. */
    private void evaluateDataBlock(List<Relation> group) {
        List<Relation> pending = new ArrayList<>(group.stream().filter(r -> r.instances.count() > 0).toList());
        for (Relation r : pending) {
            for (int e : r.elements) {
                if (r.target.relation[e] >= 0) {
                    throw source.error(r.targetReference().position(), duplicateMessage(r.target, e,
                            relations.get(r.target.relation[e]), r));
                }
                r.target.relation[e] = r.id;
                if (r.target.kind[e] == Variable.Kind.DATA) {
                    throw source.error(r.targetReference().position(), r.target.elementName(e)
                            + " is given in the data and also computed by the data block");
                }
            }
        }
        evaluator.setConstantOnly(true);
        try {
            while (!pending.isEmpty()) {
                boolean progress = false;
                for (var it = pending.iterator(); it.hasNext();) {
                    Relation r = it.next();
                    Ast.DeterministicRelation d = (Ast.DeterministicRelation) r.statement;
                    Value value;
                    try {
                        value = link(d, perInstance(d.value(), r.instances, r.width, d.value().position()));
                    } catch (CompileSignal signal) {
                        if (signal.reason == CompileSignal.Reason.VARYING_SHAPE) {
                            value = evaluateOneByOne(d, r);
                        } else {
                            continue;
                        }
                    }
                    double[] values = value.values();
                    for (int i = 0; i < r.elements.length; i++) {
                        int e = r.elements[i];
                        r.target.kind[e] = Variable.Kind.DATA;
                        r.target.known[e] = values[i];
                    }
                    it.remove();
                    progress = true;
                }
                if (!progress) {
                    Relation r = pending.get(0);
                    evaluator.setConstantOnly(false);
                    perInstance(((Ast.DeterministicRelation) r.statement).value(), r.instances, r.width,
                            r.statement.position());
                    throw source.error(r.targetReference().position(), "the data block's relations depend on each other"
                            + " in a cycle, starting with " + r.describe(evaluator));
                }
            }
        } finally {
            evaluator.setConstantOnly(false);
        }
        for (Relation r : group) {
            if (r.instances.count() > 0) {
                Arrays.fill(r.target.relation, -1);
            }
        }
    }

    private Value evaluateOneByOne(Ast.DeterministicRelation d, Relation r) {
        double[] values = new double[r.elements.length];
        for (int k = 0; k < r.instances.count(); k++) {
            Value v = link(d, perInstance(d.value(), r.instances.subset(new int[] {k}), r.width, d.value().position()));
            System.arraycopy(v.values(), 0, values, k * r.width, r.width);
        }
        return Value.constant(r.dimensions, r.instances.count(), values);
    }

    /** An expression evaluated for every instance, laid out count × width, checked against the relation's width. */
    private Value perInstance(Ast.Expression expression, Instances in, int width, Position position) {
        Value value = evaluator.evaluate(expression, in);
        if (value.width() != width) {
            throw source.error(expression.position(), "the right-hand side is " + value.describeShape() + " but the left-hand"
                    + " side has " + width + " element" + (width == 1 ? "" : "s"));
        }
        return evaluator.expand(value, in.count(), width, value.dimensions());
    }

    private Value link(Ast.DeterministicRelation d, Value value) {
        if (d.link() == null) {
            return value;
        }
        return switch (d.link()) {
            case "log" -> evaluator.unary(value, Math::exp, org.muster.core.api.Expressions::exp);
            case "logit" -> evaluator.unary(value, x -> 1 / (1 + Math.exp(-x)), org.muster.core.api.Expressions::invLogit);
            case "probit" -> evaluator.function(org.muster.core.api.functions.Functions.phi(), List.of(value), d.linkPosition());
            case "cloglog" -> evaluator.function(org.muster.core.api.functions.Functions.elementwise("icloglog").orElseThrow(),
                    List.of(value), d.linkPosition());
            default -> throw new IllegalStateException("unknown link " + d.link());
        };
    }

    // ---- censoring ----

    /**
     * {@code c[i] ~ dinterval(t[i], cut[])}: checks an observed t against its interval, and restricts
     * an unobserved one to it.
     */
    private void censor(Relation r) {
        Ast.StochasticRelation s = (Ast.StochasticRelation) r.statement;
        List<Ast.Expression> args = s.distribution().arguments();
        if (args.size() != 2) {
            throw source.error(s.distribution().position(), "dinterval takes 2 arguments (t, c), got " + args.size());
        }
        if (!(args.get(0) instanceof Ast.VariableReference t)) {
            throw source.error(args.get(0).position(), "dinterval's first argument must be one element of a variable,"
                    + " such as t[i]");
        }
        Evaluator.Reference reference;
        Value cuts;
        try {
            reference = evaluator.indices(t, r.instances);
            evaluator.setConstantOnly(true);
            cuts = evaluator.evaluate(args.get(1), r.instances);
        } catch (CompileSignal signal) {
            throw source.error(args.get(1).position(), "dinterval's cut points must be fixed by the data");
        } finally {
            evaluator.setConstantOnly(false);
        }
        if (Value.size(reference.dimensions()) != 1) {
            throw source.error(t.position(), "dinterval's first argument must be one element, got " + t.name() + " with "
                    + Value.size(reference.dimensions()) + " elements");
        }
        Variable tv = reference.variable();
        int k = cuts.width();
        double[][] bounds = censoring.computeIfAbsent(tv, key -> {
            double[][] b = new double[2][key.size];
            Arrays.fill(b[0], Double.NEGATIVE_INFINITY);
            Arrays.fill(b[1], Double.POSITIVE_INFINITY);
            return b;
        });
        for (int c = 0; c < r.instances.count(); c++) {
            int e = reference.flat()[reference.count() == 1 ? 0 : c];
            double observed = r.target.known[r.elements[c]];
            if (observed != Math.rint(observed) || observed < 0 || observed > k) {
                throw source.error(r.targetReference().position(), r.target.elementName(r.elements[c]) + " = "
                        + Evaluator.format(observed) + " is outside the support of dinterval: 0.." + k + " (the number of"
                        + " the interval among the " + k + " cut points)");
            }
            int interval = (int) observed;
            double[] cut = new double[k];
            for (int j = 0; j < k; j++) {
                cut[j] = cuts.values()[(cuts.count() == 1 ? 0 : c) * k + j];
            }
            double lower = interval == 0 ? Double.NEGATIVE_INFINITY : cut[interval - 1];
            double upper = interval == k ? Double.POSITIVE_INFINITY : cut[interval];
            if (tv.isKnown(e)) {
                double x = tv.known[e];
                if (!(x > lower && x <= upper)) {
                    throw source.error(r.targetReference().position(), r.target.elementName(r.elements[c]) + " = "
                            + interval + " says " + tv.elementName(e) + " lies in (" + Evaluator.format(lower) + ", "
                            + Evaluator.format(upper) + "], but the data give " + tv.elementName(e) + " = "
                            + Evaluator.format(x));
                }
                continue;
            }
            if (tv.kind[e] != Variable.Kind.PARAMETER) {
                throw source.error(t.position(), "dinterval censors a stochastic node, but " + tv.elementName(e) + " is "
                        + (tv.kind[e] == Variable.Kind.DETERMINISTIC ? "deterministic" : "not defined by any relation"));
            }
            bounds[0][e] = Math.max(bounds[0][e], lower);
            bounds[1][e] = Math.min(bounds[1][e], upper);
        }
    }

    // ---- ordering ----

    /** Which relations each relation reads (by element), and for self-reading relations that flag. */
    private List<List<Relation>> order(List<Relation> live) {
        Map<Integer, Integer> indexOf = new HashMap<>();
        for (int i = 0; i < live.size(); i++) {
            indexOf.put(live.get(i).id, i);
        }
        List<BitSet> reads = new ArrayList<>();
        for (Relation r : live) {
            BitSet read = new BitSet();
            for (Ast.VariableReference reference : references(r)) {
                Variable v = variables.get(reference.name());
                for (int e : elementsRead(reference, r.instances)) {
                    // An observed value is read as a number: it does not wait for its relation's node.
                    int defining = v.isKnown(e) ? -1 : v.relation[e];
                    if (defining >= 0 && indexOf.containsKey(defining)) {
                        read.set(indexOf.get(defining));
                    }
                }
            }
            if (read.get(indexOf.get(r.id))) {
                r.selfReferent = true;
            }
            reads.add(read);
        }
        return new StronglyConnected(live, reads).components();
    }

    /** Every variable reference in a relation's right-hand side (arguments, bounds, nested indices), loop counters excluded. */
    private List<Ast.VariableReference> references(Relation r) {
        List<Ast.VariableReference> out = new ArrayList<>();
        if (r.statement instanceof Ast.DeterministicRelation d) {
            collectReferences(d.value(), r.instances, out);
        } else if (r.statement instanceof Ast.StochasticRelation s) {
            for (Ast.Expression e : s.distribution().arguments()) {
                collectReferences(e, r.instances, out);
            }
            if (s.lower() != null) {
                collectReferences(s.lower(), r.instances, out);
            }
            if (s.upper() != null) {
                collectReferences(s.upper(), r.instances, out);
            }
        }
        Ast.VariableReference target = r.targetReference();
        if (target.indexed()) {
            for (Ast.Index index : target.indices()) {
                if (index.lower() != null) {
                    collectReferences(index.lower(), r.instances, out);
                }
                if (index.upper() != null) {
                    collectReferences(index.upper(), r.instances, out);
                }
            }
        }
        return out;
    }

    private void collectReferences(Ast.Expression e, Instances in, List<Ast.VariableReference> out) {
        if (e instanceof Ast.VariableReference v) {
            if (!v.indexed() && in.hasCounter(v.name())) {
                return;
            }
            if (!variables.containsKey(v.name())) {
                throw source.error(v.namePosition(), "'" + v.name() + "' is neither defined in the model nor given in"
                        + " the data" + Suggestions.didYouMean(v.name(), variables.keySet()));
            }
            out.add(v);
            if (v.indexed()) {
                for (Ast.Index index : v.indices()) {
                    if (index.lower() != null) {
                        collectReferences(index.lower(), in, out);
                    }
                    if (index.upper() != null) {
                        collectReferences(index.upper(), in, out);
                    }
                }
            }
        } else if (e instanceof Ast.FunctionCall f) {
            for (Ast.Expression a : f.arguments()) {
                collectReferences(a, in, out);
            }
        } else if (e instanceof Ast.BinaryOperation b) {
            collectReferences(b.left(), in, out);
            collectReferences(b.right(), in, out);
        } else if (e instanceof Ast.UnaryOperation u) {
            collectReferences(u.operand(), in, out);
        }
    }

    /** The elements a reference may read over these instances: exactly when its indices are data, else all. */
    private int[] elementsRead(Ast.VariableReference reference, Instances in) {
        try {
            return evaluator.indices(reference, in).flat();
        } catch (CompileSignal signal) {
            if (signal.reason == CompileSignal.Reason.VARYING_SHAPE) {
                List<Integer> all = new ArrayList<>();
                for (int k = 0; k < in.count(); k++) {
                    for (int e : elementsRead(reference, in.subset(new int[] {k}))) {
                        all.add(e);
                    }
                }
                return all.stream().mapToInt(Integer::intValue).toArray();
            }
            Variable v = variables.get(reference.name());
            int[] all = new int[v.size];
            for (int e = 0; e < all.length; e++) {
                all[e] = e;
            }
            return all;
        }
    }

    // ---- building ----

    /** A relation whose instances are independent of each other: one node per kind of member. */
    private void buildPlate(Relation r) {
        int count = r.instances.count();
        List<Integer> observed = new ArrayList<>();
        List<Integer> unobserved = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            Variable.Kind first = r.target.kind[r.elements[c * r.width]];
            for (int m = 1; m < r.width; m++) {
                if (r.target.kind[r.elements[c * r.width + m]] != first) {
                    throw source.error(r.targetReference().position(), "the multivariate node " + elementsOf(r, c)
                            + " is partly observed: give all of its elements in the data, or none (NA)");
                }
            }
            (first == Variable.Kind.OBSERVED ? observed : unobserved).add(c);
        }
        for (List<Integer> part : List.of(observed, unobserved)) {
            if (part.isEmpty()) {
                continue;
            }
            int[] members = sortByElement(r, part);
            try {
                build(r, members);
            } catch (CompileSignal signal) {
                if (signal.reason != CompileSignal.Reason.VARYING_SHAPE) {
                    throw signal;
                }
                for (int c : members) {
                    build(r, new int[] {c});
                }
            }
        }
    }

    /** Instances in the column-major order of the elements they define, as JAGS lists them. */
    private int[] sortByElement(Relation r, List<Integer> instances) {
        return instances.stream().sorted((a, b) -> Integer.compare(r.elements[a * r.width], r.elements[b * r.width]))
                .mapToInt(Integer::intValue).toArray();
    }

    private String elementsOf(Relation r, int c) {
        if (r.width == 1) {
            return r.target.elementName(r.elements[c]);
        }
        return r.target.elementName(r.elements[c * r.width]) + ".." + r.target.elementName(r.elements[c * r.width + r.width - 1]);
    }

    /** Relations that read each other: each instance on its own, in an order in which every node comes after what it reads. */
    private void buildInstanceByInstance(List<Relation> component) {
        Map<Long, Integer> position = new HashMap<>();
        List<int[]> instances = new ArrayList<>();
        for (Relation r : component) {
            for (int c = 0; c < r.instances.count(); c++) {
                position.put(key(r.id, c, 0), instances.size());
                instances.add(new int[] {r.id, c});
            }
        }
        Map<Variable, Map<Integer, int[]>> definedBy = new HashMap<>();
        for (Relation r : component) {
            Map<Integer, int[]> map = definedBy.computeIfAbsent(r.target, k -> new HashMap<>());
            for (int i = 0; i < r.elements.length; i++) {
                map.put(r.elements[i], new int[] {r.id, i / r.width});
            }
        }
        int n = instances.size();
        List<List<Integer>> after = new ArrayList<>();
        int[] waiting = new int[n];
        for (int i = 0; i < n; i++) {
            after.add(new ArrayList<>());
        }
        for (Relation r : component) {
            List<Ast.VariableReference> refs = references(r);
            for (int c = 0; c < r.instances.count(); c++) {
                int me = position.get(key(r.id, c, 0));
                java.util.Set<Integer> needs = new java.util.HashSet<>();
                Instances one = r.instances.subset(new int[] {c});
                for (Ast.VariableReference reference : refs) {
                    Variable v = variables.get(reference.name());
                    Map<Integer, int[]> map = definedBy.get(v);
                    if (map == null) {
                        continue;
                    }
                    for (int e : elementsRead(reference, one)) {
                        int[] d = v.isKnown(e) ? null : map.get(e);
                        if (d != null) {
                            needs.add(position.get(key(d[0], d[1], 0)));
                        }
                    }
                }
                for (int need : needs) {
                    if (need == me) {
                        throw source.error(r.targetReference().position(), "directed cycle: "
                                + elementsOf(r, c) + " depends on itself");
                    }
                    after.get(need).add(me);
                    waiting[me]++;
                }
            }
        }
        Deque<Integer> ready = new ArrayDeque<>();
        for (int i = 0; i < n; i++) {
            if (waiting[i] == 0) {
                ready.add(i);
            }
        }
        int built = 0;
        while (!ready.isEmpty()) {
            int i = ready.poll();
            Relation r = relations.get(instances.get(i)[0]);
            build(r, new int[] {instances.get(i)[1]});
            built++;
            for (int next : after.get(i)) {
                if (--waiting[next] == 0) {
                    ready.add(next);
                }
            }
        }
        if (built < n) {
            // Walk back along what waiting nodes need until one repeats: that loop is the cycle.
            List<List<Integer>> needs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                needs.add(new ArrayList<>());
            }
            for (int i = 0; i < n; i++) {
                for (int next : after.get(i)) {
                    needs.get(next).add(i);
                }
            }
            int start = 0;
            while (waiting[start] == 0) {
                start++;
            }
            List<Integer> path = new ArrayList<>();
            int current = start;
            while (!path.contains(current)) {
                path.add(current);
                for (int need : needs.get(current)) {
                    if (waiting[need] > 0) {
                        current = need;
                        break;
                    }
                }
            }
            List<Integer> cycle = new ArrayList<>(path.subList(path.indexOf(current), path.size()));
            java.util.Collections.reverse(cycle);
            StringBuilder chain = new StringBuilder();
            for (int i : cycle) {
                Relation r = relations.get(instances.get(i)[0]);
                chain.append(elementsOf(r, instances.get(i)[1])).append(" -> ");
            }
            Relation first = relations.get(instances.get(cycle.get(0))[0]);
            chain.append(elementsOf(first, instances.get(cycle.get(0))[1]));
            throw source.error(first.targetReference().position(), "directed cycle: " + chain + " (each depends on the"
                    + " one before it); a model is a directed acyclic graph");
        }
    }

    private static long key(int relation, int instance, int unused) {
        return ((long) relation << 32) | instance;
    }

    /** Builds the node of a relation's instances {@code members}, all observed or all not. */
    private void build(Relation r, int[] members) {
        Instances in = r.instances.subset(members);
        int count = members.length;
        int total = count * r.width;
        int[] elements = new int[total];
        List<String> names = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            for (int m = 0; m < r.width; m++) {
                elements[c * r.width + m] = r.elements[members[c] * r.width + m];
                names.add(r.target.elementName(elements[c * r.width + m]));
            }
        }
        String name = nodeName(r.target.name, false);
        Node node;
        CompiledBugs.Unit.Kind kind;
        String distributionName = null;
        if (r.statement instanceof Ast.DeterministicRelation d) {
            Value value = link(d, perInstance(d.value(), in, r.width, d.value().position()));
            if (value.isConstant()) {
                for (int i = 0; i < total; i++) {
                    r.target.known[elements[i]] = value.values()[i];
                }
            }
            Node expression = evaluator.toNode(value, d.value().position());
            node = builder.deterministic(name, expression, names);
            kind = CompiledBugs.Unit.Kind.DETERMINISTIC;
        } else {
            Ast.StochasticRelation s = (Ast.StochasticRelation) r.statement;
            boolean parameter = r.target.kind[elements[0]] == Variable.Kind.PARAMETER;
            Distribution distribution = distribution(r, s, in, count, parameter, elements);
            distributionName = s.distribution().name();
            try {
                if (parameter) {
                    Shape shape = total == 1 ? Shape.scalar() : Shape.vector(total);
                    node = builder.stochastic(name, shape, distribution, names);
                    kind = CompiledBugs.Unit.Kind.PARAMETER;
                } else {
                    double[] values = new double[total];
                    for (int i = 0; i < total; i++) {
                        values[i] = r.target.known[elements[i]];
                    }
                    checkSupport(r, s, distribution, values, elements);
                    node = total == 1 && !(distribution.kernel() instanceof org.muster.core.api.distributions.MultivariateDistribution)
                            ? builder.observed(name, distribution, values[0]) : builder.observed(name, distribution, values);
                    kind = CompiledBugs.Unit.Kind.OBSERVED;
                }
            } catch (IllegalArgumentException e) {
                if (e instanceof org.muster.lang.spi.ModelFileException) {
                    throw e;
                }
                throw source.error(r.targetReference().position(), s.distribution().name() + ": " + e.getMessage());
            }
        }
        nodeName(r.target.name, true);
        int index = nodes.size();
        nodes.add(node);
        for (int i = 0; i < total; i++) {
            r.target.node[elements[i]] = index;
            r.target.member[elements[i]] = i;
        }
        units.add(new CompiledBugs.Unit(node, r.target.name, elements.clone(), kind, distributionName,
                r.targetReference().position()));
    }

    /** The graph name of a variable's next node ({@code theta}, then {@code theta:2}, ...), counted when {@code taken}. */
    private String nodeName(String variable, boolean taken) {
        int n = nodeNames.getOrDefault(variable, 0) + 1;
        if (taken) {
            nodeNames.put(variable, n);
        }
        return n == 1 ? variable : variable + ":" + n;
    }

    /** The graph's distribution of a stochastic relation's instances, with truncation or censoring applied. */
    private Distribution distribution(Relation r, Ast.StochasticRelation s, Instances in, int count, boolean parameter,
            int[] elements) {
        String name = s.distribution().name();
        BugsDistributions.Spec spec = BugsDistributions.spec(name);
        if (spec == null) {
            throw source.error(s.distribution().namePosition(), "unknown distribution '" + name + "'"
                    + Suggestions.didYouMean(name, BugsDistributions.names()));
        }
        List<Ast.Expression> args = s.distribution().arguments();
        if (args.size() != spec.arguments().size()) {
            throw source.error(s.distribution().position(), name + " takes " + spec.arguments().size() + " argument"
                    + (spec.arguments().size() == 1 ? "" : "s") + " (" + spec.signature() + "), got " + args.size());
        }
        if (spec.multivariate() != (r.width > 1) && !name.equals("dcat")) {
            throw source.error(r.targetReference().position(), spec.multivariate()
                    ? name + " is multivariate: its node is a vector, e.g. x[i, 1:K] ~ " + spec.signature()
                    : name + " is univariate, but " + r.describe(evaluator) + " has " + r.width + " elements; loop over them");
        }
        if (name.equals("dcat") && r.width > 1) {
            throw source.error(r.targetReference().position(), "dcat gives one label: its node is a scalar");
        }
        List<Value> values = new ArrayList<>();
        List<Position> positions = new ArrayList<>();
        for (Ast.Expression e : args) {
            values.add(evaluator.evaluate(e, in));
            positions.add(e.position());
        }
        Distribution distribution = BugsDistributions.build(spec, values, positions, evaluator, count, r.width, parameter);
        DistributionKernel kernel = distribution.kernel();
        Object[] arguments = distribution.arguments().toArray();
        int total = count * r.width;
        if (s.bounds() != Ast.BoundKind.NONE) {
            if (!(kernel instanceof UnivariateDistribution u)) {
                throw source.error(s.boundsPosition(), "only a univariate distribution can be bounded with "
                        + (s.bounds() == Ast.BoundKind.TRUNCATION ? "T(,)" : "I(,)"));
            }
            double[] lower = bound(s.lower(), in, count, Double.NEGATIVE_INFINITY, s);
            double[] upper = bound(s.upper(), in, count, Double.POSITIVE_INFINITY, s);
            if (s.bounds() == Ast.BoundKind.TRUNCATION) {
                if (lower.length > 1 || upper.length > 1) {
                    if (count > 1) {
                        throw new CompileSignal(CompileSignal.Reason.VARYING_SHAPE);
                    }
                }
                try {
                    kernel = Truncated.of(u, lower[0], upper[0]);
                } catch (IllegalArgumentException e) {
                    throw source.error(s.boundsPosition(), e.getMessage());
                }
            } else if (parameter) {
                kernel = restricted(u, spread(lower, total), spread(upper, total), s);
            }
        }
        double[][] censored = censoring.get(r.target);
        if (censored != null && parameter) {
            double[] lower = new double[total];
            double[] upper = new double[total];
            boolean any = false;
            for (int i = 0; i < total; i++) {
                lower[i] = censored[0][elements[i]];
                upper[i] = censored[1][elements[i]];
                any |= lower[i] > Double.NEGATIVE_INFINITY || upper[i] < Double.POSITIVE_INFINITY;
            }
            if (any) {
                if (!(kernel instanceof UnivariateDistribution u) || kernel instanceof Truncated) {
                    throw source.error(r.targetReference().position(), "a node censored by dinterval must have a univariate"
                            + " distribution without T(,)");
                }
                kernel = restricted(u, lower, upper, s);
            }
        }
        if (parameter && kernel == Pareto.INSTANCE && arguments[0] instanceof Number minimum) {
            double[] lower = new double[total];
            Arrays.fill(lower, minimum.doubleValue());
            double[] upper = new double[total];
            Arrays.fill(upper, Double.POSITIVE_INFINITY);
            kernel = restricted(Pareto.INSTANCE, lower, upper, s);
        }
        if (parameter && kernel == Uniform.INSTANCE && !(arguments[0] instanceof Number && arguments[1] instanceof Number)) {
            Value lo = values.get(0);
            Value hi = values.get(1);
            if (lo.isConstant() && hi.isConstant()) {
                kernel = restricted(Uniform.INSTANCE, spread(lo.values(), total), spread(hi.values(), total), s);
            }
        }
        if (kernel instanceof Truncated t && arguments.length <= 3 && java.util.Arrays.stream(arguments)
                .allMatch(a -> a instanceof Number)) {
            double[] p = new double[3];
            for (int i = 0; i < arguments.length; i++) {
                p[i] = ((Number) arguments[i]).doubleValue();
            }
            kernel = FixedTruncation.of(t, p[0], p[1], p[2]);
        }
        return Distribution.of(kernel, arguments);
    }

    private UnivariateDistribution restricted(UnivariateDistribution base, double[] lower, double[] upper,
            Ast.StochasticRelation s) {
        try {
            return Restricted.of(base, lower, upper);
        } catch (IllegalArgumentException e) {
            throw source.error(s.target().position(), e.getMessage());
        }
    }

    /** The truncation a kernel stands for, or the kernel. */
    private static Object truncation(Object kernel) {
        return kernel instanceof FixedTruncation f ? f.truncated() : kernel;
    }

    private static double[] spread(double[] values, int total) {
        if (values.length == total) {
            return values;
        }
        double[] out = new double[total];
        Arrays.fill(out, values[0]);
        return out;
    }

    private double[] bound(Ast.Expression expression, Instances in, int count, double none, Ast.StochasticRelation s) {
        if (expression == null) {
            return new double[] {none};
        }
        Value value;
        evaluator.setConstantOnly(true);
        try {
            value = evaluator.evaluate(expression, in);
        } catch (CompileSignal signal) {
            if (signal.reason == CompileSignal.Reason.NOT_CONSTANT) {
                throw source.error(expression.position(), "the bounds of " + (s.bounds() == Ast.BoundKind.TRUNCATION
                        ? "T(,)" : "I(,)") + " must be fixed by the data; " + source.textAt(expression.position())
                        + " depends on unknown quantities");
            }
            throw signal;
        } finally {
            evaluator.setConstantOnly(false);
        }
        if (!value.isScalarPerInstance()) {
            throw source.error(expression.position(), "a bound must be a single number");
        }
        return value.values();
    }

    /** Observed values against the support of their distribution, with the member, its value and why it does not fit. */
    private void checkSupport(Relation r, Ast.StochasticRelation s, Distribution distribution, double[] values,
            int[] elements) {
        String name = s.distribution().name();
        BugsDistributions.Spec spec = BugsDistributions.spec(name);
        for (int i = 0; i < values.length; i++) {
            double x = values[i];
            String problem = null;
            if (spec.discrete() && x != Math.rint(x)) {
                problem = "is not a whole number";
            } else if (spec.discrete() && x < 0) {
                problem = "is negative";
            } else if (name.equals("dbern") && x != 0 && x != 1) {
                problem = "is neither 0 nor 1";
            } else if (name.equals("dcat") && x < 1) {
                problem = "is not a category 1, 2, ...";
            } else if ((name.equals("dgamma") || name.equals("dexp") || name.equals("dweib") || name.equals("dlnorm")
                    || name.equals("dchisqr") || name.equals("dpar")) && !(x > 0)) {
                problem = "is not positive";
            } else if (name.equals("dbeta") && !(x > 0 && x < 1)) {
                problem = "is not strictly between 0 and 1";
            }
            if (problem == null && truncation(distribution.kernel()) instanceof Truncated t
                    && !(x >= t.lower() && x <= t.upper())) {
                problem = "is outside the truncation bounds [" + Evaluator.format(t.lower()) + ", "
                        + Evaluator.format(t.upper()) + "]";
            }
            if (problem == null && distribution.kernel() instanceof UnivariateDistribution u) {
                double[] a = new double[3];
                for (int k = 0; k < distribution.arguments().size(); k++) {
                    Object arg = distribution.arguments().get(k);
                    a[k] = arg instanceof Number number ? number.doubleValue() : Double.NaN;
                    if (arg instanceof Node node && node.kind() == org.muster.core.api.NodeKind.DATA) {
                        double[] v = node.values().orElseThrow();
                        a[k] = v[v.length == 1 ? 0 : i];
                    }
                }
                boolean argumentsKnown = !Double.isNaN(a[0]) && (distribution.arguments().size() < 2 || !Double.isNaN(a[1]))
                        && (distribution.arguments().size() < 3 || !Double.isNaN(a[2]));
                if (argumentsKnown && u.logDensity(x, a[0], a[1], a[2]) == Double.NEGATIVE_INFINITY) {
                    problem = "is impossible under " + name + " with these arguments ("
                            + Arrays.stream(a, 0, distribution.arguments().size()).mapToObj(Evaluator::format)
                                    .reduce((p, q) -> p + ", " + q).orElse("") + ")";
                }
            }
            if (problem != null) {
                throw source.error(r.targetReference().position(), r.target.elementName(elements[i]) + " = "
                        + Evaluator.format(x) + " " + problem + ", outside the support of " + spec.signature());
            }
        }
    }
}
