package org.muster.core.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.muster.core.api.distributions.Beta;
import org.muster.core.api.distributions.DistributionKernel;
import org.muster.core.api.distributions.Gamma;
import org.muster.core.api.distributions.MultivariateDistribution;
import org.muster.core.api.distributions.NegativeBinomial;
import org.muster.core.api.distributions.Normal;
import org.muster.core.api.distributions.Poisson;
import org.muster.core.api.distributions.Support;
import org.muster.core.api.distributions.UnivariateDistribution;
import org.muster.core.api.transforms.Transform;
import org.muster.core.api.transforms.Transforms;

/**
 * Turns a model graph into a {@link Program}. Layout of the buffer: the values that never change
 * (data, observed values, data-only expressions), a constant zero for unused distribution
 * parameters, slots for what plate-level density ops' forward sweeps leave to their reverse sweeps,
 * scratch for multivariate kernels; then the values that depend on parameters and the unconstrained
 * coordinates, the only part whose adjoints are ever read (an IDENTITY node shares its input's
 * slot). Expressions and likelihood terms that depend on data alone are evaluated once here rather
 * than at every evaluation; a gather whose only use is a sum, difference or product is fused into it
 * and has no slot, and so are the inner nodes of a sum of several operands ({@link SumFusion}).
 */
public final class Compiler {

    private Compiler() {
    }

    /** Compiles nodes given in topological order (each node's inputs come before it). */
    public static Program compile(List<NodeSpec> nodes) {
        SumFusion sums = SumFusion.of(nodes);
        int[] fusedGather = fusedGathers(nodes, sums);
        boolean[] fused = new boolean[nodes.size()];
        for (int gather : fusedGather) {
            if (gather >= 0) {
                fused[gather] = true;
            }
        }
        for (NodeSpec node : nodes) {
            fused[node.id()] |= sums.absorbed(node.id());
        }
        // Fixed values first, then what the reverse sweep reads adjoints of: only that part is zeroed.
        int[] offsets = new int[nodes.size()];
        int cursor = 0;
        int scratchSize = 0;
        for (NodeSpec node : nodes) {
            if (!fused[node.id()] && node.operation() != NodeSpec.OpCode.IDENTITY && !dependsOnParameters(node)) {
                offsets[node.id()] = cursor;
                cursor += node.size();
            }
            if (node.isStochastic() && node.distribution() instanceof MultivariateDistribution m) {
                int[] sizes = inputSizes(nodes, node);
                scratchSize = Math.max(scratchSize, m.scratchSize(node.size(), sizes));
            }
            if (node.function() != null) {
                scratchSize = Math.max(scratchSize, node.function().scratchSize(inputSizes(nodes, node), node.size()));
            }
        }
        int zeroSlot = cursor++;
        int[] densitySlots = new int[nodes.size()];
        for (NodeSpec node : nodes) {
            int slots = !node.isStochastic() ? 0
                    : node.distribution() instanceof Normal ? NormalDensityOp.SLOTS
                    : sharedShape(nodes, node) ? SharedShapeDensityOp.SLOTS
                    : countLikelihood(nodes, node) ? CountDensityOp.slots(node.size())
                    : negativeBinomialPlate(nodes, node)
                            ? NegativeBinomialDensityOp.slots(node.size(), NegativeBinomialDensityOp.distinctPositive(node.values()))
                            : 0;
            densitySlots[node.id()] = slots > 0 ? cursor : -1;
            cursor += slots;
        }
        int scratchOffset = cursor;
        cursor += scratchSize;
        int adjointStart = cursor;
        for (NodeSpec node : nodes) {
            if (fused[node.id()]) {
                // Never materialized: its consumer reads the gathered vector through the index.
                offsets[node.id()] = -1;
            } else if (node.operation() == NodeSpec.OpCode.IDENTITY) {
                offsets[node.id()] = offsets[node.inputs()[0]];
            } else if (dependsOnParameters(node)) {
                offsets[node.id()] = cursor;
                cursor += node.size();
            }
        }

        // Data values and data-only expressions are fixed: evaluate them into the initial buffer now.
        double[] buffer = new double[cursor];
        List<Op> ops = new ArrayList<>();
        List<Integer> opNodes = new ArrayList<>();
        List<Program.ParameterSlot> parameters = new ArrayList<>();
        double constant = 0;
        int freeCursor = 0;
        for (NodeSpec node : nodes) {
            int out = offsets[node.id()];
            switch (node.kind()) {
                case DATA -> System.arraycopy(node.values(), 0, buffer, out, node.size());
                case DETERMINISTIC -> {
                    if (fused[node.id()]) {
                        continue;
                    }
                    Op op = sums.root(node.id()) ? sums.op(node, offsets, buffer)
                            : fusedGather[node.id()] >= 0
                            ? gatherBinaryOp(nodes, node, nodes.get(fusedGather[node.id()]), offsets)
                            : node.function() != null ? functionOp(nodes, node, offsets, scratchOffset)
                            : deterministicOp(nodes, node, offsets);
                    if (op == null) {
                        continue;
                    }
                    if (node.dataOnly()) {
                        op.forward(buffer);
                    } else {
                        ops.add(op);
                        opNodes.add(node.id());
                    }
                }
                case OBSERVED -> {
                    System.arraycopy(node.values(), 0, buffer, out, node.size());
                    Op op = densityOp(nodes, node, offsets, zeroSlot, densitySlots[node.id()], scratchOffset, buffer);
                    if (node.dataOnly()) {
                        double term = op.forward(buffer);
                        if (!(term > Double.NEGATIVE_INFINITY && term < Double.POSITIVE_INFINITY)) {
                            throw new IllegalArgumentException("observed '" + node.name() + "' has log density " + term
                                    + " under " + node.distribution().name()
                                    + " given the data: some value is impossible under its distribution's arguments");
                        }
                        constant += term;
                    } else {
                        ops.add(op);
                        opNodes.add(node.id());
                    }
                }
                case PARAMETER -> {
                    Transform transform = transformFor(nodes, node, buffer, offsets);
                    int freeSize = transform.freeSize(node.size());
                    parameters.add(new Program.ParameterSlot(node.id(), transform, freeCursor, freeSize, out, node.size()));
                    // Free offsets are relative until the buffer's end is known; fixed up below.
                    ops.add(new PendingTransform(node.name(), transform, freeCursor, out, node.size()));
                    ops.add(densityOp(nodes, node, offsets, zeroSlot, densitySlots[node.id()], scratchOffset, buffer));
                    opNodes.add(node.id());
                    opNodes.add(node.id());
                    freeCursor += freeSize;
                }
                default -> throw new IllegalStateException("unknown node kind " + node.kind());
            }
        }
        int freeStart = buffer.length;
        double[] full = Arrays.copyOf(buffer, buffer.length + freeCursor);
        List<Op> resolved = new ArrayList<>(ops.size());
        for (Op op : ops) {
            resolved.add(op instanceof PendingTransform p
                    ? new TransformOp(p.nodeName, p.transform, freeStart + p.freeOffset, p.valueOffset, p.size)
                    : op);
        }
        return new Program(resolved, full, constant, adjointStart, freeStart, freeCursor, offsets, parameters,
                new Program.Layout(nodes, fused, opNodes.stream().mapToInt(Integer::intValue).toArray(), scratchOffset));
    }

    /** Placeholder for a transform whose unconstrained block's absolute offset is not yet known. */
    private static final class PendingTransform extends Op {
        final Transform transform;
        final int freeOffset;
        final int valueOffset;
        final int size;

        PendingTransform(String nodeName, Transform transform, int freeOffset, int valueOffset, int size) {
            super(nodeName);
            this.transform = transform;
            this.freeOffset = freeOffset;
            this.valueOffset = valueOffset;
            this.size = size;
        }

        @Override
        double forward(double[] values) {
            throw new IllegalStateException("unresolved transform");
        }

        @Override
        void backward(double[] values, double[] adjoints, double[] work) {
            throw new IllegalStateException("unresolved transform");
        }
    }

    private static int[] inputSizes(List<NodeSpec> nodes, NodeSpec node) {
        int[] sizes = new int[node.inputs().length];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = nodes.get(node.inputs()[i]).size();
        }
        return sizes;
    }

    private static Transform transformFor(List<NodeSpec> nodes, NodeSpec node, double[] buffer, int[] offsets) {
        DistributionKernel kernel = node.distribution();
        Transform own = kernel.parameterTransform();
        if (own != null) {
            return own;
        }
        Support support = kernel.support();
        return switch (support) {
            case REAL, REAL_VECTOR -> Transforms.identity();
            case POSITIVE -> Transforms.lower(0);
            case UNIT_INTERVAL -> Transforms.interval(0, 1);
            case SIMPLEX -> Transforms.simplex();
            case CHOLESKY_CORRELATION -> Transforms.choleskyCorrelation();
            case PARAMETER_INTERVAL -> {
                NodeSpec lower = nodes.get(node.inputs()[0]);
                NodeSpec upper = nodes.get(node.inputs()[1]);
                for (NodeSpec bound : List.of(lower, upper)) {
                    if (!bound.dataOnly() || bound.size() != 1) {
                        throw new IllegalArgumentException("parameter '" + node.name() + "' ~ " + kernel.name()
                                + ": its bounds must be scalars fixed by the data, but " + bound.name()
                                + (bound.dataOnly() ? " has " + bound.size() + " members" : " depends on parameters")
                                + "; put the bounds in data or reparameterize");
                    }
                }
                double lo = buffer[offsets[lower.id()]];
                double hi = buffer[offsets[upper.id()]];
                if (!(lo < hi)) {
                    throw new IllegalArgumentException("parameter '" + node.name() + "' ~ " + kernel.name()
                            + ": lower bound " + lo + " is not below upper bound " + hi);
                }
                yield Transforms.interval(lo, hi);
            }
            // Discrete values sit in their coordinates unchanged; gradient-based methods refuse such models.
            case BINARY, NONNEGATIVE_INTEGER, BOUNDED_INTEGER, CATEGORY -> Transforms.discrete();
        };
    }

    /**
     * The op scoring a stochastic node: a plate-level op for the kernels that have one, else the
     * generic op looping over the kernel's scalar methods.
     *
     * @param slots the first of the node's slots for a plate-level op, or -1
     * @param buffer not modified: the values of the nodes before this one, data in place
     */
    private static Op densityOp(List<NodeSpec> nodes, NodeSpec node, int[] offsets, int zeroSlot, int slots,
            int scratchOffset, double[] buffer) {
        DistributionKernel kernel = node.distribution();
        int[] args = node.inputs();
        int[] argSizes = inputSizes(nodes, node);
        if (kernel instanceof UnivariateDistribution u) {
            int[] argOffsets = {zeroSlot, zeroSlot, zeroSlot};
            int[] strides = {0, 0, 0};
            for (int i = 0; i < args.length; i++) {
                argOffsets[i] = offsets[args[i]];
                strides[i] = argSizes[i] == 1 ? 0 : 1;
            }
            UnivariateDensityOp generic = new UnivariateDensityOp(node.name(), u, node.size(), offsets[node.id()],
                    argOffsets, strides);
            if (kernel instanceof Normal) {
                NodeSpec scale = nodes.get(args[1]);
                double[] dataScale = !dependsOnParameters(scale)
                        ? Arrays.copyOfRange(buffer, offsets[scale.id()], offsets[scale.id()] + scale.size())
                        : null;
                return new NormalDensityOp(generic, node.size(),
                        new PlateArgument(offsets[node.id()], false, node.kind() == NodeSpec.Kind.PARAMETER),
                        plateArgument(nodes.get(args[0]), offsets), plateArgument(scale, offsets), dataScale,
                        slots);
            }
            if (slots >= 0 && sharedShape(nodes, node)) {
                return new SharedShapeDensityOp(generic, kernel instanceof Beta, node.size(),
                        new PlateArgument(offsets[node.id()], false, node.kind() == NodeSpec.Kind.PARAMETER),
                        offsets[args[0]], offsets[args[1]], slots);
            }
            if (slots >= 0 && countLikelihood(nodes, node)) {
                int predictor = args[args.length - 1];
                double[] counts = node.values();
                double[] trials = new double[node.size()];
                if (args.length == 2) {
                    NodeSpec n = nodes.get(args[0]);
                    for (int i = 0; i < trials.length; i++) {
                        trials[i] = buffer[offsets[n.id()] + (n.size() == 1 ? 0 : i)];
                    }
                }
                if (CountDensityOp.validCounts(u, counts, trials)) {
                    return new CountDensityOp(generic, u, counts, trials, offsets[predictor], slots);
                }
            }
            if (slots >= 0 && negativeBinomialPlate(nodes, node) && CountDensityOp.validCounts(Poisson.INSTANCE,
                    node.values(), null)) {
                return new NegativeBinomialDensityOp(generic, node.values(), offsets[args[0]],
                        plateArgument(nodes.get(args[1]), offsets), slots);
            }
            return generic;
        }
        MultivariateDistribution m = (MultivariateDistribution) kernel;
        int[] argOffsets = new int[args.length];
        for (int i = 0; i < args.length; i++) {
            argOffsets[i] = offsets[args[i]];
        }
        return new MultivariateDensityOp(node.name(), m, offsets[node.id()], node.size(), argOffsets, argSizes,
                scratchOffset);
    }

    /** Whether a node is a beta or gamma plate of several members whose two parameters are scalars. */
    private static boolean sharedShape(List<NodeSpec> nodes, NodeSpec node) {
        return (node.distribution() instanceof Beta || node.distribution() instanceof Gamma) && node.size() > 1
                && nodes.get(node.inputs()[0]).size() == 1 && nodes.get(node.inputs()[1]).size() == 1;
    }

    /**
     * Whether a node is observed counts under a likelihood {@link CountDensityOp} takes (Bernoulli-logit,
     * binomial-logit, Poisson-log, binomial, Poisson) whose argument (linear predictor, probability or
     * rate) depends on parameters and has one member per count, and whose trials, if any, are fixed by
     * the data.
     */
    private static boolean countLikelihood(List<NodeSpec> nodes, NodeSpec node) {
        if (node.kind() != NodeSpec.Kind.OBSERVED || !(node.distribution() instanceof UnivariateDistribution u)
                || CountDensityOp.Link.of(u) == null) {
            return false;
        }
        int[] args = node.inputs();
        NodeSpec predictor = nodes.get(args[args.length - 1]);
        return predictor.size() == node.size() && dependsOnParameters(predictor)
                && (args.length == 1 || nodes.get(args[0]).dataOnly());
    }

    /**
     * Whether a node is observed counts under {@code neg_binomial_2} with one mean per count that depends
     * on parameters and one precision.
     */
    private static boolean negativeBinomialPlate(List<NodeSpec> nodes, NodeSpec node) {
        if (node.kind() != NodeSpec.Kind.OBSERVED || !(node.distribution() instanceof NegativeBinomial)) {
            return false;
        }
        NodeSpec mean = nodes.get(node.inputs()[0]);
        return node.size() > 1 && mean.size() == node.size() && dependsOnParameters(mean)
                && nodes.get(node.inputs()[1]).size() == 1;
    }

    private static PlateArgument plateArgument(NodeSpec argument, int[] offsets) {
        return new PlateArgument(offsets[argument.id()], argument.size() == 1, dependsOnParameters(argument));
    }

    /**
     * Whether a node's value can change between evaluations. Conservative: a deterministic node
     * downstream of an observed node counts as depending on parameters if that observed node's
     * distribution does.
     */
    private static boolean dependsOnParameters(NodeSpec node) {
        return switch (node.kind()) {
            case DATA, OBSERVED -> false;
            case PARAMETER -> true;
            case DETERMINISTIC -> !node.dataOnly();
        };
    }

    /**
     * Which gathers to fuse into their consumer: for each node, the id of the gather it reads through
     * a {@link GatherBinaryOp}, else -1. A gather is fused when its only use is as one operand of a sum,
     * difference or product of its own length that depends on parameters (and so is evaluated at
     * every sweep); a consumer fuses at most one gather. Gathers are unnamed (a named one is an
     * IDENTITY node reading it, itself a use), so no output needs the gathered vector.
     */
    private static int[] fusedGathers(List<NodeSpec> nodes, SumFusion sums) {
        int[] uses = new int[nodes.size()];
        for (NodeSpec node : nodes) {
            for (int input : node.inputs()) {
                uses[input]++;
            }
        }
        int[] fusedGather = new int[nodes.size()];
        Arrays.fill(fusedGather, -1);
        for (NodeSpec node : nodes) {
            if (node.kind() != NodeSpec.Kind.DETERMINISTIC || node.dataOnly() || sums.involved(node.id())) {
                continue;
            }
            switch (node.operation()) {
                case ADD, SUBTRACT, MULTIPLY -> {
                    for (int input : node.inputs()) {
                        NodeSpec gather = nodes.get(input);
                        if (gather.operation() == NodeSpec.OpCode.GATHER && !gather.dataOnly() && uses[input] == 1
                                && gather.size() == node.size()) {
                            fusedGather[node.id()] = input;
                            break;
                        }
                    }
                }
                default -> {
                }
            }
        }
        return fusedGather;
    }

    private static Op gatherBinaryOp(List<NodeSpec> nodes, NodeSpec node, NodeSpec gather, int[] offsets) {
        boolean gatheredLeft = node.inputs()[0] == gather.id();
        NodeSpec other = nodes.get(node.inputs()[gatheredLeft ? 1 : 0]);
        return new GatherBinaryOp(node.name(), node.operation(), gatheredLeft, offsets[gather.inputs()[0]],
                gather.index(), plateArgument(other, offsets), offsets[node.id()]);
    }

    private static Op functionOp(List<NodeSpec> nodes, NodeSpec node, int[] offsets, int scratchOffset) {
        int[] in = node.inputs();
        int[] argumentOffsets = new int[in.length];
        for (int i = 0; i < in.length; i++) {
            argumentOffsets[i] = offsets[in[i]];
        }
        return new FunctionOp(node.name(), node.function(), argumentOffsets, inputSizes(nodes, node), offsets[node.id()],
                node.size(), scratchOffset);
    }

    private static Op deterministicOp(List<NodeSpec> nodes, NodeSpec node, int[] offsets) {
        NodeSpec.OpCode operation = node.operation();
        int out = offsets[node.id()];
        int[] in = node.inputs();
        return switch (operation) {
            case IDENTITY -> null;
            case SUM -> new ReductionOp(node.name(), false, offsets[in[0]], 0, out, nodes.get(in[0]).size());
            case DOT -> new ReductionOp(node.name(), true, offsets[in[0]], offsets[in[1]], out, nodes.get(in[0]).size());
            case MATRIX_VECTOR -> new MatrixVectorOp(node.name(), offsets[in[0]], offsets[in[1]], out,
                    nodes.get(in[0]).rows(), nodes.get(in[0]).columns(), !nodes.get(in[0]).dataOnly());
            case GATHER -> new GatherOp(node.name(), offsets[in[0]], out, node.index());
            case SELECT -> new SelectOp(node.name(), offsets[in[0]], nodes.get(in[0]).size(), offsets[in[1]], out,
                    node.size());
            default -> {
                if (operation.isUnary()) {
                    yield new UnaryOp(node.name(), operation, offsets[in[0]], out, node.size());
                }
                yield new BinaryOp(node.name(), operation, plateArgument(nodes.get(in[0]), offsets),
                        plateArgument(nodes.get(in[1]), offsets), out, node.size());
            }
        };
    }
}
