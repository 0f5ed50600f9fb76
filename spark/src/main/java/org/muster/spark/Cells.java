package org.muster.spark;

import java.math.BigDecimal;
import org.apache.spark.sql.Row;

/** Spark values as the text cells of a data file, so a segment reads as it would from a CSV file. */
final class Cells {

    private Cells() {
    }

    /** The cell of column {@code index}: empty for null, numbers exactly as Java writes them. */
    static String text(Row row, int index) {
        if (row.isNullAt(index)) {
            return "";
        }
        Object value = row.get(index);
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return value.toString();
    }
}
