package org.muster.models.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.muster.core.api.TextInput;

/**
 * A table of named columns read from a file or a built-in dataset, plus any named scalars (a Stan
 * JSON file's sizes such as {@code J}). Cells are kept as the text the user wrote; typed readers
 * parse them on demand and report the file, row and column of any cell that does not fit.
 * Immutable.
 */
public final class Dataset {

    /** A decimal number as people write them: no hexadecimal, no Java suffixes such as {@code 1d}. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Set<String> NOT_FINITE = Set.of("nan", "na", "inf", "+inf", "-inf", "infinity", "+infinity",
            "-infinity", "null", "none", "n/a");

    private final String source;
    private final List<String> columns;
    private final Map<String, Integer> columnIndex = new LinkedHashMap<>();
    private final List<String[]> rows;
    private final int[] lines;
    private final String rowWord;
    private final String columnWord;
    private final Map<String, String> scalars;
    private final String builtInName;

    /**
     * A table read from delimited text.
     *
     * @param source where the data came from, for messages (a path or {@code built-in 'rats'})
     * @param columns header names
     * @param rows not modified (copied); each as long as {@code columns}
     * @param lines not modified (copied): the file line of each row, for messages
     */
    public Dataset(String source, List<String> columns, List<String[]> rows, int[] lines) {
        this(source, columns, rows, lines, "line", "column", Map.of(), null);
    }

    private Dataset(String source, List<String> columns, List<String[]> rows, int[] lines, String rowWord,
            String columnWord, Map<String, String> scalars, String builtInName) {
        this.source = source;
        this.columns = List.copyOf(columns);
        this.rowWord = rowWord;
        this.columnWord = columnWord;
        this.scalars = Collections.unmodifiableMap(new LinkedHashMap<>(scalars));
        this.builtInName = builtInName;
        for (int i = 0; i < columns.size(); i++) {
            if (columnIndex.put(columns.get(i), i) != null) {
                throw new IllegalArgumentException(source + ": " + columnWord + " '" + TextInput.excerpt(columns.get(i))
                        + "' appears twice");
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
                throw new IllegalArgumentException(source + ", " + rowWord + " " + lines[r] + ": "
                        + copy.get(r).length + " cells but the header has " + this.columns.size() + " columns");
            }
        }
    }

    /** A dataset with no columns and no rows, for models that take no data. */
    public static Dataset empty(String source) {
        return new Dataset(source, List.of(), List.of(), new int[0]);
    }

    /**
     * Columns of equal length from a file of named variables (Stan's JSON data format); rows are the
     * entries, numbered from 1 in messages.
     *
     * @param columns variable name to its entries as text, in file order; not modified
     * @param scalars variable name to a single value as text (sizes such as {@code J}); not modified
     */
    static Dataset ofVariables(String source, Map<String, List<String>> columns, Map<String, String> scalars) {
        List<String> names = new ArrayList<>(columns.keySet());
        int length = names.isEmpty() ? 0 : columns.get(names.get(0)).size();
        List<String[]> rows = new ArrayList<>(length);
        int[] entries = new int[length];
        for (int r = 0; r < length; r++) {
            String[] row = new String[names.size()];
            for (int c = 0; c < names.size(); c++) {
                row[c] = columns.get(names.get(c)).get(r);
            }
            rows.add(row);
            entries[r] = r + 1;
        }
        return new Dataset(source, names, rows, entries, "entry", "variable", scalars, null);
    }

    /** The same data, remembered as the built-in dataset of this name. */
    Dataset asBuiltIn(String name) {
        return new Dataset(source, columns, rows, lines, rowWord, columnWord, scalars, name);
    }

    /** Where the data came from, for messages: a path or {@code built-in 'rats'}. */
    public String source() {
        return source;
    }

    /** The name of the built-in dataset this is ({@code rats}), or empty for a file. */
    public Optional<String> builtInName() {
        return Optional.ofNullable(builtInName);
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

    /** Named single values that are not columns (from a JSON file: sizes such as {@code N} or {@code J}). */
    public Map<String, String> scalars() {
        return scalars;
    }

    /**
     * Where a row is in the file, for messages: {@code "line 4"} for delimited text,
     * {@code "entry 4"} for a JSON file.
     *
     * @param row 0-based row
     */
    public String rowLocation(int row) {
        return rowWord + " " + lines[row];
    }

    /** How a column is called in messages: {@code column 'y'} or, for JSON, {@code variable 'y'}. */
    public String columnLabel(String column) {
        return columnWord + " '" + TextInput.excerpt(column) + "'";
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

    /**
     * A numeric column; every cell must be a finite decimal number.
     *
     * @throws IllegalArgumentException naming file, row and column of a bad cell
     */
    public double[] real(String column) {
        int c = require(column);
        double[] out = new double[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            out[r] = parse(r, column, rows.get(r)[c]);
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

    /** An integer column (counts, trials, indexes); {@code 3.0} is read as 3, {@code 3.5} is an error. */
    public int[] integer(String column) {
        int c = require(column);
        int[] out = new int[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            String cell = rows.get(r)[c].trim();
            double value = parse(r, column, cell);
            if (value != Math.rint(value) || Math.abs(value) > Integer.MAX_VALUE) {
                throw cellError(r, column, cell, "an integer");
            }
            out[r] = (int) value;
        }
        return out;
    }

    /**
     * An error about one cell: {@code "rats.csv, line 4, column 'tumors': '3.5' is not an integer"}.
     *
     * @param row 0-based row
     * @param expected what the cell should have been, e.g. {@code "an integer"}
     */
    public IllegalArgumentException cellError(int row, String column, String cell, String expected) {
        return new IllegalArgumentException(source + ", " + rowLocation(row) + ", " + columnLabel(column) + ": '"
                + TextInput.excerpt(cell) + "' is not " + expected);
    }

    private double parse(int row, String column, String text) {
        String cell = text.trim();
        if (cell.isEmpty()) {
            throw new IllegalArgumentException(source + ", " + rowLocation(row) + ", " + columnLabel(column)
                    + ": the cell is empty; expected a number");
        }
        if (NOT_FINITE.contains(cell.toLowerCase(Locale.ROOT))) {
            throw cellError(row, column, cell, "a finite number (missing and infinite values are not allowed)");
        }
        if (!NUMBER.matcher(cell).matches()) {
            throw cellError(row, column, cell, "a number");
        }
        double value = Double.parseDouble(cell);
        if (!Double.isFinite(value)) {
            throw cellError(row, column, cell, "a finite number (it overflows)");
        }
        return value;
    }

    private int require(String column) {
        Integer c = columnIndex.get(column);
        if (c == null) {
            throw new IllegalArgumentException(source + ": no " + columnWord + " '" + TextInput.excerpt(column) + "'; the "
                    + columnWord + "s are " + DatasetReader.names(columns));
        }
        return c;
    }
}
