package org.muster.core.api;

import java.util.List;

/**
 * A fit made of Markov chain draws.
 *
 * @param methodId the sampler's identifier
 * @param draws the model's output variables
 * @param samplerStatistics per-draw sampler statistics named as Stan names them ({@code lp__},
 *     {@code accept_stat__}, ...), same chains and iterations as {@code draws}
 * @param chains one report per chain
 * @param cancelled whether the run was stopped before all iterations were done
 */
public record PosteriorDraws(String methodId, Draws draws, Draws samplerStatistics, List<ChainReport> chains,
        boolean cancelled) implements Fit {

    public PosteriorDraws {
        chains = List.copyOf(chains);
    }
}
