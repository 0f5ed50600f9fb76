package org.muster.models.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A table of named columns read from a file or a built-in dataset. Cells are kept as the text the
 * user wrote; typed readers parse them on demand and report the file, line and column of any cell
 * that does not fit. Immutable.
 */
public final class Dataset {

    private final String source;
    private final List<String> columns;
    private final Map<String, Integer> columnIndex = new LinkedHashMap<>();
    private final List<String[]> rows;
    private final int[] lines;

    /**
     * @param source where the data came from, for messages (a path or {@code built-in 'rats'})
     * @param columns header names
     * @param rows not modified (copied); each as long as {@code columns}
     * @param lines not modified (copied): the file line of each row, for messages
     */
    public Dataset(String source, List<String> columns, List<String[]> rows, int[] lines) {
        this.source = source;
        this.columns = List.copyOf(columns);
        for (int i = 0; i < columns.size(); i++) {
            if (columnIndex.put(columns.get(i), i) != null) {
                throw new IllegalArgumentException(source + ": column '" + columns.get(i) + "' appears twice in the header");
            }
        }
        List<String[]> copy = new ArrayList<>(rows.size());
        for (String[] row : rows) {
            copy.add(row.clone());
        }
        this.rows = copy;
        if (lines.length != rows.size()) {
            throw new IllegalArgumentException("one line number per row is needed");
        }
        this.lines = lines.clone();
        for (int r = 0; r < copy.size(); r++) {
            if (copy.get(r).length != this.columns.size()) {
                throw new IllegalArgumentException(source + ", line " + lines[r] + ": " + copy.get(r).length
                        + " cells but the header has " + this.columns.size() + " columns");
            }
        }
    }

    public String source() {
        return source;
    }

    public List<String> columns() {
        return columns;
    }

    public int rowCount() {
        return rows.size();
    }

    public boolean hasColumn(String name) {
        return columnIndex.containsKey(name);
    }

    /** The cells of a column as text. */
    public List<String> text(String column) {
        int c = require(column);
        List<String> out = new ArrayList<>(rows.size());
        for (String[] row : rows) {
            out.add(row[c]);
        }
        return out;
    }

    /** A numeric column. @throws IllegalArgumentException naming file, line and column of a bad cell */
    public double[] real(String column) {
        int c = require(column);
        double[] out = new double[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            String cell = rows.get(r)[c].trim();
            try {
                out[r] = Double.parseDouble(cell);
            } catch (NumberFormatException e) {
                throw cellError(r, column, cell, "a number");
            }
            if (!Double.isFinite(out[r])) {
                throw cellError(r, column, cell, "a finite number");
            }
        }
        return out;
    }

    /** A numeric column whose values must be positive (standard errors, exposures). */
    public double[] positive(String column) {
        double[] out = real(column);
        for (int r = 0; r < out.length; r++) {
            if (!(out[r] > 0)) {
                throw cellError(r, column, rows.get(r)[columnIndex.get(column)].trim(), "a positive number");
            }
        }
        return out;
    }

    /** An integer column (counts, trials). */
    public int[] integer(String column) {
        int c = require(column);
        int[] out = new int[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            String cell = rows.get(r)[c].trim();
            try {
                out[r] = Integer.parseInt(cell);
            } catch (NumberFormatException e) {
                throw cellError(r, column, cell, "an integer");
            }
        }
        return out;
    }

    private int require(String column) {
        Integer c = columnIndex.get(column);
        if (c == null) {
            throw new IllegalArgumentException(source + ": no column '" + column + "'; the columns are " + columns);
        }
        return c;
    }

    private IllegalArgumentException cellError(int row, String column, String cell, String expected) {
        return new IllegalArgumentException(source + ", line " + lines[row] + ", column '" + column + "': '"
                + cell + "' is not " + expected);
    }
}
