package org.muster.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.muster.core.api.distributions.Normal;

/**
 * The plate-level normal op against the generic op over the kernel's scalar methods, on the same
 * buffer: every combination of broadcast and per-member mean and scale, of parameter and data
 * arguments, with valid and invalid members.
 */
class NormalDensityOpTest {

    private static final int SIZE = 7;
    // Buffer layout: values, mean vector, mean scalar, scale vector, scale scalar, zero, the op's slots.
    private static final int VALUES = 0;
    private static final int MEAN_VECTOR = SIZE;
    private static final int MEAN_SCALAR = 2 * SIZE;
    private static final int SCALE_VECTOR = 2 * SIZE + 1;
    private static final int SCALE_SCALAR = 3 * SIZE + 1;
    private static final int ZERO = 3 * SIZE + 2;
    private static final int SLOTS = 3 * SIZE + 3;
    private static final int BUFFER = SLOTS + NormalDensityOp.SLOTS;

    enum ScaleKind { BROADCAST_PARAMETER, BROADCAST_DATA, MEMBER_PARAMETER, MEMBER_DATA }

    record Case(boolean meanBroadcast, boolean meanIsData, ScaleKind scale, boolean valueIsData) {
    }

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (boolean meanBroadcast : new boolean[] {true, false}) {
            for (boolean meanIsData : new boolean[] {true, false}) {
                for (ScaleKind scale : ScaleKind.values()) {
                    for (boolean valueIsData : new boolean[] {true, false}) {
                        cases.add(new Case(meanBroadcast, meanIsData, scale, valueIsData));
                    }
                }
            }
        }
        return cases;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesGenericOpOnValidArguments(Case c) {
        compare(c, 0.0, 1);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesGenericOpWhenSomeArgumentIsInvalid(Case c) {
        compare(c, 0.15, 2);
    }

    /** Compares log density and adjoints at 300 random buffers; each entry is invalid with {@code invalidRate}. */
    private static void compare(Case c, double invalidRate, long seed) {
        boolean scaleBroadcast = c.scale() == ScaleKind.BROADCAST_PARAMETER || c.scale() == ScaleKind.BROADCAST_DATA;
        boolean scaleIsData = c.scale() == ScaleKind.BROADCAST_DATA || c.scale() == ScaleKind.MEMBER_DATA;
        int mean = c.meanBroadcast() ? MEAN_SCALAR : MEAN_VECTOR;
        int scale = scaleBroadcast ? SCALE_SCALAR : SCALE_VECTOR;
        UnivariateDensityOp generic = new UnivariateDensityOp("y", Normal.INSTANCE, SIZE, VALUES,
                new int[] {mean, scale, ZERO}, new int[] {c.meanBroadcast() ? 0 : 1, scaleBroadcast ? 0 : 1, 0});
        SplittableRandom random = new SplittableRandom(seed);
        int invalidTrials = 0;
        for (int trial = 0; trial < 300; trial++) {
            double[] v = new double[BUFFER];
            for (int i = 0; i < SIZE; i++) {
                v[VALUES + i] = entry(random, random.nextDouble(-4, 4), invalidRate);
                v[MEAN_VECTOR + i] = entry(random, random.nextDouble(-2, 2), invalidRate);
                v[SCALE_VECTOR + i] = entry(random, random.nextDouble(0.2, 3), invalidRate);
            }
            v[MEAN_SCALAR] = entry(random, random.nextDouble(-2, 2), invalidRate);
            v[SCALE_SCALAR] = entry(random, random.nextDouble(0.2, 3), invalidRate);
            double[] dataScale = scaleIsData ? Arrays.copyOfRange(v, scale, scale + (scaleBroadcast ? 1 : SIZE)) : null;
            NormalDensityOp fast = new NormalDensityOp(generic, SIZE, new PlateArgument(VALUES, false, !c.valueIsData()),
                    new PlateArgument(mean, c.meanBroadcast(), !c.meanIsData()),
                    new PlateArgument(scale, scaleBroadcast, !scaleIsData), dataScale, SLOTS);

            double expected = generic.forward(v.clone());
            double actual = fast.forward(v);
            assertEquals(expected, actual, 1e-12 * Math.abs(expected), c + " trial " + trial);
            if (expected == Double.NEGATIVE_INFINITY) {
                invalidTrials++;
            }

            double[] start = random.doubles(BUFFER, -1, 1).toArray();
            double[] expectedAdjoints = start.clone();
            double[] actualAdjoints = start.clone();
            generic.backward(v, expectedAdjoints, new double[4]);
            fast.backward(v, actualAdjoints, new double[4]);
            List<Integer> checked = new ArrayList<>();
            if (!c.valueIsData()) {
                addRange(checked, VALUES, SIZE);
            }
            if (!c.meanIsData()) {
                addRange(checked, mean, c.meanBroadcast() ? 1 : SIZE);
            }
            if (!scaleIsData) {
                addRange(checked, scale, scaleBroadcast ? 1 : SIZE);
            }
            for (int slot : checked) {
                assertEquals(expectedAdjoints[slot], actualAdjoints[slot], 1e-12 * Math.max(1, Math.abs(expectedAdjoints[slot])),
                        c + " trial " + trial + " adjoint of slot " + slot);
            }
        }
        if (invalidRate > 0) {
            assertEquals(true, invalidTrials > 50, "only " + invalidTrials + " trials had an invalid member");
        }
    }

    private static double entry(SplittableRandom random, double valid, double invalidRate) {
        if (random.nextDouble() >= invalidRate) {
            return valid;
        }
        double[] invalid = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -1.5};
        return invalid[random.nextInt(invalid.length)];
    }

    private static void addRange(List<Integer> slots, int offset, int size) {
        for (int i = 0; i < size; i++) {
            slots.add(offset + i);
        }
    }
}
