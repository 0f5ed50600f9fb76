package org.muster.app.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a run was started and how it ended, for {@code run.json}: the command line, the version, the
 * seed's origin, the start and end times and the exit status.
 *
 * @param command the command line's arguments as given (empty for a run started from Java)
 * @param version the Muster version
 * @param seedGiven whether the seed was given (else drawn at random)
 * @param start when the run started
 * @param end when it ended; empty while it runs
 * @param exitStatus what the process returns (0 ok, 1 warnings under {@code --strict}, 130 interrupted...);
 *     empty while it runs
 * @param files the files the run wrote, relative to its folder (what {@code run.json} lists, so a later
 *     run with {@code --overwrite} removes them and nothing else); empty until they are written
 */
public record RunInfo(List<String> command, String version, boolean seedGiven, Instant start, Optional<Instant> end,
        Optional<Integer> exitStatus, List<String> files) {

    public RunInfo {
        command = List.copyOf(command);
        files = List.copyOf(files);
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(exitStatus, "exitStatus");
    }

    /** A run that has started and not ended. */
    public static RunInfo started(List<String> command, String version, boolean seedGiven, Instant start) {
        return new RunInfo(command, version, seedGiven, start, Optional.empty(), Optional.empty(), List.of());
    }

    /** This run, ended at {@code end} with {@code exitStatus}. */
    public RunInfo ended(Instant end, int exitStatus) {
        return new RunInfo(command, version, seedGiven, start, Optional.of(end), Optional.of(exitStatus), files);
    }

    /** This run, having written these files (relative to its folder) besides those it lists already. */
    public RunInfo withFiles(List<String> written) {
        List<String> all = new java.util.ArrayList<>(files);
        written.stream().filter(f -> !all.contains(f)).forEach(all::add);
        return new RunInfo(command, version, seedGiven, start, end, exitStatus, all);
    }
}
