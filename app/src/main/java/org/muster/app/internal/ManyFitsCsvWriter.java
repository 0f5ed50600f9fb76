package org.muster.app.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.muster.app.api.CalibrationRow;
import org.muster.app.api.SegmentSummaryRow;
import org.muster.app.api.SegmentWarningRow;
import org.muster.diagnostics.api.WholeFile;

/**
 * Writes the tables of many fits: {@code summaries.csv} and {@code warnings.csv} of {@code muster batch},
 * {@code sbc.csv} of {@code muster sbc}. Numbers at full precision (they read back to the same double),
 * {@code NaN} where a value is undefined; text quoted as RFC 4180 says when it holds a comma, a quote or a
 * line break. Each file is written whole (through a temporary file renamed into place).
 */
public final class ManyFitsCsvWriter {

    /** {@code summaries.csv}: one row per segment and variable, or one error row per bad segment. */
    public Path writeSummaries(Path directory, List<SegmentSummaryRow> rows) throws IOException {
        return write(directory.resolve("summaries.csv"), SegmentSummaryRow.COLUMNS, out -> {
            for (SegmentSummaryRow row : rows) {
                out.write(cell(row.segment()) + "," + cell(row.variable()) + "," + row.mean() + "," + row.sd() + ","
                        + row.q5() + "," + row.q50() + "," + row.q95() + "," + row.rhat() + "," + row.essBulk() + ","
                        + row.essTail() + "," + cell(row.error()) + "\n");
            }
        });
    }

    /** {@code warnings.csv}: the diagnostics' warnings of each segment's fit, and each segment's error. */
    public Path writeWarnings(Path directory, List<SegmentWarningRow> rows) throws IOException {
        return write(directory.resolve("warnings.csv"), SegmentWarningRow.COLUMNS, out -> {
            for (SegmentWarningRow row : rows) {
                out.write(cell(row.segment()) + "," + cell(row.kind()) + "," + cell(row.variables()) + ","
                        + cell(row.message()) + "\n");
            }
        });
    }

    /** {@code sbc.csv}: one row per simulation and parameter. */
    public Path writeCalibration(Path directory, List<CalibrationRow> rows) throws IOException {
        return write(directory.resolve("sbc.csv"), CalibrationRow.COLUMNS, out -> {
            for (CalibrationRow row : rows) {
                out.write(row.simulation() + "," + row.seed() + "," + cell(row.variable()) + "," + row.truth() + ","
                        + row.rank() + "," + row.draws() + "," + row.thin() + "," + row.fraction() + "," + row.mean() + ","
                        + row.sd() + "," + row.rhat() + "," + row.essBulk() + "," + row.essTail() + "," + row.divergent()
                        + "\n");
            }
        });
    }

    /**
     * A table of failures, e.g. {@code errors.csv} of the simulations that gave no ranks.
     *
     * @param rows cells as text, one per column
     */
    public Path writeTable(Path file, List<String> columns, List<List<String>> rows) throws IOException {
        return write(file, columns, out -> {
            for (List<String> row : rows) {
                out.write(String.join(",", row.stream().map(ManyFitsCsvWriter::cell).toList()) + "\n");
            }
        });
    }

    /** A CSV cell: quoted when it holds a comma, a double quote or a line break. */
    public static String cell(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    /** Writes the header and the body through a temporary file renamed into place. */
    private static Path write(Path file, List<String> columns, WholeFile.Body body) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return WholeFile.write(file, out -> {
            out.write(String.join(",", columns));
            out.write('\n');
            body.write(out);
        });
    }
}
