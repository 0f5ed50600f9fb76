package org.muster.app.api;

import java.io.Serializable;
import java.util.List;

/**
 * One row of {@code warnings.csv}: a diagnostic warning of a segment's fit (R-hat, ESS, divergences, ...),
 * or a segment's error. Immutable.
 *
 * @param segment the segment's key
 * @param kind the warning's kind in lower case ({@code rhat}, {@code divergences}, ...), or {@code error}
 * @param variables the variables concerned, separated by spaces; may be empty
 * @param message what was found and what to try
 */
public record SegmentWarningRow(String segment, String kind, String variables, String message) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The column names, in order. */
    public static final List<String> COLUMNS = List.of("segment", "kind", "variables", "message");
}
