package org.muster.lang.spi;

import java.nio.file.Path;
import java.util.List;

/**
 * What to load: a model file, its data files (later files add variables), initial-values files (one
 * for all chains, or one per chain), the monitors (empty for the language's default) and a seed for
 * whatever initial values the files leave out.
 *
 * @param modelFile the model, e.g. {@code rats.bug}
 * @param dataFiles data files in order, possibly none
 * @param initialValueFiles initial-values files, possibly none
 * @param monitors names of nodes or elements to summarize and write ({@code alpha.c}, {@code theta[3]}); empty
 *     for the default
 * @param seed seed of the draws that complete partial initial values
 */
public record ModelRequest(Path modelFile, List<Path> dataFiles, List<Path> initialValueFiles, List<String> monitors,
        long seed) {

    public ModelRequest {
        dataFiles = List.copyOf(dataFiles);
        initialValueFiles = List.copyOf(initialValueFiles);
        monitors = List.copyOf(monitors);
    }

    /** A request for a model file and its data, with the default monitors and no initial values. */
    public static ModelRequest of(Path modelFile, Path... dataFiles) {
        return new ModelRequest(modelFile, List.of(dataFiles), List.of(), List.of(), 1);
    }

    /** This request with initial-values files. */
    public ModelRequest withInitialValues(List<Path> files) {
        return new ModelRequest(modelFile, dataFiles, files, monitors, seed);
    }

    /** This request with monitors. */
    public ModelRequest withMonitors(List<String> names) {
        return new ModelRequest(modelFile, dataFiles, initialValueFiles, names, seed);
    }

    /** This request with a seed for completing partial initial values. */
    public ModelRequest withSeed(long newSeed) {
        return new ModelRequest(modelFile, dataFiles, initialValueFiles, monitors, newSeed);
    }
}
