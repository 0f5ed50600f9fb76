package org.muster.models.internal;

import java.util.Optional;
import org.muster.models.spi.UnitIndex;

/**
 * The data rows of units with several rows each, reduced to one row per unit: for a likelihood whose
 * rows of one unit combine exactly into one (binomial rows into the sums of successes and trials, Poisson
 * rows into the sums of counts and exposures, normal estimates with known errors into their
 * precision-weighted mean), the reduced model has the posterior of the rows' model, its log density
 * differing by a constant, at a cost per unit instead of per row.
 */
final class UnitRows {

    private final UnitIndex rows;
    private final UnitIndex reduced;
    private final int[] unitOfRow;

    private UnitRows(UnitIndex rows, UnitIndex reduced, int[] unitOfRow) {
        this.rows = rows;
        this.reduced = reduced;
        this.unitOfRow = unitOfRow;
    }

    /** The reduction of rows, or empty when no unit has more than one row (then there is nothing to gain). */
    static Optional<UnitRows> of(UnitIndex rows) {
        int[] index = rows.index();
        int[] count = new int[rows.count()];
        boolean several = false;
        for (int unit : index) {
            several |= ++count[unit] > 1;
        }
        if (!several) {
            return Optional.empty();
        }
        int withRows = 0;
        for (int c : count) {
            withRows += c > 0 ? 1 : 0;
        }
        // one row per unit that has rows, in unit order; a unit without rows adds nothing to the likelihood
        int[] unitOfRow = new int[withRows];
        int k = 0;
        for (int unit = 0; unit < count.length; unit++) {
            if (count[unit] > 0) {
                unitOfRow[k++] = unit;
            }
        }
        return Optional.of(new UnitRows(rows, new UnitIndex(rows.count(), unitOfRow, rows.labels()), unitOfRow));
    }

    /** The units of the reduced rows: one row per unit that has rows. */
    UnitIndex units() {
        return reduced;
    }

    /** A row-level quantity summed per reduced row. @param values one per original row, not modified */
    double[] sum(double[] values) {
        double[] byUnit = rows.sumByUnit(values);
        double[] out = new double[unitOfRow.length];
        for (int r = 0; r < out.length; r++) {
            out[r] = byUnit[unitOfRow[r]];
        }
        return out;
    }

    /**
     * As {@link #sum(double[])} for counts, or empty if a sum is past {@link Integer#MAX_VALUE} (then the
     * rows are kept as they are).
     *
     * @param values one per original row, not modified
     */
    Optional<int[]> sum(int[] values) {
        double[] byUnit = rows.sumByUnit(values);
        int[] out = new int[unitOfRow.length];
        for (int r = 0; r < out.length; r++) {
            double total = byUnit[unitOfRow[r]];
            if (total > Integer.MAX_VALUE) {
                return Optional.empty();
            }
            out[r] = (int) total;
        }
        return Optional.of(out);
    }
}
