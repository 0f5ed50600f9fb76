package org.muster.models.spi;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.muster.core.api.Distribution;
import org.muster.models.api.ColumnMapping;

/**
 * What the user asked of a model family beyond the data: family-specific options as text key–value
 * pairs ({@code --param key=value}), which file column holds which data name ({@code --map}), priors
 * ({@code --prior}) and the pooling ({@code --pooling}). Build with {@link #builder()}.
 *
 * @param values option values by name
 * @param columns which file column holds each of the family's data names
 * @param priors priors replacing the family's defaults, at most one per parameter
 * @param pooling how much the units share
 */
public record FamilyOptions(Map<String, String> values, ColumnMapping columns, List<Prior> priors, Pooling pooling) {

    public FamilyOptions {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        priors = List.copyOf(priors);
        Set<String> seen = new TreeSet<>();
        for (Prior prior : priors) {
            if (!seen.add(prior.parameter())) {
                throw new IllegalArgumentException("two priors for '" + prior.parameter() + "'");
            }
        }
    }

    /** Options only, with partial pooling, the family's default priors and no column mapping. */
    public FamilyOptions(Map<String, String> values) {
        this(values, ColumnMapping.none(), List.of(), Pooling.PARTIAL);
    }

    public static FamilyOptions none() {
        return new FamilyOptions(Map.of());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** @throws IllegalArgumentException naming an option the family does not know */
    public void requireKnown(String family, Set<String> known) {
        for (String key : new TreeSet<>(values.keySet())) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException("unknown option '" + key + "' for model " + family
                        + (known.isEmpty() ? "; it takes no options" : "; known options: " + new TreeSet<>(known)));
            }
        }
    }

    /** An option's text, or {@code defaultValue} if it was not given. */
    public String value(String key, String defaultValue) {
        return values.getOrDefault(key, defaultValue).trim();
    }

    /** An option that must be one of {@code choices}. */
    public String choice(String family, String key, String defaultValue, List<String> choices) {
        String value = value(key, defaultValue);
        if (!choices.contains(value)) {
            throw new IllegalArgumentException("option " + key + "=" + value + " for model " + family + ": expected one of "
                    + choices);
        }
        return value;
    }

    /** An integer option of at least {@code minimum}. */
    public int integer(String family, String key, int defaultValue, int minimum) {
        if (!values.containsKey(key)) {
            return defaultValue;
        }
        int value;
        try {
            value = Integer.parseInt(value(key, ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option " + key + "=" + values.get(key) + " for model " + family
                    + ": expected an integer");
        }
        if (value < minimum) {
            throw new IllegalArgumentException("option " + key + "=" + value + " for model " + family
                    + ": must be at least " + minimum);
        }
        return value;
    }

    /** A positive real option. */
    public double positive(String family, String key, double defaultValue) {
        if (!values.containsKey(key)) {
            return defaultValue;
        }
        double value;
        try {
            value = Double.parseDouble(value(key, ""));
        } catch (NumberFormatException e) {
            value = Double.NaN;
        }
        if (!(value > 0) || value == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("option " + key + "=" + values.get(key) + " for model " + family
                    + ": expected a positive number");
        }
        return value;
    }

    /** The user's prior for {@code parameter}, if any. */
    public Optional<Prior> prior(String parameter) {
        return priors.stream().filter(p -> p.parameter().equals(parameter)).findFirst();
    }

    /**
     * The prior of {@code parameter}: the user's, truncated to {@code bounds}, or {@code defaultPrior}.
     *
     * @throws IllegalArgumentException if the user's prior is invalid (naming it)
     */
    public Distribution prior(String parameter, Bounds bounds, Distribution defaultPrior) {
        return prior(parameter).map(p -> p.distribution(bounds)).orElse(defaultPrior);
    }

    /**
     * Checks that every prior names one of {@code parameters}.
     *
     * @throws IllegalArgumentException naming the unknown parameter and the ones there are
     */
    public void requireKnownPriors(String family, Collection<String> parameters) {
        for (Prior prior : priors) {
            if (!parameters.contains(prior.parameter())) {
                throw new IllegalArgumentException("prior '" + prior.text() + "': model " + family
                        + (pooling == Pooling.PARTIAL ? "" : " with --pooling " + pooling.id())
                        + " has no parameter '" + prior.parameter() + "' to put a prior on"
                        + (parameters.isEmpty() ? "" : "; its parameters with priors are " + String.join(", ", parameters)));
            }
        }
    }

    /** @throws IllegalArgumentException if the family does not offer the requested pooling */
    /**
     * Checks that these options suit a family: every option is one it declares and the pooling is one
     * it offers.
     *
     * @throws IllegalArgumentException naming the first unknown option (with the known ones) or the pooling
     */
    public void requireSuitedTo(ModelFamily family) {
        requireKnown(family.id(), family.options().keySet());
        requirePooling(family.id(), family.poolings());
    }

    public void requirePooling(String family, Set<Pooling> supported) {
        if (!supported.contains(pooling)) {
            List<String> ids = new ArrayList<>();
            for (Pooling p : Pooling.values()) {
                if (supported.contains(p)) {
                    ids.add(p.id());
                }
            }
            throw new IllegalArgumentException("model " + family + " does not offer --pooling " + pooling.id()
                    + "; it offers " + ids);
        }
    }

    /** Builds {@link FamilyOptions}; defaults: no options, no mapping, default priors, partial pooling. */
    public static final class Builder {
        private final Map<String, String> values = new LinkedHashMap<>();
        private ColumnMapping columns = ColumnMapping.none();
        private final List<Prior> priors = new ArrayList<>();
        private Pooling pooling = Pooling.PARTIAL;

        private Builder() {
        }

        public Builder option(String key, String value) {
            values.put(key, value);
            return this;
        }

        public Builder options(Map<String, String> options) {
            values.putAll(options);
            return this;
        }

        public Builder columns(ColumnMapping columns) {
            this.columns = columns;
            return this;
        }

        /** Adds a prior, as text such as {@code tau=half_cauchy(0,5)}. */
        public Builder prior(String prior) {
            priors.add(Prior.parse(prior));
            return this;
        }

        public Builder prior(Prior prior) {
            priors.add(prior);
            return this;
        }

        public Builder pooling(Pooling pooling) {
            this.pooling = pooling;
            return this;
        }

        public FamilyOptions build() {
            return new FamilyOptions(values, columns, priors, pooling);
        }
    }
}
