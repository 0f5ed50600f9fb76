package org.muster.diagnostics.api;

import java.util.List;

/**
 * A problem the diagnostics found, in plain language: what happened and what it means, and what to try.
 *
 * @param kind what was checked
 * @param message what was found and what it means, e.g. "R-hat above 1.01 for 2 of 10 variables (tau
 *     1.05, mu 1.02): the chains disagree, so they have not converged to one posterior"
 * @param advice what to try, e.g. "run longer; reparameterize ..."
 * @param variables the variables concerned, worst first (empty for sampler-wide checks)
 */
public record DiagnosticWarning(Kind kind, String message, String advice, List<String> variables) {

    public DiagnosticWarning {
        variables = List.copyOf(variables);
    }

    /** What a warning is about. */
    public enum Kind {
        /** R-hat above the threshold: chains have not mixed. */
        RHAT,
        /** Bulk ESS below the threshold: means and medians are imprecise. */
        ESS_BULK,
        /** Tail ESS below the threshold: the 5% and 95% quantiles are imprecise. */
        ESS_TAIL,
        /** R-hat and ESS undefined: all draws of a variable are equal. */
        UNDEFINED,
        /** Divergent transitions: the sampler missed part of the posterior. */
        DIVERGENCES,
        /** Low E-BFMI: momentum resampling explores the energy poorly. */
        LOW_EBFMI,
        /** Transitions stopped at the maximum tree depth: an efficiency problem. */
        TREE_DEPTH
    }

    /** The message and the advice as one paragraph: {@code message. Try: advice.} */
    public String text() {
        return message + ". Try: " + advice + ".";
    }
}
