package org.muster.core.api;

import java.util.List;
import org.muster.core.internal.BlanketProgram;
import org.muster.core.internal.Program;

/**
 * The log density of a compiled model at a point, with its gradient, using buffers owned by this
 * evaluator: nothing is allocated per evaluation. Not thread-safe; use one per thread.
 */
public final class ModelEvaluator implements LogDensity {

    private final CompiledModel compiled;
    private final Program program;
    private final double[] values;
    private final double[] adjoints;
    private final double[] scratch = new double[4];
    private final int[] outputOffsets;
    private final int[] outputSizes;
    private final int outputSize;
    private final double[] jacobianValues;
    private final double[] zeroAdjoints;
    /** Per op, whether its density term is left out; null for the full log density. */
    private final boolean[] leftOut;
    private long work;

    ModelEvaluator(CompiledModel compiled, Program program, List<Node> outputNodes, int outputSize) {
        this(compiled, program, outputNodes, outputSize, null);
    }

    ModelEvaluator(CompiledModel compiled, Program program, List<Node> outputNodes, int outputSize, boolean[] leftOut) {
        this.compiled = compiled;
        this.program = program;
        this.leftOut = leftOut;
        this.values = program.newValueBuffer();
        this.adjoints = new double[values.length];
        this.outputOffsets = outputNodes.stream().mapToInt(n -> program.nodeOffset(n.id())).toArray();
        this.outputSizes = outputNodes.stream().mapToInt(Node::size).toArray();
        this.outputSize = outputSize;
        int largest = program.parameters().stream().mapToInt(Program.ParameterSlot::size).max().orElse(0);
        this.jacobianValues = new double[largest];
        this.zeroAdjoints = new double[largest];
    }

    /** The compiled model this evaluator evaluates. */
    public CompiledModel compiledModel() {
        return compiled;
    }

    @Override
    public int dimension() {
        return program.dimension();
    }

    @Override
    public double logDensity(double[] x) {
        work += program.work();
        return leftOut == null ? program.logDensity(x, values) : program.logDensity(x, values, leftOut);
    }

    @Override
    public double logDensityGradient(double[] x, double[] gradient) {
        work += program.work();
        if (leftOut == null) {
            return program.logDensityGradient(x, gradient, values, adjoints, scratch);
        }
        double lp = program.logDensity(x, values, leftOut);
        program.clearAdjoints(adjoints);
        program.reverse(values, adjoints, scratch, leftOut, true, gradient);
        return lp;
    }

    /**
     * Zeroes the adjoints, to seed a reverse sweep with {@link #addAdjoint} after a forward sweep
     * ({@link #logDensity} or {@link #computeValues}) and before {@link #reverse}.
     */
    public void clearAdjoints() {
        program.clearAdjoints(adjoints);
    }

    /**
     * Adds {@code adjoint} to the adjoint of member {@code member} of a node's value: the reverse sweep
     * then carries back {@code adjoint} times the gradient of that value. A node fixed by the data has no
     * gradient, and the call does nothing.
     *
     * @throws IllegalArgumentException if the node has no value of its own (a gather or inner sum fused
     *     into its consumer; seed the node it reads instead)
     */
    public void addAdjoint(Node node, int member, double adjoint) {
        if (!program.hasAdjoint(node.id())) {
            if (program.nodeOffset(node.id()) < 0) {
                throw new IllegalArgumentException("node '" + node.name() + "' is fused into its consumer and has no"
                        + " value of its own to seed");
            }
            return;
        }
        adjoints[program.nodeOffset(node.id()) + (node.size() == 1 ? 0 : member)] += adjoint;
    }

    /**
     * Reverse sweep from the adjoints seeded since {@link #clearAdjoints}, at the point of the last
     * forward sweep: the gradient of sum(adjoint × value) with respect to the unconstrained coordinates,
     * plus, with {@code includeDensity}, that of the log density (which needs {@link #logDensity} as the
     * forward sweep). Terms this evaluator leaves out contribute nothing.
     *
     * @param gradient modified: receives the result, length {@link #dimension()}
     */
    public void reverse(boolean includeDensity, double[] gradient) {
        program.reverse(values, adjoints, scratch, leftOut, includeDensity, gradient);
    }

    /**
     * The terms of a Markov blanket at {@code x}: the log density up to terms that do not involve the
     * blanket's parameters. It reads only the parameters' coordinates of {@code x}; every other value
     * (the other parameters' values, the deterministic nodes outside the blanket) it takes from this
     * evaluator's buffer as the last evaluation left it, so the caller keeps that buffer at the
     * position it evaluates around (a full {@link #logDensity}, {@link #computeValues} or blanket
     * evaluation there). It leaves the blanket's values at {@code x} in the buffer.
     *
     * @param x not modified
     * @return the terms' sum, {@code -inf} where it is not a number
     * @throws IllegalArgumentException if the blanket is of another compiled model
     */
    public double blanketLogDensity(MarkovBlanket blanket, double[] x) {
        BlanketProgram b = own(blanket);
        work += b.work();
        return b.logDensity(x, values);
    }

    /**
     * The terms that involve one member of a {@link MarkovBlanket#memberwise()} blanket's parameter, at
     * {@code x}: as {@link #blanketLogDensity} but for that member alone (it reads that member's
     * coordinate of {@code x}), so a sweep over a plate's members costs the plate's size in all.
     *
     * @param x not modified
     * @param member 0-based member of the blanket's parameter
     * @throws IllegalStateException if the blanket is not memberwise
     */
    public double memberLogDensity(MarkovBlanket blanket, double[] x, int member) {
        BlanketProgram b = own(blanket);
        work += b.memberWork(member);
        return b.memberLogDensity(x, values, member);
    }

    /**
     * The model work this evaluator has done: for each evaluation, the members of the nodes it computed
     * or scored (a full log density counts every node's members once per op; a blanket, its own).
     */
    public long work() {
        return work;
    }

    private BlanketProgram own(MarkovBlanket blanket) {
        if (blanket.compiledModel() != compiled) {
            throw new IllegalArgumentException("the Markov blanket of " + blanket.parameters().stream().map(Node::name)
                    .toList() + " belongs to another compiled model");
        }
        return blanket.program();
    }

    /** Number of output values, as {@link CompiledModel#outputNames()}. */
    public int outputSize() {
        return outputSize;
    }

    /**
     * The constrained output values at {@code x}, in the order of {@link CompiledModel#outputNames()}.
     *
     * @param x not modified
     * @param out modified: receives {@link #outputSize()} values
     */
    public void outputs(double[] x, double[] out) {
        program.computeValues(x, values);
        int k = 0;
        for (int i = 0; i < outputOffsets.length; i++) {
            System.arraycopy(values, outputOffsets[i], out, k, outputSizes[i]);
            k += outputSizes[i];
        }
    }

    /**
     * Computes every node's value at {@code x} (no log density), for reading with {@link #value}.
     *
     * @param x not modified
     */
    public void computeValues(double[] x) {
        work += program.work();
        program.computeValues(x, values);
    }

    /**
     * Member {@code member} of a node's value as last computed by {@link #computeValues} (or by a log
     * density evaluation); a node with one member broadcasts it to every {@code member}. Data and
     * observed nodes always hold their values. A gather fused into its consumer has no value of its own:
     * read its input through {@link Node#gatherIndex()} instead; nor has an unnamed node folded into a
     * plate sum of several operands (an inner sum, or a gather or product by data among its operands,
     * as in a linear predictor {@code a + b * x + r.at(g)}): the sum itself has its value.
     */
    public double value(Node node, int member) {
        return values[program.nodeOffset(node.id()) + (node.size() == 1 ? 0 : member)];
    }

    /** The name of the first node whose log-density term is not finite at {@code x}, or {@code null}. */
    public String firstNonFiniteTerm(double[] x) {
        return program.firstNonFiniteTerm(x, values);
    }

    /**
     * The sum of the transforms' log-Jacobians at {@code x}, the part of {@link #logDensity(double[])}
     * that comes from the change of variables, and its gradient. Optimizers subtract it to find the
     * mode of the density of the constrained parameters (a mode is not invariant under reparameterization).
     *
     * @param x not modified
     * @param gradient modified: receives d log|J| / dx, length {@link #dimension()}
     */
    public double logJacobianGradient(double[] x, double[] gradient) {
        java.util.Arrays.fill(gradient, 0, program.dimension(), 0.0);
        double logJacobian = 0;
        for (Program.ParameterSlot slot : program.parameters()) {
            logJacobian += slot.transform().constrain(x, slot.freeOffset(), jacobianValues, 0, slot.size());
            slot.transform().backward(x, slot.freeOffset(), jacobianValues, 0, zeroAdjoints, 0, gradient,
                    slot.freeOffset(), slot.size(), 1.0);
        }
        return logJacobian;
    }
}
