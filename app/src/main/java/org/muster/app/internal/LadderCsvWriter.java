package org.muster.app.internal;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.muster.app.api.LadderOutcome;
import org.muster.app.api.Outcome;
import org.muster.app.api.OutputWriter;
import org.muster.diagnostics.api.StanCsv;
import org.muster.diagnostics.api.WholeFile;

/**
 * Writes {@code ladder.csv}: {@code variable,unit,} then one column per rung (no_pooling,
 * complete_pooling, moments where it applies, map, eb, map2, nuts); hyperparameters first, then every
 * unit. A rung without such a value has an empty cell.
 */
public final class LadderCsvWriter implements OutputWriter {

    /** Writes the ladder's table; nothing for other outcomes. */
    @Override
    public List<Path> write(Path directory, Outcome outcome) throws IOException {
        if (!(outcome instanceof LadderOutcome ladder)) {
            return List.of();
        }
        Path file = directory.resolve("ladder.csv");
        Files.createDirectories(directory);
        WholeFile.write(file, out -> {
            StringBuilder header = new StringBuilder("variable,unit");
            for (LadderOutcome.Rung rung : ladder.rungs()) {
                header.append(',').append(rung.id());
            }
            out.write(header.append('\n').toString());
            for (LadderOutcome.Row row : ladder.hyperparameters()) {
                write(out, row);
            }
            for (LadderOutcome.Row row : ladder.units()) {
                write(out, row);
            }
        });
        return List.of(file);
    }

    private static void write(Writer out, LadderOutcome.Row row) throws IOException {
        StringBuilder line = new StringBuilder(row.variable()).append(',').append(StanCsv.headerCell(row.unit()));
        for (double v : row.values()) {
            line.append(',').append(Double.isFinite(v) ? Double.toString(v) : "");
        }
        out.write(line.append('\n').toString());
    }
}
