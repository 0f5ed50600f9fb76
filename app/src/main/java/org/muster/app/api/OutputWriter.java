package org.muster.app.api;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Writes one output format of a run into its folder: the summary, the draws as Stan CSV, the shrinkage
 * table, the report, the run record, ... Every writer gets every outcome and writes what it knows how
 * to write for it (nothing for the others). The application's own writers and plugins' are found by
 * {@link java.util.ServiceLoader} ({@code provides org.muster.app.api.OutputWriter with ...}), so a
 * plugin adds a format by implementing this. A writer may be called for several runs at once, from
 * different threads: keep per-run state out of its fields (or keyed by folder).
 */
public interface OutputWriter {

    /**
     * Writes this writer's files for an outcome into a folder that exists, writing each file whole (to a
     * temporary name, then renamed) so a crash never leaves half a file.
     *
     * @return the files written, in the order they should be listed; empty when nothing applies
     * @throws IOException naming the file that could not be written
     */
    List<Path> write(Path directory, Outcome outcome) throws IOException;

    /**
     * Whether this writer records the run as a whole ({@code run.json}, how it ended): such writers
     * write after every other, a plugin's too, so a run whose record says it ended has all its files.
     */
    default boolean writesLast() {
        return false;
    }

    /**
     * For a writer that writes while the fit runs (draws as they are drawn, so a killed run leaves them),
     * what receives the fit's events; called once per fit, before it starts, with the folder the run
     * writes into. {@link #write} is then called with the outcome (or {@link StreamingOutput#discard} when
     * there is none to write).
     */
    default Optional<StreamingOutput> stream(Path directory, PreparedFit fit) {
        return Optional.empty();
    }
}
