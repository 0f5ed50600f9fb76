package org.muster.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every binary operation in every shape (vector with vector, scalar with vector, vector with
 * scalar, scalar with scalar), against its value and partial derivatives written out member by
 * member; inputs that depend on no parameter must keep their adjoints untouched.
 */
class BinaryOpTest {

    private static final int SIZE = 6;
    // Buffer layout: left (SIZE), right (SIZE), output (SIZE).
    private static final int LEFT = 0;
    private static final int RIGHT = SIZE;
    private static final int OUT = 2 * SIZE;
    private static final int BUFFER = 3 * SIZE;

    record Case(NodeSpec.OpCode operation, boolean leftScalar, boolean rightScalar, boolean leftIsData,
            boolean rightIsData) {
    }

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        NodeSpec.OpCode[] operations = {NodeSpec.OpCode.ADD, NodeSpec.OpCode.SUBTRACT, NodeSpec.OpCode.MULTIPLY,
            NodeSpec.OpCode.DIVIDE, NodeSpec.OpCode.POW};
        boolean[] both = {false, true};
        for (NodeSpec.OpCode operation : operations) {
            for (boolean leftScalar : both) {
                for (boolean rightScalar : both) {
                    for (boolean leftIsData : both) {
                        for (boolean rightIsData : both) {
                            cases.add(new Case(operation, leftScalar, rightScalar, leftIsData, rightIsData));
                        }
                    }
                }
            }
        }
        return cases;
    }

    static double value(NodeSpec.OpCode operation, double a, double b) {
        return switch (operation) {
            case ADD -> a + b;
            case SUBTRACT -> a - b;
            case MULTIPLY -> a * b;
            case DIVIDE -> a / b;
            case POW -> Math.pow(a, b);
            default -> throw new IllegalArgumentException(operation.name());
        };
    }

    static double leftPartial(NodeSpec.OpCode operation, double a, double b) {
        return switch (operation) {
            case ADD, SUBTRACT -> 1;
            case MULTIPLY -> b;
            case DIVIDE -> 1 / b;
            case POW -> b * Math.pow(a, b - 1);
            default -> throw new IllegalArgumentException(operation.name());
        };
    }

    static double rightPartial(NodeSpec.OpCode operation, double a, double b) {
        return switch (operation) {
            case ADD -> 1;
            case SUBTRACT -> -1;
            case MULTIPLY -> a;
            case DIVIDE -> -a / (b * b);
            case POW -> Math.pow(a, b) * Math.log(a);
            default -> throw new IllegalArgumentException(operation.name());
        };
    }

    @ParameterizedTest
    @MethodSource("cases")
    void valuesAndAdjointsMatchMemberByMemberFormulas(Case c) {
        int size = c.leftScalar() && c.rightScalar() ? 1 : SIZE;
        BinaryOp op = new BinaryOp("f", c.operation(), new PlateArgument(LEFT, c.leftScalar(), !c.leftIsData()),
                new PlateArgument(RIGHT, c.rightScalar(), !c.rightIsData()), OUT, size);
        SplittableRandom random = new SplittableRandom(c.hashCode());
        for (int trial = 0; trial < 50; trial++) {
            double[] v = new double[BUFFER];
            for (int i = 0; i < 2 * SIZE; i++) {
                // Positive bases keep powers real; values away from 0 keep quotients tame.
                v[i] = random.nextDouble(0.3, 3);
            }
            op.forward(v);
            double[] outputAdjoints = random.doubles(size, -1, 1).toArray();
            double[] adj = random.doubles(BUFFER, -1, 1).toArray();
            System.arraycopy(outputAdjoints, 0, adj, OUT, size);
            double[] expected = adj.clone();
            for (int i = 0; i < size; i++) {
                int l = LEFT + (c.leftScalar() ? 0 : i);
                int r = RIGHT + (c.rightScalar() ? 0 : i);
                double a = v[l];
                double b = v[r];
                assertEquals(value(c.operation(), a, b), v[OUT + i], 1e-15 * Math.abs(v[OUT + i]), c + " value " + i);
                if (!c.leftIsData()) {
                    expected[l] += outputAdjoints[i] * leftPartial(c.operation(), a, b);
                }
                if (!c.rightIsData()) {
                    expected[r] += outputAdjoints[i] * rightPartial(c.operation(), a, b);
                }
            }
            op.backward(v, adj, new double[4]);
            for (int slot = 0; slot < BUFFER; slot++) {
                assertEquals(expected[slot], adj[slot], 1e-12 * Math.max(1, Math.abs(expected[slot])),
                        c + " trial " + trial + " adjoint of slot " + slot);
            }
        }
    }
}
