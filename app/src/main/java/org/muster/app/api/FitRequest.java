package org.muster.app.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.muster.core.api.DrawsStorage;
import org.muster.models.spi.FamilyOptions;

/**
 * What to fit and how: the model (a family id, or what a {@link ModelLoader} takes), its data, the
 * method with its options, chains, warmup, draws, seed, initial values and whether to add predictive
 * draws. The command line, {@code muster ladder} and the Java façade all describe a fit with one of
 * these and hand it to {@link FitPipeline}. Build with {@link #builder(String)}.
 *
 * @param model model family id, e.g. {@code eight-schools} (the name output files and reports carry)
 * @param data built-in dataset name or file path; empty for the model's default
 * @param method inference method id
 * @param chains chains (methods that run no chains ignore it)
 * @param warmup warmup iterations per chain
 * @param draws kept draws per chain (for a variational method, draws from the approximation)
 * @param seed random seed
 * @param familyOptions the family's {@code --param} values, column mapping, priors and pooling
 * @param methodOptions the method's options by name ({@code --method-param})
 * @param initialValues constrained initial values by parameter name, for every chain; empty for random inits
 * @param chainInitialValues one set of initial values per chain, or empty
 * @param predict whether to add predictive draws ({@code y_rep}, a new unit) to the draws
 * @param drawsMemory bytes of draws the fit may keep in memory before it streams them to a temporary file
 *     in the run's folder (the draws are the same either way); empty for {@link DrawsStorage#defaults()}
 */
public record FitRequest(String model, Optional<String> data, String method, int chains, int warmup, int draws,
        long seed, FamilyOptions familyOptions, Map<String, String> methodOptions, Map<String, double[]> initialValues,
        List<Map<String, double[]>> chainInitialValues, boolean predict, OptionalLong drawsMemory) {

    /** A request with the default draws' memory budget. */
    public FitRequest(String model, Optional<String> data, String method, int chains, int warmup, int draws,
            long seed, FamilyOptions familyOptions, Map<String, String> methodOptions, Map<String, double[]> initialValues,
            List<Map<String, double[]>> chainInitialValues, boolean predict) {
        this(model, data, method, chains, warmup, draws, seed, familyOptions, methodOptions, initialValues,
                chainInitialValues, predict, OptionalLong.empty());
    }

    public FitRequest {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(familyOptions, "familyOptions");
        Objects.requireNonNull(drawsMemory, "drawsMemory");
        if (drawsMemory.isPresent() && drawsMemory.getAsLong() < 1) {
            throw new IllegalArgumentException("the draws' memory budget must be at least 1 byte");
        }
        methodOptions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(methodOptions));
        initialValues = Map.copyOf(initialValues);
        chainInitialValues = chainInitialValues.stream().<Map<String, double[]>>map(Map::copyOf).toList();
    }

    /** A builder for a fit of this model with the defaults: nuts, 4 chains x (1000 + 1000), seed 1. */
    public static Builder builder(String model) {
        return new Builder(model);
    }

    /** A builder holding this request's values, to change some of them. */
    public Builder toBuilder() {
        Builder b = new Builder(model).data(data.orElse(null)).method(method).chains(chains).warmup(warmup).draws(draws)
                .seed(seed).familyOptions(familyOptions).initialValues(initialValues)
                .chainInitialValues(chainInitialValues).predict(predict);
        b.drawsMemory = drawsMemory;
        b.methodOptions.putAll(methodOptions);
        return b;
    }

    /** Builds a {@link FitRequest}; not thread-safe. */
    public static final class Builder {
        private final String model;
        private String data;
        private String method = "nuts";
        private int chains = 4;
        private int warmup = 1000;
        private int draws = 1000;
        private long seed = 1;
        private FamilyOptions familyOptions = FamilyOptions.none();
        private final Map<String, String> methodOptions = new LinkedHashMap<>();
        private Map<String, double[]> initialValues = Map.of();
        private List<Map<String, double[]>> chainInitialValues = List.of();
        private boolean predict;
        private OptionalLong drawsMemory = OptionalLong.empty();

        private Builder(String model) {
            this.model = Objects.requireNonNull(model, "model");
        }

        /** A built-in dataset name or a file path; {@code null} for the model's default. */
        public Builder data(String data) {
            this.data = data;
            return this;
        }

        public Builder method(String method) {
            this.method = Objects.requireNonNull(method, "method");
            return this;
        }

        public Builder chains(int chains) {
            this.chains = chains;
            return this;
        }

        public Builder warmup(int warmup) {
            this.warmup = warmup;
            return this;
        }

        public Builder draws(int draws) {
            this.draws = draws;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder familyOptions(FamilyOptions familyOptions) {
            this.familyOptions = Objects.requireNonNull(familyOptions, "familyOptions");
            return this;
        }

        /** One method option, e.g. {@code ("adapt_delta", "0.95")}. */
        public Builder methodOption(String key, String value) {
            methodOptions.put(key, value);
            return this;
        }

        /** Replaces the method options. */
        public Builder methodOptions(Map<String, String> options) {
            methodOptions.clear();
            methodOptions.putAll(options);
            return this;
        }

        public Builder initialValues(Map<String, double[]> initialValues) {
            this.initialValues = initialValues;
            return this;
        }

        public Builder chainInitialValues(List<Map<String, double[]>> chainInitialValues) {
            this.chainInitialValues = chainInitialValues;
            return this;
        }

        public Builder predict(boolean predict) {
            this.predict = predict;
            return this;
        }

        /** Bytes of draws to keep in memory at most; the rest stream to disk. */
        public Builder drawsMemory(long bytes) {
            this.drawsMemory = OptionalLong.of(bytes);
            return this;
        }

        public FitRequest build() {
            return new FitRequest(model, Optional.ofNullable(data), method, chains, warmup, draws, seed, familyOptions,
                    methodOptions, initialValues, chainInitialValues, predict, drawsMemory);
        }
    }
}
