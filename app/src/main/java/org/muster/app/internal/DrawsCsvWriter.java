package org.muster.app.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.muster.core.api.Draws;
import org.muster.diagnostics.api.StanCsv;
import org.muster.diagnostics.api.WholeFile;

/** Writes draws as a plain CSV: a header of variable names, then one row per draw, chain after chain. */
public final class DrawsCsvWriter {

    /**
     * Writes {@code name} into a directory, created if missing.
     *
     * @return the file written
     */
    public Path write(Path directory, String name, Draws draws) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve(name);
        WholeFile.write(file, out -> {
            for (int v = 0; v < draws.variables().size(); v++) {
                out.write((v == 0 ? "" : ",") + StanCsv.headerCell(draws.variables().get(v)));
            }
            out.write('\n');
            StringBuilder line = new StringBuilder();
            double[] row = new double[draws.variables().size()];
            for (int c = 0; c < draws.chains(); c++) {
                for (int t = 0; t < draws.iterations(); t++) {
                    line.setLength(0);
                    draws.row(c, t, row);
                    for (int v = 0; v < row.length; v++) {
                        line.append(v == 0 ? "" : ",").append(row[v]);
                    }
                    out.write(line.append('\n').toString());
                }
            }
        });
        return file;
    }
}
