package org.muster.app.internal;

import jakarta.inject.Inject;
import java.util.Optional;
import org.muster.app.api.ModelLoader;
import org.muster.models.api.Dataset;
import org.muster.models.spi.FamilyModel;
import org.muster.models.spi.FamilyOptions;
import org.muster.models.spi.ModelFamily;

/** Finds a model family, loads its data (named, a file, its built-in default or none) and builds the model. */
public final class FamilyLoader {

    private final ProviderRegistry<ModelFamily> families;

    @Inject
    FamilyLoader(ProviderRegistry<ModelFamily> families) {
        this.families = families;
    }

    /**
     * A family's model on its data.
     *
     * @param familyId the family
     * @param data a built-in dataset name or a file path; empty for the family's default
     * @param source where the data came from, for output ({@code built-in 'rats'}, a path, {@code no data})
     * @param family the family
     * @param model the model built on the data
     */
    public record Loaded(ModelFamily family, String source, FamilyModel model) {
    }

    /**
     * Loads the data and builds the model; nothing is fitted.
     *
     * @throws IllegalArgumentException for an unknown family, missing or bad data, or bad options,
     *     with a message naming what is wrong and where
     */
    public Loaded load(String familyId, Optional<String> data, FamilyOptions options) {
        ModelFamily family = families.require(familyId);
        options.requireSuitedTo(family);
        Dataset dataset = ModelLoader.dataset(family, data.orElse(null));
        return new Loaded(family, dataset.source(), family.prepare(dataset, options));
    }
}
