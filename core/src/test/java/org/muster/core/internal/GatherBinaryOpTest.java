package org.muster.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fused gather-and-combine op against the gather op followed by the binary op it replaces, on
 * the same values: every operation, either side, a vector or broadcast other input that is or is
 * not data, and sorted, shuffled and repeated indices.
 */
class GatherBinaryOpTest {

    private static final int GROUPS = 5;
    private static final int SIZE = 23;
    // Buffer layout: source (GROUPS), other (SIZE), output (SIZE), gathered vector of the unfused pair (SIZE).
    private static final int SOURCE = 0;
    private static final int OTHER = GROUPS;
    private static final int OUT = GROUPS + SIZE;
    private static final int GATHERED = GROUPS + 2 * SIZE;
    private static final int BUFFER = GROUPS + 3 * SIZE;

    record Case(NodeSpec.OpCode operation, boolean gatheredLeft, boolean otherBroadcast, boolean otherIsData,
            boolean sorted) {
    }

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        boolean[] both = {false, true};
        for (NodeSpec.OpCode operation : new NodeSpec.OpCode[] {NodeSpec.OpCode.ADD, NodeSpec.OpCode.SUBTRACT,
            NodeSpec.OpCode.MULTIPLY}) {
            for (boolean gatheredLeft : both) {
                for (boolean otherBroadcast : both) {
                    for (boolean otherIsData : both) {
                        for (boolean sorted : both) {
                            cases.add(new Case(operation, gatheredLeft, otherBroadcast, otherIsData, sorted));
                        }
                    }
                }
            }
        }
        return cases;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesGatherThenBinaryOp(Case c) {
        SplittableRandom random = new SplittableRandom(c.hashCode());
        int[] index = random.ints(SIZE, 0, GROUPS).toArray();
        if (c.sorted()) {
            java.util.Arrays.sort(index);
        }
        PlateArgument other = new PlateArgument(OTHER, c.otherBroadcast(), !c.otherIsData());
        PlateArgument gathered = new PlateArgument(GATHERED, false, true);
        GatherBinaryOp fused = new GatherBinaryOp("f", c.operation(), c.gatheredLeft(), SOURCE, index, other, OUT);
        GatherOp gather = new GatherOp("g", SOURCE, GATHERED, index);
        BinaryOp binary = c.gatheredLeft()
                ? new BinaryOp("f", c.operation(), gathered, other, OUT, SIZE)
                : new BinaryOp("f", c.operation(), other, gathered, OUT, SIZE);
        for (int trial = 0; trial < 20; trial++) {
            double[] v = random.doubles(BUFFER, -2, 2).toArray();
            double[] expectedValues = v.clone();
            gather.forward(expectedValues);
            binary.forward(expectedValues);
            fused.forward(v);
            for (int i = 0; i < SIZE; i++) {
                assertEquals(expectedValues[OUT + i], v[OUT + i], 0.0, c + " value " + i);
            }

            double[] adj = random.doubles(BUFFER, -1, 1).toArray();
            adj[GATHERED] = 0;
            java.util.Arrays.fill(adj, GATHERED, BUFFER, 0.0);
            double[] expected = adj.clone();
            binary.backward(expectedValues, expected, new double[4]);
            gather.backward(expectedValues, expected, new double[4]);
            fused.backward(v, adj, new double[4]);
            int checkedEnd = c.otherIsData() ? OTHER : OUT;
            for (int slot = 0; slot < checkedEnd; slot++) {
                assertEquals(expected[slot], adj[slot], 1e-12 * Math.max(1, Math.abs(expected[slot])),
                        c + " trial " + trial + " adjoint of slot " + slot);
            }
        }
    }
}
