package org.muster.app.api;

import java.util.Objects;
import java.util.Optional;
import org.muster.models.spi.FamilyModel;
import org.muster.models.spi.ModelFamily;

/**
 * A model ready to fit, with where it came from.
 *
 * @param name the model's name in output and reports: a family id such as {@code rats}
 * @param datasetSource where the data came from: {@code built-in 'rats'}, a path, or {@code no data}
 * @param model the model as built on the data, with its units and new-unit generator where it has them
 * @param family the family that built it, when a family did (for its default priors)
 */
public record LoadedModel(String name, String datasetSource, FamilyModel model, Optional<ModelFamily> family) {

    public LoadedModel {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(datasetSource, "datasetSource");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(family, "family");
    }
}
