package org.muster.diagnostics.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the diagnostics say about a fit made of Markov chains: one summary row per scalar variable,
 * the sampler checks and the warnings.
 *
 * @param rows one row per variable, in the fit's order
 * @param chains chains pooled
 * @param drawsPerChain draws per chain
 * @param sampler checks from per-draw sampler statistics, when the sampler reports any
 * @param warnings plain-language warnings with advice, empty when nothing is wrong
 */
public record PosteriorSummary(List<SummaryRow> rows, int chains, int drawsPerChain, Optional<SamplerChecks> sampler,
        List<DiagnosticWarning> warnings) {

    public PosteriorSummary {
        rows = List.copyOf(rows);
        Objects.requireNonNull(sampler, "sampler");
        warnings = List.copyOf(warnings);
    }
}
