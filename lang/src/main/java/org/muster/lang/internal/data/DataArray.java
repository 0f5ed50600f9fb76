package org.muster.lang.internal.data;

import java.util.Arrays;
import org.muster.lang.internal.text.Position;
import org.muster.lang.internal.text.SourceText;

/**
 * One variable of a data or initial-values file: its dimensions and values in R's (and JAGS's)
 * column-major order, {@code NaN} for {@code NA}; or, for a string such as {@code .RNG.name}, its text.
 *
 * @param name the variable's name
 * @param dimensions the extent of each dimension; empty for a scalar, one entry for a vector
 * @param values column-major values, {@code NaN} where the file has {@code NA}; empty for a string
 * @param text the value of a string variable, else null
 * @param source the file it was read from
 * @param position where its name is in that file
 */
public record DataArray(String name, int[] dimensions, double[] values, String text, SourceText source,
        Position position) {

    public DataArray {
        dimensions = dimensions.clone();
        values = values.clone();
    }

    /** A numeric array. @param values not modified (copied) */
    public static DataArray numeric(String name, int[] dimensions, double[] values, SourceText source, Position position) {
        return new DataArray(name, dimensions, values, null, source, position);
    }

    /** Number of values. */
    public int size() {
        return values.length;
    }

    /** Whether this is a string rather than numbers. */
    public boolean isText() {
        return text != null;
    }

    /** A copy of the dimensions. */
    @Override
    public int[] dimensions() {
        return dimensions.clone();
    }

    /** A copy of the values. */
    @Override
    public double[] values() {
        return values.clone();
    }

    /** Value number {@code i} (0-based, column-major) without copying. */
    public double value(int i) {
        return values[i];
    }

    /** The dimensions as BUGS writes them: {@code scalar}, {@code [8]}, {@code [30,5]}. */
    public String describeDimensions() {
        if (dimensions.length == 0) {
            return "a scalar";
        }
        return (dimensions.length == 1 ? "a vector " : "an array ") + Arrays.toString(dimensions).replace(" ", "");
    }

    /** The R name of member {@code i} (0-based, column-major): {@code y[3]}, {@code Y[2,5]}, or the name for a scalar. */
    public String memberName(int i) {
        return memberName(name, dimensions, i);
    }

    /** The R name of member {@code i} (0-based, column-major) of an array of these dimensions. */
    public static String memberName(String name, int[] dimensions, int i) {
        if (dimensions.length == 0) {
            return name;
        }
        StringBuilder s = new StringBuilder(name).append('[');
        int rest = i;
        for (int d = 0; d < dimensions.length; d++) {
            if (d > 0) {
                s.append(',');
            }
            s.append(rest % dimensions[d] + 1);
            rest /= dimensions[d];
        }
        return s.append(']').toString();
    }
}
