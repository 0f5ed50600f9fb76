package org.muster.lang.internal.compiler;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.muster.core.api.CompiledModel;
import org.muster.core.api.Model;
import org.muster.core.api.Node;
import org.muster.core.api.UnconstrainedBlock;
import org.muster.core.api.distributions.Support;
import org.muster.lang.internal.data.DataArray;
import org.muster.lang.internal.data.DataTable;
import org.muster.lang.internal.text.Position;
import org.muster.lang.internal.text.SourceText;
import org.muster.lang.internal.text.Suggestions;

/**
 * A BUGS model compiled to the core graph, with what the graph alone does not know: which graph node
 * holds which BUGS element, the default monitors, and how to turn initial-values files into values of
 * the graph's parameters.
 */
public final class CompiledBugs {

    /**
     * One node of the graph and the BUGS elements it holds.
     *
     * @param elements the variable's elements (column-major flat indices) in the node's member order
     * @param distribution the BUGS distribution of a stochastic node, else null
     */
    record Unit(Node node, String variable, int[] elements, Kind kind, String distribution, Position position) {
        enum Kind { PARAMETER, OBSERVED, DETERMINISTIC }
    }

    private final Model model;
    private final SourceText source;
    private final Map<String, Variable> variables;
    private final List<Node> nodes;
    private final List<Unit> units;
    private final List<Relation> relations;
    private final List<String> notes;

    CompiledBugs(Model model, SourceText source, Map<String, Variable> variables, List<Node> nodes, List<Unit> units,
            List<Relation> relations, List<String> notes) {
        this.model = model;
        this.source = source;
        this.variables = variables;
        this.nodes = List.copyOf(nodes);
        this.units = List.copyOf(units);
        this.relations = relations;
        this.notes = List.copyOf(notes);
    }

    public Model model() {
        return model;
    }

    /** Remarks for the user (data the model does not use). */
    public List<String> notes() {
        return notes;
    }

    /** Whether some unobserved node is discrete (then Gibbs is the default method). */
    public boolean hasDiscreteParameters() {
        return !model.discreteParameters().isEmpty();
    }

    /**
     * The variables monitored by default: every one with an unobserved stochastic element or a
     * deterministic one that the data do not fix, in the order the model defines them.
     */
    public List<String> defaultMonitors() {
        Set<String> names = new LinkedHashSet<>();
        for (Relation r : relations) {
            if (r.dataBlock || r.target == null || r.isCensoring()) {
                continue;
            }
            for (int e : r.elements) {
                Variable.Kind k = r.target.kind[e];
                // A deterministic node fixed by the data has no posterior to summarize.
                if (k == Variable.Kind.PARAMETER || k == Variable.Kind.DETERMINISTIC && !r.target.isKnown(e)) {
                    names.add(r.target.name);
                    break;
                }
            }
        }
        return List.copyOf(names);
    }

    /**
     * The output columns of monitored variables or elements ({@code theta}, {@code Y[2,5]}), each variable's
     * elements in column-major order as JAGS lists them.
     *
     * @throws IllegalArgumentException naming a monitor that is not a node (with the closest name), or one with
     *     nothing to monitor (data, observed)
     */
    public List<String> monitorColumns(List<String> monitors) {
        List<String> columns = new ArrayList<>();
        for (String monitor : monitors) {
            String name = monitor.strip();
            int bracket = name.indexOf('[');
            String base = bracket < 0 ? name : name.substring(0, bracket);
            Variable v = variables.get(base);
            if (v == null) {
                throw new IllegalArgumentException("--monitor " + name + ": the model has no node '" + base + "'"
                        + Suggestions.didYouMean(base, variables.keySet()) + "; nodes: " + defaultMonitors());
            }
            boolean any = false;
            for (int e = 0; e < v.size; e++) {
                if ((v.kind[e] == Variable.Kind.PARAMETER || v.kind[e] == Variable.Kind.DETERMINISTIC) && v.node[e] >= 0
                        && (bracket < 0 || v.elementName(e).equals(name.replace(" ", "")))) {
                    columns.add(v.elementName(e));
                    any = true;
                }
            }
            if (!any) {
                throw new IllegalArgumentException("--monitor " + name + ": " + (bracket < 0 ? "'" + base + "' is"
                        : name + " is not an element of '" + base + "' that is") + " neither an unobserved stochastic"
                        + " node nor a deterministic one; nothing to monitor");
            }
        }
        return columns;
    }

    /**
     * The graph's initial values for one chain from an initial-values file: values of the parameter
     * nodes by node name; a node some of whose elements the file leaves out (or gives as NA) gets, for
     * those, a draw of uniform(-2, 2) on its unconstrained scale, as chains start without initial values.
     *
     * @param notes modified: receives remarks such as ".RNG.seed ignored"
     * @throws org.muster.lang.spi.ModelFileException for a value of a node the model does not have, of an
     *     observed or deterministic node, with the wrong dimensions, or outside its support
     */
    public Map<String, double[]> initialValues(DataTable inits, long seed, List<String> notes) {
        Map<Integer, double[]> byNode = new LinkedHashMap<>();
        Map<Integer, boolean[]> given = new LinkedHashMap<>();
        Map<Integer, DataArray> firstSource = new LinkedHashMap<>();
        for (DataArray array : inits.variables().values()) {
            if (array.name().startsWith(".RNG.")) {
                notes.add(array.name() + " in " + array.source().name() + " ignored: Muster's chains draw from streams"
                        + " split from --seed");
                continue;
            }
            if (array.isText()) {
                throw array.source().error(array.position(), "'" + array.name() + "' is a string; initial values are numbers");
            }
            Variable v = variables.get(array.name());
            if (v == null) {
                throw array.source().error(array.position(), "an initial value for '" + array.name() + "', which is not a"
                        + " node of the model" + Suggestions.didYouMean(array.name(), variables.keySet()));
            }
            boolean sameShape = Arrays.equals(v.dimensions, array.dimensions())
                    || (v.rank() <= 1 && array.dimensions().length <= 1 && v.size == array.size());
            if (!sameShape) {
                throw array.source().error(array.position(), "the initial value of '" + array.name() + "' is "
                        + array.describeDimensions() + " but the node is " + v.describeDimensions());
            }
            for (int e = 0; e < v.size; e++) {
                double x = array.value(e);
                if (Double.isNaN(x)) {
                    continue;
                }
                switch (v.kind[e]) {
                    case PARAMETER -> {
                        int n = v.node[e];
                        byNode.computeIfAbsent(n, k -> new double[nodes.get(k).size()])[v.member[e]] = x;
                        given.computeIfAbsent(n, k -> new boolean[nodes.get(k).size()])[v.member[e]] = true;
                        firstSource.putIfAbsent(n, array);
                    }
                    case OBSERVED, DATA -> throw array.source().error(array.position(), "an initial value for "
                            + v.elementName(e) + ", which is observed (it is in the data); give NA there");
                    case DETERMINISTIC -> throw array.source().error(array.position(), "an initial value for "
                            + v.elementName(e) + ", which is a deterministic node ('<-'); only stochastic nodes start"
                            + " from initial values");
                    default -> throw array.source().error(array.position(), "an initial value for " + v.elementName(e)
                            + ", which no relation defines");
                }
            }
        }
        CompiledModel compiled = model.compile();
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, double[]> out = new LinkedHashMap<>();
        for (Map.Entry<Integer, double[]> entry : byNode.entrySet()) {
            Node node = nodes.get(entry.getKey());
            double[] values = entry.getValue();
            boolean[] set = given.get(entry.getKey());
            UnconstrainedBlock block = compiled.unconstrainedBlock(node);
            fillMissing(node, block, values, set, random);
            try {
                double[] x = new double[block.size()];
                block.transform().unconstrain(values, 0, x, 0, values.length);
            } catch (IllegalArgumentException e) {
                DataArray array = firstSource.get(entry.getKey());
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("^entry (\\d+) ").matcher(e.getMessage());
                String problem = m.find() ? elementName(node, Integer.parseInt(m.group(1))) + " "
                        + e.getMessage().substring(m.end()) : e.getMessage();
                throw array.source().error(array.position(), "the initial value " + problem + ", outside the support of"
                        + " its distribution");
            }
            out.put(node.name(), values);
        }
        return out;
    }

    /** Members the file leaves out: uniform(-2, 2) on the unconstrained scale, or a valid whole number. */
    private static void fillMissing(Node node, UnconstrainedBlock block, double[] values, boolean[] set,
            SplittableRandom random) {
        boolean complete = true;
        for (boolean b : set) {
            complete &= b;
        }
        if (complete) {
            return;
        }
        Support support = node.distribution().orElseThrow().support();
        if (support.isDiscrete()) {
            for (int i = 0; i < values.length; i++) {
                if (!set[i]) {
                    values[i] = switch (support) {
                        case CATEGORY -> 1 + random.nextInt(node.inputs().get(0).size());
                        case BINARY -> random.nextInt(2);
                        default -> 0;
                    };
                }
            }
            return;
        }
        double[] x = new double[block.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextDouble(-2, 2);
        }
        double[] drawn = new double[values.length];
        block.transform().constrain(x, 0, drawn, 0, values.length);
        for (int i = 0; i < values.length; i++) {
            if (!set[i]) {
                values[i] = drawn[i];
            }
        }
    }

    /** One line per graph node: the BUGS elements it holds, what it is, and its size. */
    public List<String> describeGraph() {
        List<String> lines = new ArrayList<>();
        for (Unit unit : units) {
            String what = switch (unit.kind()) {
                case PARAMETER -> "~ " + unit.distribution() + ", unobserved";
                case OBSERVED -> "~ " + unit.distribution() + ", observed";
                case DETERMINISTIC -> "<- deterministic";
            };
            lines.add(elements(unit) + " " + what + " (line " + unit.position().line() + "; graph node '"
                    + unit.node().name() + "', " + unit.elements().length + " member" + (unit.elements().length == 1 ? "" : "s")
                    + ")");
        }
        return lines;
    }

    /** The BUGS elements each graph node holds, by the node's name: for rewriting a method's explanation. */
    public Map<String, String> elementsByNodeName() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Unit unit : units) {
            out.put(unit.node().name(), elements(unit));
        }
        return out;
    }

    /** The BUGS name of member {@code member} of a graph node. */
    private String elementName(Node node, int member) {
        for (Unit unit : units) {
            if (unit.node() == node) {
                return variables.get(unit.variable()).elementName(unit.elements()[member]);
            }
        }
        return node.memberName(member);
    }

    private String describe(Node node) {
        for (Unit unit : units) {
            if (unit.node() == node) {
                return elements(unit);
            }
        }
        return node.name();
    }

    /** {@code theta[1:8]}, {@code Y[1:30,2]}, or the first and last element and how many. */
    private String elements(Unit unit) {
        Variable v = variables.get(unit.variable());
        int[] elements = unit.elements();
        if (v.rank() == 0) {
            return v.name;
        }
        int rank = v.rank();
        int[] min = new int[rank];
        int[] max = new int[rank];
        Arrays.fill(min, Integer.MAX_VALUE);
        for (int e : elements) {
            int rest = e;
            for (int d = 0; d < rank; d++) {
                int i = rest % v.dimensions[d] + 1;
                rest /= v.dimensions[d];
                min[d] = Math.min(min[d], i);
                max[d] = Math.max(max[d], i);
            }
        }
        long box = 1;
        for (int d = 0; d < rank; d++) {
            box *= max[d] - min[d] + 1;
        }
        if (box == elements.length) {
            StringBuilder s = new StringBuilder(v.name).append('[');
            for (int d = 0; d < rank; d++) {
                s.append(d == 0 ? "" : ",").append(min[d]);
                if (max[d] > min[d]) {
                    s.append(':').append(max[d]);
                }
            }
            return s.append(']').toString();
        }
        return v.elementName(elements[0]) + ".." + v.elementName(elements[elements.length - 1]) + " (" + elements.length
                + " of " + v.size + ")";
    }

    SourceText source() {
        return source;
    }

    /** Where the relation of the graph node with this name is, if there is such a node. */
    public java.util.Optional<Position> positionOf(String nodeName) {
        return units.stream().filter(u -> u.node().name().equals(nodeName)).map(Unit::position).findFirst();
    }
}
