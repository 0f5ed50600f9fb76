package org.muster.lang.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import org.muster.lang.spi.LoadedModel;
import org.muster.lang.spi.ModelLanguage;
import org.muster.lang.spi.ModelRequest;

/** Model files in the languages found by {@link ServiceLoader}: which language reads a file, and loading one. */
public final class ModelFiles {

    private ModelFiles() {
    }

    /** The languages on the class or module path. */
    public static List<ModelLanguage> languages() {
        return ServiceLoader.load(ModelLanguage.class).stream().map(ServiceLoader.Provider::get).toList();
    }

    /** The language that reads this file, if any. */
    public static Optional<ModelLanguage> languageFor(Path path) {
        return languages().stream().filter(l -> l.accepts(path)).findFirst();
    }

    /** Whether some language reads this file (a {@code .bug} file, say). */
    public static boolean isModelFile(Path path) {
        return languageFor(path).isPresent();
    }

    /**
     * Loads a model file in whatever language reads it.
     *
     * @throws IllegalArgumentException if no language reads it, naming the endings they take; or as
     *     {@link ModelLanguage#load}
     */
    public static LoadedModel load(ModelRequest request) {
        ModelLanguage language = languageFor(request.modelFile()).orElseThrow(() -> new IllegalArgumentException(
                request.modelFile() + ": no model language reads this file; model files end in "
                        + languages().stream().flatMap(l -> l.fileExtensions().stream()).toList()));
        return language.load(request);
    }
}
