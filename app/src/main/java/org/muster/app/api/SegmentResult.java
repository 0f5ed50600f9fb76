package org.muster.app.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.muster.diagnostics.api.DiagnosticWarning;
import org.muster.diagnostics.api.SummaryRow;

/**
 * What the fit of one segment gave: its outcome, or the error that kept it from being fitted. Immutable.
 *
 * @param segment the segment's key
 * @param seed the fit's seed (derived from the run's seed and the key)
 * @param outcome the fit, when there is one
 * @param error what was wrong, when there is no fit (naming the segment, and the row and column of bad data)
 * @param cancelled whether the fit was cut short by its listener (Ctrl-C): its draws, if any, are incomplete
 */
public record SegmentResult(String segment, long seed, Optional<FitOutcome> outcome, Optional<String> error,
        boolean cancelled) {

    public SegmentResult {
        Objects.requireNonNull(segment, "segment");
        if (outcome.isPresent() && error.isPresent() || !cancelled && outcome.isEmpty() && error.isEmpty()) {
            throw new IllegalArgumentException("a segment has an outcome or an error (or was cancelled)");
        }
    }

    /** The rows of {@code summaries.csv}: one per variable, or one error row; none for a cancelled fit. */
    public List<SegmentSummaryRow> summaryRows() {
        if (cancelled) {
            return List.of();
        }
        if (error.isPresent()) {
            return List.of(SegmentSummaryRow.error(segment, error.get()));
        }
        List<SegmentSummaryRow> rows = new ArrayList<>();
        for (SummaryRow row : outcome.get().summary().rows()) {
            rows.add(new SegmentSummaryRow(segment, row.variable(), row.mean(), row.sd(), row.q5(), row.q50(), row.q95(),
                    row.rhat(), row.essBulk(), row.essTail(), ""));
        }
        return rows;
    }

    /** The rows of {@code warnings.csv}: the fit's diagnostic warnings, or its error. */
    public List<SegmentWarningRow> warningRows() {
        if (cancelled) {
            return List.of();
        }
        if (error.isPresent()) {
            return List.of(new SegmentWarningRow(segment, "error", "", error.get()));
        }
        List<SegmentWarningRow> rows = new ArrayList<>();
        for (DiagnosticWarning warning : outcome.get().summary().warnings()) {
            rows.add(new SegmentWarningRow(segment, warning.kind().name().toLowerCase(Locale.ROOT),
                    String.join(" ", warning.variables()), warning.text()));
        }
        return rows;
    }
}
