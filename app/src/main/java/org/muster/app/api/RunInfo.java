package org.muster.app.api;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * @param phaseSeconds how long each phase of the run took, in seconds, in the order they ran ({@code load},
 *     {@code fit}, {@code summaries}, {@code writing}); empty when not timed
 */
public record RunInfo(List<String> command, String version, boolean seedGiven, Instant start, Optional<Instant> end,
        Optional<Integer> exitStatus, List<String> files, Map<String, Double> phaseSeconds) {

    /** A run without phase timings. */
    public RunInfo(List<String> command, String version, boolean seedGiven, Instant start, Optional<Instant> end,
            Optional<Integer> exitStatus, List<String> files) {
        this(command, version, seedGiven, start, end, exitStatus, files, Map.of());
    }

    public RunInfo {
        command = List.copyOf(command);
        files = List.copyOf(files);
        phaseSeconds = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(phaseSeconds));
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
        return new RunInfo(command, version, seedGiven, start, Optional.of(end), Optional.of(exitStatus), files,
                phaseSeconds);
    }

    /** This run, with one more phase timed (or a phase's time replaced). */
    public RunInfo withPhase(String phase, double seconds) {
        Map<String, Double> all = new LinkedHashMap<>(phaseSeconds);
        all.put(phase, seconds);
        return new RunInfo(command, version, seedGiven, start, end, exitStatus, files, all);
    }

    /** This run, having written these files (relative to its folder) besides those it lists already. */
    public RunInfo withFiles(List<String> written) {
        List<String> all = new java.util.ArrayList<>(files);
        written.stream().filter(f -> !all.contains(f)).forEach(all::add);
        return new RunInfo(command, version, seedGiven, start, end, exitStatus, all, phaseSeconds);
    }
}
