package org.muster.app.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.muster.core.api.PosteriorDraws;
import org.muster.diagnostics.api.PosteriorSummary;

/** The files {@code --output DIR} writes for a summarized fit: {@code summary.csv} and {@code summary.json}. */
public final class SummaryOutput {

    private final SummaryCsvWriter csv = new SummaryCsvWriter();
    private final SummaryJsonWriter json = new SummaryJsonWriter();

    /**
     * Writes both files into a directory, created if missing.
     *
     * @return the files written
     * @throws UncheckedIOException naming the directory if it cannot be written
     */
    public List<Path> write(Path directory, PosteriorDraws fit, PosteriorSummary summary) {
        try {
            List<Path> files = new ArrayList<>();
            files.add(csv.write(directory, summary.rows()));
            files.add(json.write(directory, fit.methodId(), summary, fit.chains(), fit.conditionalMeans()));
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + directory + ": " + e.getMessage(), e);
        }
    }
}
