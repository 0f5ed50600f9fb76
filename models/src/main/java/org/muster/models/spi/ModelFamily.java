package org.muster.models.spi;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.muster.core.api.Model;
import org.muster.models.api.ColumnMapping;
import org.muster.models.api.Dataset;

/**
 * A family of hierarchical models that builds a {@link Model} from a dataset, found by
 * {@link java.util.ServiceLoader}: declare it with {@code provides org.muster.models.spi.ModelFamily
 * with ...} and in {@code META-INF/services}. Only the abstract methods are required; the defaults
 * describe a family with one fixed model and no extras.
 */
public interface ModelFamily {

    /** Short unique identifier used on the command line, e.g. {@code "eight-schools"}. */
    String id();

    /** One sentence saying what the model is. */
    String description();

    /** The columns the data must (or may) have, by the family's names for them. */
    List<DataColumn> dataColumns();

    /** Default priors by parameter name, as text, e.g. {@code mu -> "normal(0, 5)"}. */
    Map<String, String> defaultPriors();

    /** The built-in dataset used when the user names none. */
    default Optional<String> defaultDataset() {
        return Optional.empty();
    }

    /**
     * The built-in datasets this family reads, each with the mapping from the family's data names to
     * the dataset's columns (e.g. {@code rats -> y=tumors,n=rats,unit=experiment}).
     */
    default Map<String, ColumnMapping> builtInData() {
        return defaultDataset().map(name -> Map.of(name, ColumnMapping.none())).orElse(Map.of());
    }

    /** The family's {@code --param} options with a description of each. */
    default Map<String, String> options() {
        return Map.of();
    }

    /** The poolings the family offers; {@link Pooling#PARTIAL} for a family that does not choose. */
    default Set<Pooling> poolings() {
        return Set.of(Pooling.PARTIAL);
    }

    /**
     * Builds the model for this data.
     *
     * @throws IllegalArgumentException if the data or options do not fit (naming the column, row and problem)
     */
    Model build(Dataset data, FamilyOptions options);

    /**
     * Builds the model with its units and new-unit predictions; by default just {@link #build}.
     *
     * @throws IllegalArgumentException as {@link #build}
     */
    default FamilyModel prepare(Dataset data, FamilyOptions options) {
        return FamilyModel.of(build(data, options));
    }
}
