package org.muster.core.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.muster.core.api.distributions.Categorical;
import org.muster.core.api.distributions.DistributionKernel;
import org.muster.core.api.distributions.UnivariateDistribution;
import org.muster.core.api.transforms.Transform;

/**
 * The part of a {@link Program} that depends on a set of parameter nodes: the terms of their full
 * conditional, which is the log density up to terms that do not involve them (their Markov blanket's).
 * Evaluating it costs the blanket's size, not the model's, which is what a Gibbs update of those
 * nodes needs.
 *
 * <p><b>Node by node</b> ({@link #logDensity}): the ops of the parameters' transforms and densities, of
 * the deterministic nodes downstream of them (through deterministic nodes only, and only those that
 * feed some density), and of the densities of the stochastic nodes those feed, in program order. A
 * child's density op is asked for its term given new arguments only ({@link Op#forwardArguments}): its
 * values have not changed, so an op may answer from the sufficient statistics of its last sweep (the
 * shared-shape beta and gamma plates do, in constant time).
 *
 * <p><b>Member by member</b> ({@link #memberLogDensity}), for a single parameter node whose transform
 * is elementwise, whose density scores each member on its own (a univariate kernel, or categorical
 * labels), and whose members reach the densities downstream through elementwise operations, gathers
 * and selections by label only (each member then affects a few members of each node, found at
 * construction: the same member, or the members a gather reads it into): the terms that involve one
 * member, computed member by member through the kernels' scalar methods. Which is why a sweep of
 * member updates over a plate of n members costs O(n), not O(n²).
 *
 * <p>Both leave the values they compute in the evaluator's buffer (the parameters' constrained values,
 * the downstream deterministic members), and read every other value from it: the caller keeps the
 * buffer current at the position it evaluates around. The member-by-member path leaves the density ops'
 * own slots (their sums for the reverse sweep or for {@link Op#forwardArguments}) as they were; a
 * node-by-node evaluation of the same blanket, or a full sweep, brings them up to date. Immutable and
 * shared; the buffers are the caller's.
 */
public final class BlanketProgram {

    private static final int UNAFFECTED = -2;
    private static final int SAME_MEMBER = -1;

    private final Program program;
    private final int[] parameterIds;
    private final List<NodeSpec> nodes;
    private final boolean[] fused;
    private final int[] offsets;

    private final Op[] ops;
    private final boolean[] argumentsOnly;
    private final int[] blockOffsets;
    private final int[] blockSizes;
    private final long work;

    // Member by member (when memberwise): the parameter, then the affected nodes in topological order.
    private final boolean memberwise;
    private final String memberwiseReason;
    private final int parameter;
    private final int parameterSize;
    private final Transform transform;
    private final int freeOffset;
    private final int valueOffset;
    private final int[] entries;
    /** For each entry, which map gives its members: {@link #SAME_MEMBER} or an index into the maps. */
    private final int[] entryMaps;
    private final boolean[] entryScored;
    /** Gather inverses: for map k, the members affected by parameter member m are members[k][start[k][m] ..]. */
    private final int[][] mapStarts;
    private final int[][] mapMembers;
    private final int[] categoricalArgOffsets;
    private final int[] categoricalArgSizes;

    BlanketProgram(Program program, int[] parameterIds) {
        this.program = program;
        this.parameterIds = parameterIds.clone();
        Program.Layout layout = program.layout();
        this.nodes = layout.nodes();
        this.fused = layout.fused();
        int n = nodes.size();
        this.offsets = new int[n];
        for (int id = 0; id < n; id++) {
            offsets[id] = program.nodeOffset(id);
        }
        boolean[] inSet = new boolean[n];
        for (int id : parameterIds) {
            if (id < 0 || id >= n || nodes.get(id).kind() != NodeSpec.Kind.PARAMETER) {
                throw new IllegalArgumentException("node " + id + " is not a parameter");
            }
            inSet[id] = true;
        }
        boolean[] needed = neededDeterministic(nodes);
        boolean[] affected = new boolean[n];
        boolean[] argumentsAffected = new boolean[n];
        for (NodeSpec node : nodes) {
            boolean input = false;
            for (int in : node.inputs()) {
                input |= affected[in];
            }
            if (inSet[node.id()]) {
                affected[node.id()] = true;
            } else if (node.kind() == NodeSpec.Kind.DETERMINISTIC) {
                affected[node.id()] = input && !node.dataOnly();
            } else if (node.isStochastic()) {
                argumentsAffected[node.id()] = input;
            }
        }
        Op[] all = program.opArray();
        int[] opNodes = layout.opNodes();
        List<Op> chosen = new ArrayList<>();
        List<Boolean> arguments = new ArrayList<>();
        long members = 0;
        for (int k = 0; k < all.length; k++) {
            int node = opNodes[k];
            boolean include = inSet[node] || argumentsAffected[node] && !(all[k] instanceof TransformOp)
                    || nodes.get(node).kind() == NodeSpec.Kind.DETERMINISTIC && affected[node] && needed[node];
            if (include) {
                chosen.add(all[k]);
                arguments.add(argumentsAffected[node]);
                members += nodes.get(node).size();
            }
        }
        this.ops = chosen.toArray(new Op[0]);
        this.argumentsOnly = new boolean[ops.length];
        for (int k = 0; k < ops.length; k++) {
            argumentsOnly[k] = arguments.get(k);
        }
        this.work = members;
        List<Program.ParameterSlot> slots = program.parameters().stream().filter(s -> inSet[s.nodeId()]).toList();
        this.blockOffsets = slots.stream().mapToInt(Program.ParameterSlot::freeOffset).toArray();
        this.blockSizes = slots.stream().mapToInt(Program.ParameterSlot::freeSize).toArray();

        // Member by member: find, for each node downstream, which members one parameter member reaches.
        String reason = null;
        int[] map = new int[n];
        Arrays.fill(map, UNAFFECTED);
        List<Integer> entryList = new ArrayList<>();
        List<Integer> entryMapList = new ArrayList<>();
        List<Boolean> scoredList = new ArrayList<>();
        List<int[]> starts = new ArrayList<>();
        List<int[]> memberLists = new ArrayList<>();
        Program.ParameterSlot slot = slots.size() == 1 ? slots.get(0) : null;
        NodeSpec target = slot == null ? null : nodes.get(slot.nodeId());
        int[] categoricalOffsets = null;
        int[] categoricalSizes = null;
        if (slot == null) {
            reason = "a blanket of several nodes";
        } else if (target.size() == 1) {
            reason = "one member: its blanket node by node is the same";
        } else if (!slot.transform().isElementwise() || slot.freeSize() != target.size()) {
            reason = "its transform " + slot.transform().name() + " is not elementwise";
        } else if (!(target.distribution() instanceof UnivariateDistribution)
                && !(target.distribution() instanceof Categorical)) {
            reason = "its " + target.distribution().name() + " density is joint over its members";
        } else {
            if (target.distribution() instanceof Categorical) {
                NodeSpec probabilities = nodes.get(target.inputs()[0]);
                if (fused[probabilities.id()]) {
                    reason = "its probabilities have no slot";
                }
                categoricalOffsets = new int[] {offsets[probabilities.id()]};
                categoricalSizes = new int[] {probabilities.size()};
            }
            map[target.id()] = SAME_MEMBER;
            for (NodeSpec node : nodes) {
                if (reason != null) {
                    break;
                }
                if (node.id() <= target.id() || !(node.kind() == NodeSpec.Kind.DETERMINISTIC && !node.dataOnly()
                        || node.isStochastic())) {
                    continue;
                }
                int found = UNAFFECTED;
                boolean conflict = false;
                for (int in : node.inputs()) {
                    if (map[in] == UNAFFECTED) {
                        continue;
                    }
                    if (nodes.get(in).size() != node.size() && !(node.operation() == NodeSpec.OpCode.GATHER)) {
                        conflict = true;
                    }
                    if (found != UNAFFECTED && found != map[in]) {
                        conflict = true;
                    }
                    found = map[in];
                }
                if (found == UNAFFECTED) {
                    continue;
                }
                if (node.isStochastic()) {
                    if (!(node.distribution() instanceof UnivariateDistribution)) {
                        reason = "its child " + node.name() + " has a joint " + node.distribution().name() + " density";
                    } else if (conflict) {
                        reason = "its child " + node.name() + " depends on several of its members at once";
                    } else {
                        entryList.add(node.id());
                        entryMapList.add(found);
                        scoredList.add(true);
                    }
                    continue;
                }
                int nodeMap = found;
                switch (node.operation()) {
                    case GATHER -> {
                        if (found != SAME_MEMBER || nodes.get(node.inputs()[0]).size() != target.size()) {
                            reason = "a gather (" + node.name() + ") of a gathered value";
                        } else {
                            nodeMap = starts.size();
                            int[][] inverse = inverse(node.index(), target.size());
                            starts.add(inverse[0]);
                            memberLists.add(inverse[1]);
                        }
                    }
                    case SELECT -> {
                        if (map[node.inputs()[0]] != UNAFFECTED) {
                            reason = "a selection (" + node.name() + ") among its members by label";
                        }
                    }
                    case IDENTITY, ADD, SUBTRACT, MULTIPLY, DIVIDE, POW, NEGATE, EXP, LOG, LOG1P, EXPM1, INV_LOGIT,
                            LOG_INV_LOGIT, SQUARE, SQRT -> {
                        if (conflict) {
                            reason = node.name() + " combines several of its members";
                        }
                    }
                    default -> reason = node.name() + " (" + node.operation().name().toLowerCase(java.util.Locale.ROOT)
                            + ") combines all of its members";
                }
                map[node.id()] = nodeMap;
                if (needed[node.id()] && !fused[node.id()] && node.operation() != NodeSpec.OpCode.IDENTITY) {
                    entryList.add(node.id());
                    entryMapList.add(nodeMap);
                    scoredList.add(false);
                }
            }
        }
        this.memberwise = reason == null;
        this.memberwiseReason = reason;
        this.parameter = target == null ? -1 : target.id();
        this.parameterSize = target == null ? 0 : target.size();
        this.transform = slot == null ? null : slot.transform();
        this.freeOffset = slot == null ? 0 : slot.freeOffset();
        this.valueOffset = slot == null ? 0 : slot.valueOffset();
        this.entries = entryList.stream().mapToInt(Integer::intValue).toArray();
        this.entryMaps = entryMapList.stream().mapToInt(Integer::intValue).toArray();
        this.entryScored = new boolean[entries.length];
        for (int k = 0; k < entries.length; k++) {
            entryScored[k] = scoredList.get(k);
        }
        this.mapStarts = starts.toArray(new int[0][]);
        this.mapMembers = memberLists.toArray(new int[0][]);
        this.categoricalArgOffsets = categoricalOffsets;
        this.categoricalArgSizes = categoricalSizes;
    }

    /** Deterministic nodes whose value some density reads, directly or through other deterministic nodes. */
    private static boolean[] neededDeterministic(List<NodeSpec> nodes) {
        boolean[] needed = new boolean[nodes.size()];
        for (int id = nodes.size() - 1; id >= 0; id--) {
            NodeSpec node = nodes.get(id);
            if (node.isStochastic() || node.kind() == NodeSpec.Kind.DETERMINISTIC && needed[id]) {
                for (int in : node.inputs()) {
                    needed[in] = true;
                }
            }
        }
        return needed;
    }

    /** For an index into a vector of {@code size}, the positions reading each member, as [starts, positions]. */
    private static int[][] inverse(int[] index, int size) {
        int[] start = new int[size + 1];
        for (int j : index) {
            start[j + 1]++;
        }
        for (int j = 0; j < size; j++) {
            start[j + 1] += start[j];
        }
        int[] fill = Arrays.copyOf(start, size);
        int[] positions = new int[index.length];
        for (int i = 0; i < index.length; i++) {
            positions[fill[index[i]]++] = i;
        }
        return new int[][] {start, positions};
    }

    /** The program this blanket belongs to. */
    public Program program() {
        return program;
    }

    /** The parameter nodes' ids (a copy). */
    public int[] parameterIds() {
        return parameterIds.clone();
    }

    /** The model work of one {@link #logDensity} (members of the nodes its ops compute or score). */
    public long work() {
        return work;
    }

    /** Whether {@link #memberLogDensity} applies. */
    public boolean memberwise() {
        return memberwise;
    }

    /** Why the blanket cannot be evaluated member by member, or {@code null} when it can. */
    public String memberwiseReason() {
        return memberwiseReason;
    }

    /**
     * The blanket's terms at {@code x}: reads the parameters' unconstrained coordinates from {@code x}
     * and every other value from the buffer, which it leaves holding the blanket's values at {@code x}.
     *
     * @param x not modified: the full unconstrained position
     * @param values modified: the evaluator's buffer
     * @return the sum of the blanket's terms, {@code -inf} where it is not a number
     */
    public double logDensity(double[] x, double[] values) {
        int freeStart = program.freeStart();
        for (int b = 0; b < blockOffsets.length; b++) {
            System.arraycopy(x, blockOffsets[b], values, freeStart + blockOffsets[b], blockSizes[b]);
        }
        double lp = 0;
        for (int k = 0; k < ops.length; k++) {
            lp += argumentsOnly[k] ? ops[k].forwardArguments(values) : ops[k].forward(values);
        }
        return lp == lp ? lp : Double.NEGATIVE_INFINITY;
    }

    /**
     * The terms that involve member {@code member} of the parameter, with that member's coordinate read
     * from {@code x} and every other value from the buffer, which it leaves holding the affected members'
     * values at {@code x}.
     *
     * @param x not modified: the full unconstrained position
     * @param values modified: the evaluator's buffer
     * @return the sum of the terms, {@code -inf} where it is not a number
     * @throws IllegalStateException if the blanket is not {@link #memberwise()}
     */
    public double memberLogDensity(double[] x, double[] values, int member) {
        if (!memberwise) {
            throw new IllegalStateException("not evaluable member by member: " + memberwiseReason);
        }
        int coordinate = program.freeStart() + freeOffset + member;
        values[coordinate] = x[freeOffset + member];
        double lp = transform.constrain(values, coordinate, values, valueOffset + member, 1);
        NodeSpec self = nodes.get(parameter);
        DistributionKernel kernel = self.distribution();
        if (kernel instanceof UnivariateDistribution u) {
            lp += score(values, self, u, member);
        } else {
            lp += Categorical.INSTANCE.logDensity(values, valueOffset + member, 1, categoricalArgOffsets,
                    categoricalArgSizes, 0);
        }
        for (int k = 0; k < entries.length; k++) {
            int m = entryMaps[k];
            NodeSpec node = nodes.get(entries[k]);
            if (m == SAME_MEMBER) {
                lp += process(values, node, entryScored[k], member);
            } else {
                int[] positions = mapMembers[m];
                for (int p = mapStarts[m][member]; p < mapStarts[m][member + 1]; p++) {
                    lp += process(values, node, entryScored[k], positions[p]);
                }
            }
        }
        return lp == lp ? lp : Double.NEGATIVE_INFINITY;
    }

    /** The model work of {@link #memberLogDensity} for one member: the members it computes or scores. */
    public long memberWork(int member) {
        long count = 2;
        for (int k = 0; k < entries.length; k++) {
            int m = entryMaps[k];
            count += m == SAME_MEMBER ? 1 : mapStarts[m][member + 1] - mapStarts[m][member];
        }
        return count;
    }

    /** Members of the parameter, for the member-by-member path. */
    public int members() {
        return parameterSize;
    }

    private double process(double[] v, NodeSpec node, boolean scored, int i) {
        if (scored) {
            return score(v, node, (UnivariateDistribution) node.distribution(), i);
        }
        v[offsets[node.id()] + (node.size() == 1 ? 0 : i)] = member(v, node, i);
        return 0;
    }

    /** Member i's term of a univariate density plate (the kernel's scalar method). */
    private double score(double[] v, NodeSpec node, UnivariateDistribution kernel, int i) {
        int[] in = node.inputs();
        double a = in.length > 0 ? read(v, in[0], i) : 0;
        double b = in.length > 1 ? read(v, in[1], i) : 0;
        double c = in.length > 2 ? read(v, in[2], i) : 0;
        return kernel.logDensity(v[offsets[node.id()] + (node.size() == 1 ? 0 : i)], a, b, c);
    }

    /** Member i of a node's value: from the buffer, or computed when the node has no slot. */
    private double read(double[] v, int id, int i) {
        if (fused[id]) {
            return member(v, nodes.get(id), i);
        }
        return v[offsets[id] + (nodes.get(id).size() == 1 ? 0 : i)];
    }

    /** Member i of an elementwise deterministic node, from its inputs. */
    private double member(double[] v, NodeSpec node, int i) {
        int[] in = node.inputs();
        NodeSpec.OpCode operation = node.operation();
        return switch (operation) {
            case IDENTITY -> read(v, in[0], i);
            case ADD -> read(v, in[0], i) + read(v, in[1], i);
            case SUBTRACT -> read(v, in[0], i) - read(v, in[1], i);
            case MULTIPLY -> read(v, in[0], i) * read(v, in[1], i);
            case DIVIDE -> read(v, in[0], i) / read(v, in[1], i);
            case POW -> Math.pow(read(v, in[0], i), read(v, in[1], i));
            case GATHER -> read(v, in[0], node.index()[i]);
            case SELECT -> {
                double label = read(v, in[1], i);
                int k = (int) label;
                int size = nodes.get(in[0]).size();
                yield k == label && k >= 1 && k <= size ? read(v, in[0], k - 1) : Double.NaN;
            }
            default -> {
                if (operation.isUnary()) {
                    yield UnaryOp.apply(operation, read(v, in[0], i));
                }
                throw new IllegalStateException("no member-by-member value for " + operation + " (" + node.name() + ")");
            }
        };
    }
}
