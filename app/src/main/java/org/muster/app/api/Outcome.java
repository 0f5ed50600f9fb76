package org.muster.app.api;

import java.util.Optional;

/**
 * What a run produced, handed to every {@link OutputWriter}: one fit ({@link FitOutcome}) or the
 * ladder's rungs side by side ({@link LadderOutcome}). Sealed: a writer handles each kind it knows and
 * writes nothing for the others.
 */
public sealed interface Outcome permits FitOutcome, LadderOutcome {

    /** How the run was started and ended, when it was recorded (the command line records every run). */
    Optional<RunInfo> run();

    /** The seed of the run. */
    long seed();

    /** This outcome with how its run started and ended, for {@code run.json}. */
    Outcome withRun(RunInfo run);
}
