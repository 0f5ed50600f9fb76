package org.muster.models.spi;

import java.util.List;

/**
 * Which unit each data row belongs to.
 *
 * @param count number of units J
 * @param index the 0-based unit of each row
 * @param labels a label per unit, for output
 */
public record UnitIndex(int count, int[] index, List<String> labels) {

    public UnitIndex {
        index = index.clone();
        labels = List.copyOf(labels);
        if (labels.size() != count) {
            throw new IllegalArgumentException(count + " units but " + labels.size() + " labels");
        }
    }

    @Override
    public int[] index() {
        return index.clone();
    }

    /** Whether every row is its own unit, in order (no {@code group} column). */
    public boolean oneRowPerUnit() {
        if (index.length != count) {
            return false;
        }
        for (int i = 0; i < index.length; i++) {
            if (index[i] != i) {
                return false;
            }
        }
        return true;
    }

    /**
     * Sums a row-level quantity per unit.
     *
     * @param values one per row, not modified
     */
    public double[] sumByUnit(double[] values) {
        double[] out = new double[count];
        for (int i = 0; i < index.length; i++) {
            out[index[i]] += values[i];
        }
        return out;
    }

    /** As {@link #sumByUnit(double[])} for integer values. */
    public double[] sumByUnit(int[] values) {
        double[] out = new double[count];
        for (int i = 0; i < index.length; i++) {
            out[index[i]] += values[i];
        }
        return out;
    }
}
