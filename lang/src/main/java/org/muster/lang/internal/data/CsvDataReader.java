package org.muster.lang.internal.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.muster.lang.internal.text.Position;
import org.muster.lang.internal.text.SourceText;
import org.muster.models.api.Dataset;
import org.muster.models.api.DatasetReader;

/**
 * Reads a CSV (or tab-separated) file as data: each column is a vector named by its header, with
 * {@code NA} or an empty cell for a missing value. The file is split by the models module's reader.
 */
public final class CsvDataReader {

    private CsvDataReader() {
    }

    /**
     * The columns of a delimited file as vectors.
     *
     * @throws IllegalArgumentException naming the file, line and column of a cell that is not a number or NA
     */
    public static DataTable read(Path path, SourceText source) {
        Dataset dataset = DatasetReader.read(path);
        DataTable table = new DataTable();
        int headerLine = firstNonBlankLine(source);
        for (String column : dataset.columns()) {
            List<String> cells = dataset.text(column);
            double[] values = new double[cells.size()];
            for (int r = 0; r < values.length; r++) {
                String cell = cells.get(r).trim();
                if (cell.isEmpty() || cell.equals("NA") || cell.equals(".")) {
                    values[r] = Double.NaN;
                    continue;
                }
                try {
                    values[r] = switch (cell.toUpperCase(Locale.ROOT)) {
                        case "TRUE" -> 1;
                        case "FALSE" -> 0;
                        default -> Double.parseDouble(cell);
                    };
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(dataset.cellError(r, column, cell, "a number or NA").getMessage());
                }
            }
            int columnNumber = source.line(headerLine).indexOf(column) + 1;
            table.add(DataArray.numeric(column, new int[] {values.length}, values, source,
                    new Position(headerLine, Math.max(1, columnNumber), column.length())));
        }
        return table;
    }

    private static int firstNonBlankLine(SourceText source) {
        for (int line = 1; ; line++) {
            String text = source.line(line);
            if (!text.isBlank() || line > 10_000) {
                return line;
            }
        }
    }
}
