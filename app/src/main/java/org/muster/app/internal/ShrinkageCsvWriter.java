package org.muster.app.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.muster.app.api.FitOutcome;
import org.muster.app.api.Outcome;
import org.muster.app.api.OutputWriter;
import org.muster.diagnostics.api.StanCsv;
import org.muster.diagnostics.api.WholeFile;
import org.muster.models.api.ShrinkageRow;
import org.muster.models.api.ShrinkageTable;

/** Writes {@code shrinkage.csv}: one row per unit, numbers at full precision, empty cells for undefined values. */
public final class ShrinkageCsvWriter implements OutputWriter {

    /** The header. */
    public static final String HEADER = "unit,variable,raw,mean,q5,q95,population_mean,shrinkage";

    /** Writes the table of a fit whose model has units; nothing for other outcomes. */
    @Override
    public List<Path> write(Path directory, Outcome outcome) throws IOException {
        if (outcome instanceof FitOutcome fit && fit.shrinkage().isPresent()) {
            return List.of(write(directory, fit.shrinkage().get()));
        }
        return List.of();
    }

    public Path write(Path directory, ShrinkageTable table) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve("shrinkage.csv");
        WholeFile.write(file, out -> {
            // the units' sizes only where the family gives them, so other families' files keep their columns
            boolean sizes = table.rows().stream().anyMatch(r -> r.n() >= 0);
            out.write(HEADER + (sizes ? ",n" : ""));
            out.write('\n');
            for (ShrinkageRow row : table.rows()) {
                out.write(StanCsv.headerCell(row.unit()) + "," + StanCsv.headerCell(row.variable()) + "," + number(row.raw()) + ","
                        + number(row.mean()) + "," + number(row.q5()) + "," + number(row.q95()) + ","
                        + number(row.populationMean()) + "," + number(row.shrinkage())
                        + (sizes ? "," + (row.n() >= 0 ? Integer.toString(row.n()) : "") : "") + "\n");
            }
        });
        return file;
    }

    private static String number(double value) {
        return Double.isFinite(value) ? Double.toString(value) : "";
    }
}
