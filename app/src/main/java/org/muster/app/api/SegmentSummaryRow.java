package org.muster.app.api;

import java.io.Serializable;
import java.util.List;

/**
 * One row of {@code summaries.csv} (and of Spark's {@code fitEach}): a variable of a segment's fit, or,
 * for a segment that could not be fitted, one row saying why. Immutable.
 *
 * @param segment the segment's key
 * @param variable the variable, e.g. {@code theta[3]}; empty in an error row
 * @param mean posterior mean (NaN in an error row, as every number there)
 * @param sd posterior standard deviation
 * @param q5 5% quantile
 * @param q50 median
 * @param q95 95% quantile
 * @param rhat rank-normalized split R-hat
 * @param essBulk bulk effective sample size
 * @param essTail tail effective sample size
 * @param error empty, or what was wrong with the segment
 */
public record SegmentSummaryRow(String segment, String variable, double mean, double sd, double q5, double q50,
        double q95, double rhat, double essBulk, double essTail, String error) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The column names, in order: as {@code summaries.csv} and the Spark schema have them. */
    public static final List<String> COLUMNS = List.of("segment", "variable", "mean", "sd", "q5", "q50", "q95", "rhat",
            "ess_bulk", "ess_tail", "error");

    /** Whether this row says the segment could not be fitted. */
    public boolean isError() {
        return !error.isEmpty();
    }

    /** The error row of a segment. */
    static SegmentSummaryRow error(String segment, String message) {
        return new SegmentSummaryRow(segment, "", Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, Double.NaN, message);
    }
}
