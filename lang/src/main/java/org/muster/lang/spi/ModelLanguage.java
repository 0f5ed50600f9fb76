package org.muster.lang.spi;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A language of model files (BUGS/JAGS first, a Stan subset could follow), found by
 * {@link java.util.ServiceLoader}: declare it with {@code provides org.muster.lang.spi.ModelLanguage with ...}
 * and in {@code META-INF/services}.
 */
public interface ModelLanguage {

    /** Short unique identifier, e.g. {@code "bugs"}. */
    String id();

    /** One sentence saying what the language is. */
    String description();

    /** The file name endings this language reads, lower case with the dot, e.g. {@code ".bug"}. */
    List<String> fileExtensions();

    /** Whether this language reads the file: by default, whether its name ends in one of {@link #fileExtensions()}. */
    default boolean accepts(Path path) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        return fileExtensions().stream().anyMatch(name::endsWith);
    }

    /**
     * Loads a model file with its data and initial values.
     *
     * @throws ModelFileException for a mistake in a file, with its line, column and a caret
     * @throws IllegalArgumentException for other bad input (a monitor that is not a node), naming it
     */
    LoadedModel load(ModelRequest request);
}
