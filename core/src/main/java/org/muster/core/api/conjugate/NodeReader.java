package org.muster.core.api.conjugate;

import org.muster.core.api.ModelEvaluator;
import org.muster.core.api.Node;
import org.muster.core.api.Operation;

/**
 * Reads member i of a node's value from an evaluator, looking through gathers ({@code theta.at(group)}),
 * whose values a compiled program does not keep, and anonymous renamings; it stops at a named node,
 * which is what output calls the values. The index is composed once, so reading allocates nothing.
 */
public final class NodeReader {

    private final Node base;
    private final int[] members;

    private NodeReader(Node base, int[] members) {
        this.base = base;
        this.members = members;
    }

    /** A reader of {@code node}'s {@code size} members (a node of one member is read as that member for every i). */
    public static NodeReader of(Node node, int size) {
        int[] members = new int[size];
        for (int i = 0; i < size; i++) {
            members[i] = node.size() == 1 ? 0 : i;
        }
        Node current = node;
        while (current.operation().orElse(null) == Operation.GATHER
                || (current.operation().orElse(null) == Operation.IDENTITY && !current.isNamed())) {
            Node input = current.inputs().get(0);
            if (current.operation().get() == Operation.GATHER) {
                int[] index = current.gatherIndex().orElseThrow();
                for (int i = 0; i < size; i++) {
                    members[i] = input.size() == 1 ? 0 : index[members[i]];
                }
            } else if (input.size() == 1) {
                java.util.Arrays.fill(members, 0);
            }
            current = input;
        }
        return new NodeReader(current, members);
    }

    /** Member {@code i} as last computed by the evaluator. */
    public double read(ModelEvaluator evaluator, int i) {
        return evaluator.value(base, members[i]);
    }

    /** The member of the underlying (ungathered) node that member {@code i} reads. */
    public int member(int i) {
        return members[i];
    }

    /** The number of members read. */
    public int size() {
        return members.length;
    }

    /** The node read after looking through gathers. */
    public Node base() {
        return base;
    }
}
