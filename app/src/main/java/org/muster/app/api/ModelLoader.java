package org.muster.app.api;

import java.util.function.Function;
import org.muster.models.api.Dataset;
import org.muster.models.api.DatasetReader;
import org.muster.models.spi.DataColumn;
import org.muster.models.spi.ModelFamily;

/**
 * Turns what a request names into a model ready to fit: by default a model family, found by id, on
 * its data (a built-in dataset, a file, the family's default or none). Nothing is fitted.
 */
@FunctionalInterface
public interface ModelLoader {

    /**
     * Loads the data and builds the model.
     *
     * @throws IllegalArgumentException for an unknown model, missing or bad data, or bad options, with a
     *     message naming what is wrong and where
     */
    LoadedModel load(FitRequest request);

    /** The loader of model families, each found by {@code families} from the request's model id. */
    static ModelLoader families(Function<String, ModelFamily> families) {
        return request -> {
            ModelFamily family = families.apply(request.model());
            // the framework's checks, for families that do not make them themselves
            request.familyOptions().requireSuitedTo(family);
            Dataset dataset = dataset(family, request.data().orElse(null));
            return new LoadedModel(family.id(), dataset.source(), family.prepare(dataset, request.familyOptions()),
                    java.util.Optional.of(family));
        };
    }

    /**
     * A family's data: the named dataset or file, the family's built-in default, or none for a family
     * that takes no data.
     *
     * @param data a built-in dataset name or a file path; {@code null} for the family's default
     * @throws IllegalArgumentException naming what is missing or wrong
     */
    static Dataset dataset(ModelFamily family, String data) {
        if (family.dataColumns().isEmpty()) {
            if (data != null) {
                throw new IllegalArgumentException("model " + family.id() + " takes no data; leave out --data");
            }
            return Dataset.empty("no data");
        }
        String name = java.util.Optional.ofNullable(data).or(family::defaultDataset).orElseThrow(
                () -> new IllegalArgumentException("model " + family.id() + " has no built-in data; give --data FILE with columns "
                        + family.dataColumns().stream().filter(c -> !c.optional()).map(DataColumn::name).toList()));
        return DatasetReader.load(name);
    }
}
