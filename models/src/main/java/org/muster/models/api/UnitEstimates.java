package org.muster.models.api;

import java.util.ArrayList;
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
 * @param members each unit's variable in the draws: {@code variable[1]}, {@code variable[2]}, ... unless
 *     given ({@code r_county[1,Intercept]})
 * @param deviations whether each member is the unit's deviation from the population mean, so that the
 *     unit's value is {@code populationMean + member} draw by draw (a non-centered model's group effects)
 * @param sizes the observations of each unit, or empty if the family does not say
 */
public record UnitEstimates(String variable, List<String> labels, double[] raw, String rawDescription,
        Optional<String> populationMean, List<String> members, boolean deviations, int[] sizes) {

    public UnitEstimates {
        labels = List.copyOf(labels);
        raw = raw.clone();
        if (raw.length != labels.size()) {
            throw new IllegalArgumentException(labels.size() + " unit labels but " + raw.length + " raw estimates");
        }
        if (members == null) {
            List<String> names = new ArrayList<>(raw.length);
            for (int j = 0; j < raw.length; j++) {
                names.add(variable + "[" + (j + 1) + "]");
            }
            members = names;
        }
        members = List.copyOf(members);
        if (members.size() != raw.length) {
            throw new IllegalArgumentException(members.size() + " unit variables but " + raw.length + " raw estimates");
        }
        if (deviations && populationMean.isEmpty()) {
            throw new IllegalArgumentException("units given as deviations need the population mean they deviate from");
        }
        sizes = sizes == null ? new int[0] : sizes.clone();
        if (sizes.length != 0 && sizes.length != raw.length) {
            throw new IllegalArgumentException(sizes.length + " unit sizes but " + raw.length + " raw estimates");
        }
    }

    /** Units whose parameters are the members {@code variable[1]}, {@code variable[2]}, ... themselves. */
    public UnitEstimates(String variable, List<String> labels, double[] raw, String rawDescription,
            Optional<String> populationMean) {
        this(variable, labels, raw, rawDescription, populationMean, null, false, null);
    }

    @Override
    public double[] raw() {
        return raw.clone();
    }

    @Override
    public int[] sizes() {
        return sizes.clone();
    }

    /** Number of units. */
    public int count() {
        return raw.length;
    }

    /** The name of unit {@code j}'s variable in the draws (0-based j): {@code theta[j+1]} unless given. */
    public String memberName(int j) {
        return members.get(j);
    }

    /** The unit's parameter as the table names it: the member, or {@code mu + r[1]} for deviations. */
    public String displayName(int j) {
        return deviations ? populationMean.orElseThrow() + " + " + members.get(j) : members.get(j);
    }

    /** The observations of unit {@code j}, or -1 if not known. */
    public int size(int j) {
        return sizes.length == 0 ? -1 : sizes[j];
    }
}
