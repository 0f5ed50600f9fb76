package org.muster.models.spi;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.muster.core.api.Model;
import org.muster.models.api.Dataset;

/**
 * A family of hierarchical models that builds a {@link Model} from a dataset, found by
 * {@link java.util.ServiceLoader}: declare it with {@code provides org.muster.models.spi.ModelFamily
 * with ...} and in {@code META-INF/services}.
 */
public interface ModelFamily {

    /** Short unique identifier used on the command line, e.g. {@code "eight-schools"}. */
    String id();

    /** One sentence saying what the model is. */
    String description();

    /** The columns the data must have. */
    List<DataColumn> dataColumns();

    /** Default priors by parameter name, as text, e.g. {@code mu -> "normal(0, 5)"}. */
    Map<String, String> defaultPriors();

    /** The built-in dataset used when the user names none. */
    default Optional<String> defaultDataset() {
        return Optional.empty();
    }

    /**
     * Builds the model for this data.
     *
     * @throws IllegalArgumentException if the data do not fit (naming the column, row and problem)
     */
    Model build(Dataset data, FamilyOptions options);
}
