package org.muster.core.api;

import java.util.List;
import org.muster.core.internal.BlanketProgram;

/**
 * The compiled terms of the full conditional of some parameter nodes: their own densities (with their
 * transforms' log-Jacobians) and those of the stochastic nodes that depend on them through deterministic
 * nodes, with the deterministic nodes in between. The log density is these terms plus terms that do not
 * involve the nodes, so a Gibbs update of the nodes needs only these, at a cost that grows with the
 * blanket rather than with the model. Evaluate one with {@link ModelEvaluator#blanketLogDensity}, or, when
 * {@link #memberwise()}, member by member with {@link ModelEvaluator#memberLogDensity}. Immutable and
 * shared between evaluators of its compiled model; get one from {@link CompiledModel#markovBlanket}.
 */
public final class MarkovBlanket {

    private final CompiledModel compiled;
    private final List<Node> parameters;
    private final BlanketProgram program;

    MarkovBlanket(CompiledModel compiled, List<Node> parameters, BlanketProgram program) {
        this.compiled = compiled;
        this.parameters = List.copyOf(parameters);
        this.program = program;
    }

    /** The compiled model this blanket belongs to. */
    public CompiledModel compiledModel() {
        return compiled;
    }

    /** The parameter nodes whose full conditional this is. */
    public List<Node> parameters() {
        return parameters;
    }

    /**
     * Whether the terms of one member of the (single) parameter can be evaluated on their own: the
     * node's transform is elementwise, its density scores each member alone, and each member reaches
     * the densities downstream through elementwise operations, gathers and selections by label (so one
     * member's terms are a few members of each node).
     */
    public boolean memberwise() {
        return program.memberwise();
    }

    /** Why the blanket is not {@link #memberwise()} (for messages), or {@code null} when it is. */
    public String memberwiseReason() {
        return program.memberwiseReason();
    }

    /** The model work of one evaluation of the whole blanket, in the units of {@link ModelEvaluator#work()}. */
    public long work() {
        return program.work();
    }

    BlanketProgram program() {
        return program;
    }
}
