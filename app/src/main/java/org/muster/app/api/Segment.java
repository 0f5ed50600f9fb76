package org.muster.app.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.muster.models.api.Dataset;

/**
 * One segment of a table: the rows whose segment column holds {@code key}, without that column, each
 * row keeping its line in the file for messages. Immutable.
 *
 * @param key the segment column's text in these rows (trimmed)
 * @param data the rows, named in messages as {@code <file>, segment '<key>'}
 */
public record Segment(String key, Dataset data) {

    public Segment {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(data, "data");
    }

    /**
     * Splits a table by the text of column {@code by}: one segment per distinct value, in the order of
     * first appearance, rows in file order.
     *
     * @throws IllegalArgumentException if the table has no such column, naming the columns it has
     */
    public static List<Segment> split(Dataset table, String by) {
        if (!table.hasColumn(by)) {
            throw new IllegalArgumentException(table.source() + ": no column '" + by + "' to segment by; the columns are "
                    + table.columns());
        }
        List<String> keys = table.text(by);
        List<String> columns = new ArrayList<>(table.columns());
        int byIndex = columns.indexOf(by);
        columns.remove(byIndex);
        List<String[]> rows = Tables.rows(table);
        int[] lines = Tables.lines(table);
        Map<String, List<Integer>> members = new LinkedHashMap<>();
        for (int r = 0; r < rows.size(); r++) {
            members.computeIfAbsent(keys.get(r).trim(), k -> new ArrayList<>()).add(r);
        }
        List<Segment> segments = new ArrayList<>(members.size());
        for (Map.Entry<String, List<Integer>> entry : members.entrySet()) {
            List<String[]> segmentRows = new ArrayList<>(entry.getValue().size());
            int[] segmentLines = new int[entry.getValue().size()];
            for (int i = 0; i < segmentLines.length; i++) {
                int r = entry.getValue().get(i);
                segmentRows.add(without(rows.get(r), byIndex));
                segmentLines[i] = lines[r];
            }
            segments.add(of(table.source(), entry.getKey(), columns, segmentRows, segmentLines));
        }
        return segments;
    }

    /**
     * A segment from rows already apart (as a Spark task has them).
     *
     * @param source where the table came from, for messages
     * @param rows not modified (copied); cells as text, one per column
     * @param lines not modified; each row's line (or row number) for messages
     */
    public static Segment of(String source, String key, List<String> columns, List<String[]> rows, int[] lines) {
        return new Segment(key, new Dataset(source + ", segment '" + key + "'", columns, rows, lines));
    }

    private static String[] without(String[] row, int column) {
        String[] out = new String[row.length - 1];
        System.arraycopy(row, 0, out, 0, column);
        System.arraycopy(row, column + 1, out, column, row.length - column - 1);
        return out;
    }
}
