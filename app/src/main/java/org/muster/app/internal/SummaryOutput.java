package org.muster.app.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.muster.app.api.FitOutcome;
import org.muster.app.api.Outcome;
import org.muster.app.api.OutputWriter;
import org.muster.core.api.PosteriorDraws;
import org.muster.core.api.VariationalFit;
import org.muster.diagnostics.api.PosteriorSummary;

/** The summary files of a fit with draws: {@code summary.csv} and {@code summary.json}. */
public final class SummaryOutput implements OutputWriter {

    private final SummaryCsvWriter csv = new SummaryCsvWriter();
    private final SummaryJsonWriter json = new SummaryJsonWriter();

    /** Writes both files for a fit with draws; nothing for other outcomes. */
    @Override
    public List<Path> write(Path directory, Outcome outcome) throws IOException {
        if (!(outcome instanceof FitOutcome fit) || !fit.hasDraws()) {
            return List.of();
        }
        java.nio.file.Files.createDirectories(directory);
        Optional<VariationalFit> variational = fit.fit() instanceof VariationalFit v ? Optional.of(v) : Optional.empty();
        return List.of(csv.write(directory, fit.summary().rows()),
                json.write(directory, fit.draws().methodId(), fit.summary(), fit.draws().chains(), variational));
    }

    /** Writes both files for draws and their summary (as {@code muster diagnose} reads them back), into a folder created if missing. */
    public List<Path> write(Path directory, PosteriorDraws draws, PosteriorSummary summary) throws IOException {
        java.nio.file.Files.createDirectories(directory);
        return List.of(csv.write(directory, summary.rows()), json.write(directory, draws.methodId(), summary, draws.chains()));
    }
}
