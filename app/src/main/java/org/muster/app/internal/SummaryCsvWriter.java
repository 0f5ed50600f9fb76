package org.muster.app.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.muster.diagnostics.api.StanCsv;
import org.muster.diagnostics.api.SummaryRow;
import org.muster.diagnostics.api.WholeFile;

/**
 * Writes {@code summary.csv}: one row per variable, numbers at full precision, {@code NaN} where a
 * diagnostic is undefined.
 */
public final class SummaryCsvWriter {

    /** The header: the posterior summary, then Monte Carlo errors and convergence diagnostics. */
    public static final String HEADER = "variable,mean,sd,q5,q50,q95,mcse_mean,mcse_sd,rhat,ess_bulk,ess_tail";

    public Path write(Path directory, List<SummaryRow> rows) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve("summary.csv");
        WholeFile.write(file, out -> {
            out.write(HEADER);
            out.write('\n');
            for (SummaryRow row : rows) {
                out.write(StanCsv.headerCell(row.variable()) + "," + row.mean() + "," + row.sd() + "," + row.q5() + "," + row.q50()
                        + "," + row.q95() + "," + row.mcseMean() + "," + row.mcseSd() + "," + row.rhat() + ","
                        + row.essBulk() + "," + row.essTail() + "\n");
            }
        });
        return file;
    }
}
