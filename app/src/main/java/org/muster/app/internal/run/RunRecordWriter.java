package org.muster.app.internal.run;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.muster.app.api.FitOutcome;
import org.muster.app.api.LadderOutcome;
import org.muster.app.api.Outcome;
import org.muster.app.api.OutputWriter;
import org.muster.app.api.RunInfo;
import org.muster.core.api.PosteriorDraws;
import org.muster.core.api.VariationalFit;

/**
 * Writes {@code run.json} for a run that has ended (see {@link RunRecord}); nothing for an outcome
 * without its run's record.
 */
public final class RunRecordWriter implements OutputWriter {

    /** The record lists how the run ended: written when every other file is. */
    @Override
    public boolean writesLast() {
        return true;
    }

    @Override
    public List<Path> write(Path directory, Outcome outcome) {
        if (outcome.run().isEmpty()) {
            return List.of();
        }
        RunInfo run = outcome.run().get();
        Optional<PosteriorDraws> draws = Optional.empty();
        Map<String, Object> settings;
        if (outcome instanceof FitOutcome fit) {
            settings = RunRecord.settings(fit.request(), directory);
            draws = fit.hasDraws() ? Optional.of(fit.draws()) : Optional.empty();
        } else {
            settings = RunRecord.settings(((LadderOutcome) outcome).request(), directory);
        }
        RunRecord record = RunRecord.of(directory, new RunRecord.Start(run.command(), run.version(), outcome.seed(),
                run.seedGiven(), settings), run.start());
        if (outcome instanceof FitOutcome fit && fit.fit() instanceof VariationalFit variational) {
            record.variational(variational.paretoK(), variational.paretoKReading(),
                    VariationalFit.paretoKAdvice(variational.paretoKReading()));
        }
        if (!run.phaseSeconds().isEmpty()) {
            record.phases(run.phaseSeconds());
        }
        record.end(run.end().orElse(Instant.now()), run.exitStatus().orElse(0),
                draws.map(PosteriorDraws::cancelled).orElse(false), draws.map(PosteriorDraws::settings),
                draws.map(d -> d.draws().iterations()), run.files());
        return List.of(record.file());
    }
}
