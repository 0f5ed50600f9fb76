package org.muster.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.muster.app.api.FitSpec;
import org.muster.app.api.Segment;
import org.muster.app.api.SegmentFits;
import org.muster.app.api.SegmentSummaryRow;

/**
 * One Spark task of {@code fitEach}: its rows arrive sorted by segment and then by their place in the table, so
 * each run of equal keys is one segment, fitted by {@link SegmentFits} as {@code muster batch} fits it.
 */
final class FitEachTask implements MapPartitionsFunction<Row, Row> {

    private static final long serialVersionUID = 1L;

    private final FitSpec spec;
    private final int byColumn;
    private final int rowColumn;
    private final List<String> dataColumns;
    private final int[] dataIndexes;

    /**
     * @param byColumn the index of the segment column in the rows
     * @param rowColumn the index of the row number (from 1) in the rows
     * @param dataColumns the names of the data columns, in table order
     * @param dataIndexes their indexes in the rows; not modified (copied)
     */
    FitEachTask(FitSpec spec, int byColumn, int rowColumn, List<String> dataColumns, int[] dataIndexes) {
        this.spec = spec;
        this.byColumn = byColumn;
        this.rowColumn = rowColumn;
        this.dataColumns = List.copyOf(dataColumns);
        this.dataIndexes = dataIndexes.clone();
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        SegmentFits fits = SegmentFits.of(spec);
        return new Iterator<>() {
            private Row pending = rows.hasNext() ? rows.next() : null;
            private Iterator<Row> current = java.util.Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && pending != null) {
                    current = nextSegment().iterator();
                }
                return current.hasNext();
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                return current.next();
            }

            /** Reads the rows of the next key and fits them: one segment at a time is in memory. */
            private List<Row> nextSegment() {
                String key = Cells.text(pending, byColumn).trim();
                List<String[]> cells = new ArrayList<>();
                List<Integer> lines = new ArrayList<>();
                while (pending != null && Cells.text(pending, byColumn).trim().equals(key)) {
                    String[] row = new String[dataIndexes.length];
                    for (int c = 0; c < row.length; c++) {
                        row[c] = Cells.text(pending, dataIndexes[c]);
                    }
                    cells.add(row);
                    lines.add((int) Math.min(Integer.MAX_VALUE, pending.getLong(rowColumn)));
                    pending = rows.hasNext() ? rows.next() : null;
                }
                Segment segment = Segment.of("the table", key, dataColumns, cells,
                        lines.stream().mapToInt(Integer::intValue).toArray());
                List<Row> out = new ArrayList<>();
                for (SegmentSummaryRow row : fits.fit(segment).summaryRows()) {
                    out.add(Schemas.row(row));
                }
                return out;
            }
        };
    }
}
