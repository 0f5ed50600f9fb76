package org.muster.models.api;

import java.util.List;
import java.util.Optional;

/**
 * What a shrinkage table needs to know of a model's units: which vector variable holds their
 * parameters, their labels, their raw (no-pooling) estimates and which variable is the population
 * mean they shrink toward.
 *
 * @param variable the unit-level variable, e.g. {@code theta} (members {@code theta[1]}, ...)
 * @param labels one per unit
 * @param raw the raw estimate of each unit on the variable's scale, e.g. y/n; NaN for a unit without data
 * @param rawDescription how the raw estimate is computed, e.g. {@code "y/n"}
 * @param populationMean the scalar variable holding the population mean, if the model has one
 */
public record UnitEstimates(String variable, List<String> labels, double[] raw, String rawDescription,
        Optional<String> populationMean) {

    public UnitEstimates {
        labels = List.copyOf(labels);
        raw = raw.clone();
        if (raw.length != labels.size()) {
            throw new IllegalArgumentException(labels.size() + " unit labels but " + raw.length + " raw estimates");
        }
    }

    @Override
    public double[] raw() {
        return raw.clone();
    }

    /** Number of units. */
    public int count() {
        return raw.length;
    }

    /** The name of unit {@code j}'s variable (0-based j): {@code theta[j+1]}. */
    public String memberName(int j) {
        return variable + "[" + (j + 1) + "]";
    }
}
