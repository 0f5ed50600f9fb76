package org.muster.models.internal.glmm;

import java.util.List;

/**
 * A parsed model formula in the notation of lme4 and brms: a response, population-level terms and
 * group-level terms. Positions are 0-based character offsets into {@link #text()}, kept so that later
 * checks (an unknown column, say) can point at the place in the formula.
 *
 * @param text the formula as written
 * @param response the left-hand side
 * @param intercept whether the population-level part has an intercept ({@code 0 +} or {@code - 1} drop it)
 * @param terms the population-level terms other than the intercept, in order, without repeats
 * @param groups the group-level terms, in order
 * @param offsets the {@code offset(col)} and {@code offset(log(col))} terms, in order: added to the
 *     linear predictor with coefficient 1
 */
public record Formula(String text, Response response, boolean intercept, List<Term> terms, List<GroupTerm> groups,
        List<Offset> offsets) {

    public Formula {
        terms = List.copyOf(terms);
        groups = List.copyOf(groups);
        offsets = List.copyOf(offsets);
    }

    /**
     * An offset term, {@code offset(exposure)} or {@code offset(log(exposure))}.
     *
     * @param column the column
     * @param position where the column is written
     * @param log whether the column's logarithm is added ({@code offset(log(col))})
     */
    public record Offset(String column, int position, boolean log) {
    }

    /** How the response is written. */
    public enum ResponseKind {
        /** {@code y}. */
        PLAIN,
        /** {@code cbind(successes, failures)}. */
        CBIND,
        /** {@code successes | trials(n)}. */
        TRIALS
    }

    /**
     * The left-hand side: one column, or successes with failures or trials.
     *
     * @param kind how it is written
     * @param column the response (successes) column
     * @param position where {@code column} is written
     * @param second the failures or trials column, or {@code null} for a plain response
     * @param secondPosition where {@code second} is written, or -1
     */
    public record Response(ResponseKind kind, String column, int position, String second, int secondPosition) {
    }

    /**
     * A product of columns, {@code floor} or {@code floor:log_uppm}.
     *
     * @param variables the columns multiplied, in the order written
     * @param positions where each is written
     */
    public record Term(List<String> variables, List<Integer> positions) {

        public Term {
            variables = List.copyOf(variables);
            positions = List.copyOf(positions);
        }

        /** The term as brms names it, {@code floor:log_uppm}. */
        public String label() {
            return String.join(":", variables);
        }
    }

    /**
     * A group-level term {@code (terms | factor)} or {@code (terms || factor)}.
     *
     * @param intercept whether it has a varying intercept
     * @param terms its varying slopes
     * @param correlated {@code |} (true) or {@code ||} (false)
     * @param factor the grouping factor: one or more columns whose combinations are the groups (the
     *     inner factor of a nested {@code a/b} is {@code a} and {@code b} together)
     * @param factorPosition where the factor is written
     */
    public record GroupTerm(boolean intercept, List<Term> terms, boolean correlated, List<String> factor,
            int factorPosition) {

        public GroupTerm {
            terms = List.copyOf(terms);
            factor = List.copyOf(factor);
        }

        /** The grouping factor as brms names it: {@code county}, {@code a:b}. */
        public String factorLabel() {
            return String.join(":", factor);
        }
    }
}
