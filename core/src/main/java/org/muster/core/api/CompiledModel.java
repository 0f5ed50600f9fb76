package org.muster.core.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.muster.core.internal.Program;

/**
 * A model compiled to a flat program: the log density over the unconstrained space (Jacobians
 * included), its gradient by reverse mode, and the maps between unconstrained coordinates and named
 * constrained values. Immutable and thread-safe; each thread or chain takes its own
 * {@link #newEvaluator()}.
 */
public final class CompiledModel {

    private final Model model;
    private final Program program;
    private final List<Node> outputNodes;
    private final List<String> outputNames;
    private final List<String> unconstrainedNames;

    CompiledModel(Model model, Program program) {
        this.model = model;
        this.program = program;
        List<Node> outputs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Node node : model.nodes()) {
            if (node.isNamed() && (node.kind() == NodeKind.PARAMETER || node.kind() == NodeKind.DETERMINISTIC)) {
                outputs.add(node);
                for (int i = 0; i < node.size(); i++) {
                    names.add(node.memberName(i));
                }
            }
        }
        this.outputNodes = List.copyOf(outputs);
        this.outputNames = List.copyOf(names);
        List<String> free = new ArrayList<>();
        for (Program.ParameterSlot slot : program.parameters()) {
            Node node = model.nodes().get(slot.nodeId());
            for (int i = 0; i < slot.freeSize(); i++) {
                free.add(slot.freeSize() == 1 && node.shape().isScalar() ? node.name() : node.name() + "[" + (i + 1) + "]");
            }
        }
        this.unconstrainedNames = List.copyOf(free);
    }

    public Model model() {
        return model;
    }

    /** Number of unconstrained coordinates. */
    public int dimension() {
        return program.dimension();
    }

    /** Names of the unconstrained coordinates (a simplex of K has K-1 of them). */
    public List<String> unconstrainedNames() {
        return unconstrainedNames;
    }

    /**
     * Names of the output variables, member by member ({@code mu}, {@code theta[1]}, ...): every named
     * parameter and named deterministic node, in creation order.
     */
    public List<String> outputNames() {
        return outputNames;
    }

    /**
     * Where a parameter's unconstrained coordinates sit in the vector the log density takes.
     *
     * @param parameter a parameter node of this model
     * @throws IllegalArgumentException if it is not one
     */
    public UnconstrainedBlock unconstrainedBlock(Node parameter) {
        for (Program.ParameterSlot slot : program.parameters()) {
            if (slot.nodeId() == parameter.id() && model.nodes().get(slot.nodeId()) == parameter) {
                return new UnconstrainedBlock(parameter, slot.freeOffset(), slot.freeSize(), slot.transform());
            }
        }
        throw new IllegalArgumentException("'" + parameter.name() + "' is not a parameter of the model");
    }

    /**
     * The compiled full conditional of some parameter nodes (see {@link MarkovBlanket}).
     *
     * @param parameters parameter nodes of this model, at least one
     * @throws IllegalArgumentException naming a node that is not a parameter of this model
     */
    public MarkovBlanket markovBlanket(List<Node> parameters) {
        if (parameters.isEmpty()) {
            throw new IllegalArgumentException("a Markov blanket needs at least one parameter");
        }
        int[] ids = new int[parameters.size()];
        for (int i = 0; i < ids.length; i++) {
            Node node = parameters.get(i);
            if (!model.parameters().contains(node)) {
                throw new IllegalArgumentException("'" + node.name() + "' is not a parameter of the model");
            }
            ids[i] = node.id();
        }
        return new MarkovBlanket(this, parameters, program.blanket(ids));
    }

    /** A new evaluator with its own buffers: one per thread. */
    public ModelEvaluator newEvaluator() {
        return new ModelEvaluator(this, program, outputNodes, outputNames.size());
    }

    /**
     * A new evaluator whose log density (and gradient) leaves out the terms of some stochastic nodes: their
     * log densities and, for parameters, their transforms' log-Jacobians. Every node's value is still
     * computed. Collapsed inference adds a unit layer's marginal likelihood in their place.
     *
     * @param leftOut stochastic nodes of this model
     * @throws IllegalArgumentException if one is not a stochastic node of the model
     */
    public ModelEvaluator newEvaluator(java.util.Collection<Node> leftOut) {
        Set<String> names = new HashSet<>();
        for (Node node : leftOut) {
            if (!node.isStochastic() || model.nodes().get(node.id()) != node) {
                throw new IllegalArgumentException("'" + node.name() + "' is not a stochastic node of the model");
            }
            names.add(node.name());
        }
        return new ModelEvaluator(this, program, outputNodes, outputNames.size(), program.leftOut(names));
    }

    /** The named constrained values at {@code x}, parameters and named deterministic nodes (allocates). */
    public Map<String, double[]> constrain(double[] x) {
        ModelEvaluator evaluator = newEvaluator();
        double[] flat = new double[outputNames.size()];
        evaluator.outputs(x, flat);
        Map<String, double[]> out = new LinkedHashMap<>();
        int k = 0;
        for (Node node : outputNodes) {
            double[] v = new double[node.size()];
            System.arraycopy(flat, k, v, 0, v.length);
            k += v.length;
            out.put(node.name(), v);
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * The unconstrained point for constrained parameter values (for user-supplied initial values).
     *
     * @param values by parameter name; every parameter must be present with its full size
     * @throws IllegalArgumentException naming the parameter that is missing, has the wrong size or is
     *     outside its support
     */
    public double[] unconstrain(Map<String, double[]> values) {
        double[] x = new double[dimension()];
        for (Program.ParameterSlot slot : program.parameters()) {
            Node node = model.nodes().get(slot.nodeId());
            if (!values.containsKey(node.name())) {
                throw new IllegalArgumentException("no value for parameter '" + node.name() + "'");
            }
        }
        write(values, x);
        return x;
    }

    /**
     * Writes the unconstrained coordinates of the parameters present in {@code values} into {@code x},
     * leaving the other coordinates as they are (partial initial values, as Stan allows).
     *
     * @param values by parameter name; each present parameter must have its full size
     * @param x modified, length {@link #dimension()}
     * @throws IllegalArgumentException naming a value that is not a parameter of the model (a derived
     *     quantity or an unknown name), or a parameter whose value has the wrong size or is outside its support
     */
    public void unconstrainInto(Map<String, double[]> values, double[] x) {
        Set<String> parameterNames = new HashSet<>();
        for (Program.ParameterSlot slot : program.parameters()) {
            parameterNames.add(model.nodes().get(slot.nodeId()).name());
        }
        for (String name : new TreeSet<>(values.keySet())) {
            if (!parameterNames.contains(name)) {
                throw new IllegalArgumentException("'" + name + "' is not a parameter of the model"
                        + (outputNodes.stream().anyMatch(n -> n.name().equals(name)) ? " but a derived quantity" : "")
                        + "; parameters: " + new TreeSet<>(parameterNames));
            }
        }
        write(values, x);
    }

    private void write(Map<String, double[]> values, double[] x) {
        for (Program.ParameterSlot slot : program.parameters()) {
            Node node = model.nodes().get(slot.nodeId());
            double[] v = values.get(node.name());
            if (v == null) {
                continue;
            }
            if (v.length != node.size()) {
                throw new IllegalArgumentException("parameter '" + node.name() + "' has " + node.size()
                        + " members but the value has " + v.length);
            }
            try {
                slot.transform().unconstrain(v, 0, x, slot.freeOffset(), node.size());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("parameter '" + node.name() + "': " + e.getMessage(), e);
            }
        }
    }
}
