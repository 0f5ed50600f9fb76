package org.muster.core.api.distributions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;
import org.muster.core.api.transforms.Transform;

/**
 * One buffer laid out as a compiled graph would: value, arguments and scratch at non-zero offsets
 * with NaN padding between them, so a kernel reading or writing outside its blocks shows up.
 */
final class KernelBuffer {

    private static final int PAD = 2;

    final MultivariateDistribution kernel;
    final double[] buffer;
    final int valueOffset;
    final int valueSize;
    final int[] argOffsets;
    final int[] argSizes;
    final int scratchOffset;
    final int scratchSize;

    KernelBuffer(MultivariateDistribution kernel, double[] value, double[]... args) {
        this.kernel = kernel;
        this.valueSize = value.length;
        this.argSizes = new int[args.length];
        for (int i = 0; i < args.length; i++) {
            argSizes[i] = args[i].length;
        }
        this.scratchSize = kernel.scratchSize(valueSize, argSizes);
        int length = PAD + valueSize + PAD;
        for (double[] arg : args) {
            length += arg.length + PAD;
        }
        length += scratchSize + PAD;
        buffer = new double[length];
        Arrays.fill(buffer, Double.NaN);
        int next = PAD;
        valueOffset = next;
        System.arraycopy(value, 0, buffer, next, valueSize);
        next += valueSize + PAD;
        argOffsets = new int[args.length];
        for (int i = 0; i < args.length; i++) {
            argOffsets[i] = next;
            System.arraycopy(args[i], 0, buffer, next, args[i].length);
            next += args[i].length + PAD;
        }
        scratchOffset = next;
    }

    double logDensity() {
        double[] before = buffer.clone();
        double result = kernel.logDensity(buffer, valueOffset, valueSize, argOffsets, argSizes,
                scratchOffset);
        assertUntouchedOutsideScratch(before);
        return result;
    }

    /** The gradient, added to an adjoint prefilled with 1 (checked to be added, not assigned). */
    double[] gradient(double weight) {
        double[] before = buffer.clone();
        double[] adjoint = new double[buffer.length];
        Arrays.fill(adjoint, 1.0);
        double withGradient = kernel.logDensityGradient(buffer, valueOffset, valueSize, argOffsets,
                argSizes, scratchOffset, adjoint, weight);
        assertUntouchedOutsideScratch(before);
        assertEquals(logDensity(), withGradient, 0.0, "logDensityGradient returns the log density");
        for (int i = 0; i < adjoint.length; i++) {
            adjoint[i] -= 1.0;
        }
        return adjoint;
    }

    private void assertUntouchedOutsideScratch(double[] before) {
        for (int i = 0; i < buffer.length; i++) {
            if (i < scratchOffset || i >= scratchOffset + scratchSize) {
                assertEquals(before[i], buffer[i], 0.0, "buffer entry " + i + " modified");
            }
        }
    }

    /** Central difference of the log density in buffer entry {@code index}. */
    double finiteDifference(int index, double step) {
        double saved = buffer[index];
        buffer[index] = saved + step;
        double up = logDensity();
        buffer[index] = saved - step;
        double down = logDensity();
        buffer[index] = saved;
        return (up - down) / (2 * step);
    }

    /**
     * Checks the gradient in the block at {@code offset} along a constrained set: for
     * {@code f(x) = logDensity(transform(x))}, finite differences in x must equal the transform's
     * reverse step applied to the kernel's gradient there.
     */
    void assertGradientAlongTransform(Transform transform, int offset, int size, double[] x) {
        int free = transform.freeSize(size);
        double[] y = new double[size];
        ToDoubleFunction<double[]> composed = point -> {
            transform.constrain(point, 0, buffer, offset, size);
            return logDensity();
        };
        double[] saved = Arrays.copyOfRange(buffer, offset, offset + size);
        transform.constrain(x, 0, y, 0, size);
        System.arraycopy(y, 0, buffer, offset, size);
        double[] kernelGradient = Arrays.copyOfRange(gradient(1.0), offset, offset + size);
        double[] chained = new double[free];
        transform.backward(x, 0, y, 0, kernelGradient, 0, chained, 0, size, 0.0);
        for (int i = 0; i < free; i++) {
            double step = 1e-6;
            double[] plus = x.clone();
            double[] minus = x.clone();
            plus[i] += step;
            minus[i] -= step;
            double difference = (composed.applyAsDouble(plus) - composed.applyAsDouble(minus)) / (2 * step);
            assertRelative(difference, chained[i], 1e-6, "d/dx" + i + " through " + transform.name());
        }
        System.arraycopy(saved, 0, buffer, offset, size);
    }

    /** Checks the gradient against central differences at the given buffer entries. */
    void assertGradientMatchesFiniteDifferences(int... indices) {
        double weight = 0.7;
        double[] gradient = gradient(weight);
        for (int index : indices) {
            double step = 1e-6 * Math.max(1.0, Math.abs(buffer[index]));
            assertRelative(weight * finiteDifference(index, step), gradient[index], 1e-6,
                    "gradient entry " + index);
        }
    }

    static void assertRelative(double expected, double actual, double tolerance, String what) {
        double scale = Math.max(1.0, Math.max(Math.abs(expected), Math.abs(actual)));
        assertTrue(Math.abs(expected - actual) <= tolerance * scale,
                () -> what + ": expected " + expected + " but was " + actual);
    }
}
