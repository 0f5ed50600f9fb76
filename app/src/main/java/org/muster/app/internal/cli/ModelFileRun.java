package org.muster.app.internal.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.muster.app.api.LoadedModel;
import org.muster.lang.api.ModelFiles;
import org.muster.lang.spi.ModelRequest;

/**
 * A model file named where a family would be ({@code muster fit rats.bug --data rats.R}): loaded with its
 * data, initial values and monitors, ready to hand to the pipeline as an already-built model.
 *
 * @param loaded what the model file's language made of it
 * @param model the model as the pipeline takes it, with the monitors as its output columns
 * @param dataSource the data files, for the output's records
 */
record ModelFileRun(org.muster.lang.spi.LoadedModel loaded, LoadedModel model, String dataSource) {

    /**
     * The model file {@code name} names, loaded; empty when it names no model file (a family then).
     *
     * @throws IllegalArgumentException for a mistake in a file (one line with its place and a caret), or
     *     initial-values files that are neither one nor one per chain
     */
    static Optional<ModelFileRun> of(String name, List<String> data, List<Path> inits, List<String> monitors, int chains,
            long seed) {
        Path path;
        try {
            path = Path.of(name);
        } catch (java.nio.file.InvalidPathException e) {
            return Optional.empty();
        }
        if (!ModelFiles.isModelFile(path)) {
            return Optional.empty();
        }
        if (inits.size() > 1 && inits.size() != chains) {
            throw new IllegalArgumentException("--init is given " + inits.size() + " times for " + chains + " chains; give"
                    + " one file for all chains or one per chain");
        }
        List<Path> dataFiles = data.stream().map(Path::of).toList();
        var loaded = ModelFiles.load(new ModelRequest(path, dataFiles, inits, monitors, seed));
        String source = data.isEmpty() ? "no data" : String.join(", ", data);
        String fileName = path.getFileName().toString();
        return Optional.of(new ModelFileRun(loaded, new LoadedModel(fileName, source, loaded.model(), Optional.empty(),
                loaded.monitors()), source));
    }

    /** One file's initial values, for every chain; empty when there are none or one per chain. */
    Map<String, double[]> initialValues() {
        return loaded.initialValues().size() == 1 ? loaded.initialValues().get(0) : Map.of();
    }

    /** One set of initial values per chain, when there is one file per chain. */
    List<Map<String, double[]>> chainInitialValues() {
        return loaded.initialValues().size() > 1 ? loaded.initialValues() : List.of();
    }
}
