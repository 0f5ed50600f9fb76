package org.muster.app.internal.run;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** Where a fit writes when no {@code --output} is given: a new folder per run under {@code muster-out}. */
public final class OutputDirectory {

    /** The folder, relative to the working directory, that holds one folder per run. */
    public static final Path DEFAULT_PARENT = Path.of("muster-out");

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private OutputDirectory() {
    }

    /**
     * Creates {@code parent/<family>-<yyyyMMdd-HHmmss>}, or with a suffix {@code -2}, {@code -3}, ... when
     * that folder exists already (two runs in the same second), so a run never mixes its files with another's.
     *
     * @return the new, empty folder
     * @throws IllegalArgumentException naming the folder and why, if it cannot be created
     */
    public static Path createNew(Path parent, String family, LocalDateTime now) {
        String base = family + "-" + STAMP.format(now);
        try {
            Files.createDirectories(parent);
            for (int suffix = 1; ; suffix++) {
                Path candidate = parent.resolve(suffix == 1 ? base : base + "-" + suffix);
                try {
                    return Files.createDirectory(candidate);
                } catch (FileAlreadyExistsException taken) {
                    // another run got this name first; try the next suffix
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot create an output folder under " + parent + ": "
                    + (e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason()
                    : e.getMessage()) + "; give --output DIR or --no-output", e);
        }
    }
}
