package org.muster.app.internal;

import jakarta.inject.Inject;
import java.util.Optional;
import org.muster.models.api.Dataset;
import org.muster.models.api.DatasetReader;
import org.muster.models.spi.DataColumn;
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
        Dataset dataset = dataset(family, data);
        return new Loaded(family, dataset.source(), family.prepare(dataset, options));
    }

    private static Dataset dataset(ModelFamily family, Optional<String> data) {
        if (family.dataColumns().isEmpty()) {
            if (data.isPresent()) {
                throw new IllegalArgumentException("model " + family.id() + " takes no data; leave out --data");
            }
            return Dataset.empty("no data");
        }
        String name = data.or(family::defaultDataset).orElseThrow(() -> new IllegalArgumentException("model "
                + family.id() + " has no built-in data; give --data FILE with columns "
                + family.dataColumns().stream().filter(c -> !c.optional()).map(DataColumn::name).toList()));
        return DatasetReader.load(name);
    }
}
