package org.muster.app.api;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.muster.models.api.ColumnMapping;
import org.muster.models.spi.FamilyOptions;
import org.muster.models.spi.Pooling;

/**
 * What each of many fits runs (one per segment in {@link SegmentFits}, one per simulation in
 * {@link Calibration}): the model family and its options, the inference method and its options, the
 * chains, and the run's seed, from which each fit's own seed is derived ({@link Seeds}). Options are
 * kept as the text a command line takes, so a spec is {@link Serializable} and can travel to Spark
 * executors. Immutable.
 *
 * @param family the model family's id, e.g. {@code beta-binomial}
 * @param method the inference method's id, e.g. {@code nuts}
 * @param chains chains per fit
 * @param warmup warmup iterations per chain
 * @param draws kept draws per chain
 * @param seed the run's seed
 * @param familyOptions {@code --param} options of the family, e.g. {@code parameterization=centered}
 * @param priors {@code --prior} texts, e.g. {@code tau=half_normal(0, 5)}
 * @param columnMappings {@code --map} texts, e.g. {@code y=clicks,n=views}
 * @param pooling {@code partial}, {@code none} or {@code complete}; empty text for the family's default
 * @param methodOptions options of the method, e.g. {@code adapt_delta=0.95}
 */
public record FitSpec(String family, String method, int chains, int warmup, int draws, long seed,
        Map<String, String> familyOptions, List<String> priors, List<String> columnMappings, String pooling,
        Map<String, String> methodOptions) implements Serializable {

    private static final long serialVersionUID = 1L;

    public FitSpec {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(method, "method");
        if (chains < 1) {
            throw new IllegalArgumentException("chains must be at least 1, got " + chains);
        }
        if (warmup < 0) {
            throw new IllegalArgumentException("warmup must be at least 0, got " + warmup);
        }
        if (draws < 2) {
            throw new IllegalArgumentException("draws must be at least 2, got " + draws);
        }
        familyOptions = Collections.unmodifiableMap(new LinkedHashMap<>(familyOptions));
        priors = Collections.unmodifiableList(new ArrayList<>(priors));
        columnMappings = Collections.unmodifiableList(new ArrayList<>(columnMappings));
        Objects.requireNonNull(pooling, "pooling");
        methodOptions = Collections.unmodifiableMap(new LinkedHashMap<>(methodOptions));
    }

    /** A spec for this family with the defaults: nuts, 4 chains, 1000 warmup, 1000 draws, seed 1. */
    public static Builder builder(String family) {
        return new Builder(family);
    }

    /**
     * The family's options as {@link org.muster.models.spi.ModelFamily#prepare} takes them.
     *
     * @throws IllegalArgumentException for a malformed prior, mapping or pooling
     */
    public FamilyOptions toFamilyOptions() {
        FamilyOptions.Builder builder = FamilyOptions.builder().options(familyOptions);
        if (!columnMappings.isEmpty()) {
            builder.columns(ColumnMapping.parseAll(columnMappings));
        }
        priors.forEach(builder::prior);
        if (!pooling.isEmpty()) {
            builder.pooling(Pooling.parse(pooling));
        }
        return builder.build();
    }

    /** Builds a {@link FitSpec}. Not thread-safe. */
    public static final class Builder {
        private final String family;
        private String method = "nuts";
        private int chains = 4;
        private int warmup = 1000;
        private int draws = 1000;
        private long seed = 1;
        private final Map<String, String> familyOptions = new LinkedHashMap<>();
        private final List<String> priors = new ArrayList<>();
        private final List<String> columnMappings = new ArrayList<>();
        private String pooling;
        private final Map<String, String> methodOptions = new LinkedHashMap<>();

        private Builder(String family) {
            this.family = Objects.requireNonNull(family, "family");
        }

        public Builder method(String id) {
            this.method = Objects.requireNonNull(id, "method");
            return this;
        }

        public Builder chains(int value) {
            this.chains = value;
            return this;
        }

        public Builder warmup(int value) {
            this.warmup = value;
            return this;
        }

        public Builder draws(int value) {
            this.draws = value;
            return this;
        }

        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /** A family option, as {@code --param key=value}. */
        public Builder familyOption(String key, String value) {
            familyOptions.put(key, value);
            return this;
        }

        /** A prior, as {@code --prior}, e.g. {@code concentration=gamma(2, 0.1)}. */
        public Builder prior(String prior) {
            priors.add(prior);
            return this;
        }

        /** A column mapping, as {@code --map}, e.g. {@code y=clicks,n=views}. */
        public Builder map(String mapping) {
            columnMappings.add(mapping);
            return this;
        }

        public Builder pooling(String value) {
            this.pooling = value;
            return this;
        }

        /** A method option, e.g. {@code ("adapt_delta", "0.95")}. */
        public Builder methodOption(String key, String value) {
            methodOptions.put(key, value);
            return this;
        }

        /** @throws IllegalArgumentException for fewer than 1 chain or 2 draws, or negative warmup */
        public FitSpec build() {
            return new FitSpec(family, method, chains, warmup, draws, seed, familyOptions, priors, columnMappings,
                    pooling == null ? "" : pooling, methodOptions);
        }
    }
}
