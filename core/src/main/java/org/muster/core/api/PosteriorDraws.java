package org.muster.core.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A fit made of Markov chain draws.
 *
 * @param methodId the sampler's identifier
 * @param draws the model's output variables
 * @param samplerStatistics per-draw sampler statistics named as Stan names them ({@code lp__},
 *     {@code accept_stat__}, ...), same chains and iterations as {@code draws}
 * @param chains one report per chain, in the order of the draws' chains; a cancelled run may return only
 *     some of its chains (see {@code cancelled}), whose reports keep their run's chain numbers
 * @param cancelled whether the run was stopped before all iterations were done: the chains are then cut
 *     to equal length, and chains with too few draws may be left out
 * @param settings the method's settings as CmdStan names them in its CSV header (e.g. {@code engine=nuts},
 *     {@code max_depth=10}, {@code delta=0.8}, {@code metric=diag_e}), in a stable order
 * @param conditionalMeans for a method that integrates some parameters out (collapsed inference): per draw,
 *     the conditional posterior mean, given that draw's other parameters, of each output it can give one for
 *     (same chains and iterations as {@code draws}, a subset of its variables); their average is the
 *     Rao–Blackwellized estimate of the output's posterior mean. Empty for other methods
 */
public record PosteriorDraws(String methodId, Draws draws, Draws samplerStatistics, List<ChainReport> chains,
        boolean cancelled, Map<String, String> settings, Optional<Draws> conditionalMeans) implements Fit {

    public PosteriorDraws {
        chains = List.copyOf(chains);
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        Objects.requireNonNull(conditionalMeans, "conditionalMeans");
    }

    /** Draws without conditional means. */
    public PosteriorDraws(String methodId, Draws draws, Draws samplerStatistics, List<ChainReport> chains,
            boolean cancelled, Map<String, String> settings) {
        this(methodId, draws, samplerStatistics, chains, cancelled, settings, Optional.empty());
    }

    /** Draws from a method with no settings to report. */
    public PosteriorDraws(String methodId, Draws draws, Draws samplerStatistics, List<ChainReport> chains,
            boolean cancelled) {
        this(methodId, draws, samplerStatistics, chains, cancelled, Map.of());
    }
}
