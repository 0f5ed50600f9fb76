package org.muster.app.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * What the terminal and the report show of tables too long to read (10^6 units): every scalar row, and of
 * each vector ({@code theta[1]}, {@code theta[2]}, ...) its first {@value #MEMBERS_SHOWN} members; the
 * files ({@code summary.csv}, {@code shrinkage.csv}) keep every row. One pass, no step worse than linear.
 */
public final class LongTables {

    /** Members of one vector shown at most. */
    public static final int MEMBERS_SHOWN = 1000;

    /** Units shown at most in the shrinkage table and figure. */
    public static final int UNITS_SHOWN = 1000;

    private LongTables() {
    }

    /**
     * The rows shown, and per vector left short, how many members were left out.
     *
     * @param <R> a table row
     */
    public record Shown<R>(List<R> rows, Map<String, Integer> omitted) {

        /** Rows left out in all. */
        public long omittedRows() {
            return omitted.values().stream().mapToLong(Integer::longValue).sum();
        }

        /**
         * One sentence naming what was left out, e.g. {@code theta: 999,000 more members not shown (summary.csv
         * has every row).}; empty if nothing was.
         */
        public String note(String file) {
            if (omitted.isEmpty()) {
                return "";
            }
            List<String> parts = new ArrayList<>();
            omitted.forEach((vector, count) -> parts.add(vector + ": " + String.format(Locale.ROOT, "%,d", count)
                    + " more member" + (count == 1 ? "" : "s")));
            return String.join(", ", parts) + " not shown (" + file + " has every row).";
        }
    }

    /** The rows of a table by variable name, vectors cut to their first {@value #MEMBERS_SHOWN} members. */
    public static <R> Shown<R> members(List<R> rows, Function<R, String> variable) {
        return members(rows, variable, MEMBERS_SHOWN);
    }

    /** As {@link #members(List, Function)}, with another limit. */
    public static <R> Shown<R> members(List<R> rows, Function<R, String> variable, int limit) {
        Map<String, Integer> seen = new LinkedHashMap<>();
        Map<String, Integer> omitted = new LinkedHashMap<>();
        List<R> shown = new ArrayList<>();
        for (R row : rows) {
            String name = variable.apply(row);
            int bracket = name.indexOf('[');
            if (bracket < 0) {
                shown.add(row);
                continue;
            }
            String base = name.substring(0, bracket);
            int count = seen.merge(base, 1, Integer::sum);
            if (count <= limit) {
                shown.add(row);
            } else {
                omitted.merge(base, 1, Integer::sum);
            }
        }
        return new Shown<>(shown, omitted);
    }

    /**
     * At most {@code limit} rows evenly spread over an ordered list (its first and last among them), or all
     * of them if there are no more.
     */
    public static <R> List<R> spread(List<R> rows, int limit) {
        if (rows.size() <= limit) {
            return rows;
        }
        List<R> shown = new ArrayList<>(limit);
        for (int i = 0; i < limit; i++) {
            shown.add(rows.get((int) Math.round(i * (rows.size() - 1.0) / (limit - 1.0))));
        }
        return shown;
    }
}
