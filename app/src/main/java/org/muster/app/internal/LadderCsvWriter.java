package org.muster.app.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.muster.diagnostics.api.StanCsv;

/**
 * Writes {@code ladder.csv}: {@code variable,unit,} then one column per rung (no_pooling,
 * complete_pooling, moments where it applies, map, eb, map2, nuts); hyperparameters first, then every
 * unit. A rung without such a value has an empty cell.
 */
public final class LadderCsvWriter {

    /**
     * @return the file written
     * @throws UncheckedIOException naming the directory if it cannot be written
     */
    public Path write(Path directory, LadderService.Ladder ladder) {
        Path file = directory.resolve("ladder.csv");
        try {
            Files.createDirectories(directory);
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                StringBuilder header = new StringBuilder("variable,unit");
                for (LadderService.Rung rung : ladder.rungs()) {
                    header.append(',').append(rung.id());
                }
                out.write(header.append('\n').toString());
                for (LadderService.Row row : ladder.hyperparameters()) {
                    write(out, row);
                }
                for (LadderService.Row row : ladder.units()) {
                    write(out, row);
                }
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + directory + ": " + e.getMessage(), e);
        }
    }

    private static void write(Writer out, LadderService.Row row) throws IOException {
        StringBuilder line = new StringBuilder(row.variable()).append(',').append(StanCsv.headerCell(row.unit()));
        for (double v : row.values()) {
            line.append(',').append(Double.isFinite(v) ? Double.toString(v) : "");
        }
        out.write(line.append('\n').toString());
    }
}
