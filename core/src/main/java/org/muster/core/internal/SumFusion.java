package org.muster.core.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Which sums the compiler folds into a {@link SumOp}: a tree of sums and differences over a plate
 * (length above 1, depending on parameters) whose inner nodes have no other use, with at least
 * {@link #MIN_OPERANDS} operands or {@link #MIN_ABSORBED} nodes folded in. The fused op also takes in, among the operands, a gather with no
 * other use ({@code a.at(g)}) and a product by a data vector with no other use ({@code beta * x},
 * {@code b.at(g) * z}). The inner sums, those gathers and products are absorbed: they have no slot
 * and no op of their own, and no value to read (unnamed nodes only: a named node is read by its
 * IDENTITY node, a second use).
 */
final class SumFusion {

    /**
     * A sum of fewer operands is left to the binary ops (and {@link GatherBinaryOp}), which are as fast
     * for it, unless it would absorb {@link #MIN_ABSORBED} nodes, as {@code a.at(g) + b.at(g) * x} does.
     */
    static final int MIN_OPERANDS = 3;
    static final int MIN_ABSORBED = 2;

    /** An operand of a fused sum, in terms of node ids; -1 where it does not apply. */
    private record Operand(Kind kind, double sign, int node, int source, int[] index, int data) {
    }

    private enum Kind {
        SCALAR, VECTOR, SCALED, GATHERED
    }

    private final List<NodeSpec> nodes;
    private final boolean[] absorbed;
    /** For each fused root, its operands; else {@code null}. */
    private final List<List<Operand>> operands;

    private SumFusion(List<NodeSpec> nodes) {
        this.nodes = nodes;
        this.absorbed = new boolean[nodes.size()];
        this.operands = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            operands.add(null);
        }
    }

    /** Finds the fused sums of a graph in topological order. */
    static SumFusion of(List<NodeSpec> nodes) {
        SumFusion fusion = new SumFusion(nodes);
        int[] uses = new int[nodes.size()];
        int[] consumer = new int[nodes.size()];
        for (NodeSpec node : nodes) {
            for (int input : node.inputs()) {
                uses[input]++;
                consumer[input] = node.id();
            }
        }
        for (NodeSpec node : nodes) {
            if (!isPlateSum(node) || (uses[node.id()] == 1 && isPlateSum(nodes.get(consumer[node.id()]))
                    && nodes.get(consumer[node.id()]).size() == node.size())) {
                continue;
            }
            List<Operand> found = new ArrayList<>();
            List<Integer> inner = new ArrayList<>();
            fusion.collect(node, 1, node.size(), uses, found, inner);
            if (found.size() >= MIN_OPERANDS || inner.size() >= MIN_ABSORBED) {
                fusion.operands.set(node.id(), found);
                for (int id : inner) {
                    fusion.absorbed[id] = true;
                }
            }
        }
        return fusion;
    }

    /** Whether a node is folded into a fused sum and so has no slot and no op. */
    boolean absorbed(int id) {
        return absorbed[id];
    }

    /** Whether a node is the root of a fused sum. */
    boolean root(int id) {
        return operands.get(id) != null;
    }

    /** Whether a node is a fused root or folded into one: the compiler fuses nothing else into it. */
    boolean involved(int id) {
        return absorbed[id] || root(id);
    }

    /**
     * The op of a fused root, gathers through equal indices grouped into one operand.
     *
     * @param buffer not modified: the values of the nodes before the root, data in place
     */
    SumOp op(NodeSpec root, int[] offsets, double[] buffer) {
        List<SumOp.Term> terms = new ArrayList<>();
        List<Operand> gathers = new ArrayList<>();
        for (Operand o : operands.get(root.id())) {
            switch (o.kind()) {
                case SCALAR -> terms.add(new SumOp.Scalar(offsets[o.node()], o.sign(),
                        !nodes.get(o.node()).dataOnly()));
                case VECTOR -> terms.add(new SumOp.Vector(offsets[o.node()], o.sign(), !nodes.get(o.node()).dataOnly()));
                case SCALED -> terms.add(new SumOp.Scaled(offsets[o.node()], nodes.get(o.node()).size() == 1,
                        offsets[o.data()], o.sign()));
                case GATHERED -> gathers.add(o);
                default -> throw new IllegalStateException(o.kind().toString());
            }
        }
        boolean[] grouped = new boolean[gathers.size()];
        for (int a = 0; a < gathers.size(); a++) {
            if (grouped[a]) {
                continue;
            }
            List<Operand> group = new ArrayList<>();
            for (int b = a; b < gathers.size(); b++) {
                if (!grouped[b] && Arrays.equals(gathers.get(a).index(), gathers.get(b).index())) {
                    grouped[b] = true;
                    group.add(gathers.get(b));
                }
            }
            int size = root.size();
            int[] sources = new int[group.size()];
            double[][] data = new double[group.size()][];
            boolean[] ones = new boolean[group.size()];
            double[] signs = new double[group.size()];
            for (int c = 0; c < group.size(); c++) {
                sources[c] = offsets[group.get(c).source()];
                ones[c] = group.get(c).data() < 0;
                int from = ones[c] ? -1 : offsets[group.get(c).data()];
                data[c] = ones[c] ? filledWithOnes(size) : Arrays.copyOfRange(buffer, from, from + size);
                signs[c] = group.get(c).sign();
            }
            int[] index = gathers.get(a).index().clone();
            terms.add(new SumOp.Gathered(index, IndexRuns.of(index), sources, data, ones, signs));
        }
        return new SumOp(root.name(), terms, offsets[root.id()], root.size());
    }

    private static double[] filledWithOnes(int size) {
        double[] ones = new double[size];
        Arrays.fill(ones, 1.0);
        return ones;
    }

    /** A sum or difference over a plate that depends on parameters. */
    private static boolean isPlateSum(NodeSpec node) {
        return node.kind() == NodeSpec.Kind.DETERMINISTIC && !node.dataOnly() && node.size() > 1
                && (node.operation() == NodeSpec.OpCode.ADD || node.operation() == NodeSpec.OpCode.SUBTRACT);
    }

    /** Adds the operands of {@code node} times {@code sign}; {@code inner} receives what is absorbed. */
    private void collect(NodeSpec node, double sign, int size, int[] uses, List<Operand> found, List<Integer> inner) {
        int[] in = node.inputs();
        for (int k = 0; k < 2; k++) {
            NodeSpec input = nodes.get(in[k]);
            double s = k == 1 && node.operation() == NodeSpec.OpCode.SUBTRACT ? -sign : sign;
            boolean single = uses[input.id()] == 1 && input.size() == size;
            if (single && isPlateSum(input)) {
                inner.add(input.id());
                collect(input, s, size, uses, found, inner);
            } else {
                found.add(operand(input, s, size, uses, inner));
            }
        }
    }

    private Operand operand(NodeSpec input, double sign, int size, int[] uses, List<Integer> inner) {
        if (input.size() == 1) {
            return new Operand(Kind.SCALAR, sign, input.id(), -1, null, -1);
        }
        boolean single = uses[input.id()] == 1 && input.size() == size && !input.dataOnly();
        if (single && input.operation() == NodeSpec.OpCode.GATHER) {
            inner.add(input.id());
            return new Operand(Kind.GATHERED, sign, input.id(), input.inputs()[0], input.index(), -1);
        }
        if (single && input.kind() == NodeSpec.Kind.DETERMINISTIC && input.operation() == NodeSpec.OpCode.MULTIPLY) {
            NodeSpec left = nodes.get(input.inputs()[0]);
            NodeSpec right = nodes.get(input.inputs()[1]);
            NodeSpec data = isDataVector(right, size) ? right : isDataVector(left, size) ? left : null;
            NodeSpec factor = data == right ? left : right;
            if (data != null && !factor.dataOnly()) {
                inner.add(input.id());
                if (factor.operation() == NodeSpec.OpCode.GATHER && uses[factor.id()] == 1 && factor.size() == size) {
                    inner.add(factor.id());
                    return new Operand(Kind.GATHERED, sign, input.id(), factor.inputs()[0], factor.index(), data.id());
                }
                return new Operand(Kind.SCALED, sign, factor.id(), -1, null, data.id());
            }
        }
        return new Operand(Kind.VECTOR, sign, input.id(), -1, null, -1);
    }

    private static boolean isDataVector(NodeSpec node, int size) {
        return node.dataOnly() && node.size() == size;
    }
}
