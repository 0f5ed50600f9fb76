package org.muster.core.spi;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.muster.core.api.DrawsStorage;

/**
 * How to run a fit: chains, warmup and draws per chain, the seed, where chains run, and optional
 * initial values. Build with {@link #builder()}.
 *
 * @param chains number of chains, at least 1
 * @param warmup warmup (adaptation) iterations per chain, discarded
 * @param draws kept iterations per chain, at least 1
 * @param seed seed of the run's random streams: same seed, same draws
 * @param executor where chains run; empty means the method's own choice (the calling thread)
 * @param initialValues constrained initial values by parameter name, for every chain that
 *     {@code chainInitialValues} does not give its own; empty for random inits
 * @param chainInitialValues one map of initial values per chain (as JAGS takes one inits file per chain),
 *     or empty when {@code initialValues} serves every chain
 * @param storage where the draws are kept: in memory within its budget, else in a temporary file (the
 *     draws are the same either way)
 */
public record RunConfig(int chains, int warmup, int draws, long seed, Optional<Executor> executor,
        Map<String, double[]> initialValues, List<Map<String, double[]>> chainInitialValues, DrawsStorage storage) {

    /** A run whose draws are stored by {@link DrawsStorage#defaults()}. */
    public RunConfig(int chains, int warmup, int draws, long seed, Optional<Executor> executor,
            Map<String, double[]> initialValues, List<Map<String, double[]>> chainInitialValues) {
        this(chains, warmup, draws, seed, executor, initialValues, chainInitialValues, DrawsStorage.defaults());
    }

    public RunConfig {
        if (chains < 1) {
            throw new IllegalArgumentException("chains must be at least 1, got " + chains);
        }
        if (warmup < 0) {
            throw new IllegalArgumentException("warmup must not be negative, got " + warmup);
        }
        if (draws < 1) {
            throw new IllegalArgumentException("draws must be at least 1, got " + draws);
        }
        initialValues = Map.copyOf(initialValues);
        java.util.Objects.requireNonNull(storage, "storage");
        chainInitialValues = chainInitialValues.stream().<Map<String, double[]>>map(Map::copyOf).toList();
        if (!chainInitialValues.isEmpty() && chainInitialValues.size() != chains) {
            throw new IllegalArgumentException(chainInitialValues.size() + " sets of initial values for " + chains
                    + " chains; give one set for all chains or one per chain");
        }
    }

    /** The initial values of chain {@code chain} (0-based): its own set if there is one per chain, else the common one. */
    public Map<String, double[]> initialValues(int chain) {
        return chainInitialValues.isEmpty() ? initialValues : chainInitialValues.get(chain);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder with defaults: 4 chains, 1000 warmup, 1000 draws, seed 1, calling thread, random inits. */
    public static final class Builder {
        private int chains = 4;
        private int warmup = 1000;
        private int draws = 1000;
        private long seed = 1;
        private Executor executor;
        private Map<String, double[]> initialValues = Map.of();
        private List<Map<String, double[]>> chainInitialValues = List.of();
        private DrawsStorage storage;

        private Builder() {
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

        public Builder executor(Executor executor) {
            this.executor = executor;
            return this;
        }

        public Builder initialValues(Map<String, double[]> initialValues) {
            this.initialValues = initialValues;
            return this;
        }

        /** One set of initial values per chain, in chain order; empty to use {@link #initialValues} for all. */
        public Builder chainInitialValues(List<Map<String, double[]>> chainInitialValues) {
            this.chainInitialValues = chainInitialValues;
            return this;
        }

        /** Where the draws are kept (default: {@link DrawsStorage#defaults()}). */
        public Builder storage(DrawsStorage storage) {
            this.storage = java.util.Objects.requireNonNull(storage, "storage");
            return this;
        }

        public RunConfig build() {
            return new RunConfig(chains, warmup, draws, seed, Optional.ofNullable(executor), initialValues,
                    chainInitialValues, storage != null ? storage : DrawsStorage.defaults());
        }
    }
}
