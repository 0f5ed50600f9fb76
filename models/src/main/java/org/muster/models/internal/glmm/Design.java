package org.muster.models.internal.glmm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.muster.core.api.TextInput;
import org.muster.models.api.Dataset;
import org.muster.models.internal.glmm.Formula.Term;

/**
 * The formula's columns read from a dataset: numeric columns as they are, other columns as
 * categorical (treatment-coded against their first level in sorted order, as R's {@code factor} does),
 * and grouping factors as 0-based level indexes. Errors point at the formula where a column is named.
 */
final class Design {

    private final Dataset data;
    private final String formula;
    private final Map<String, double[]> numeric = new HashMap<>();

    Design(Dataset data, String formula) {
        this.data = data;
        this.formula = formula;
    }

    /** A column of the design: its name as brms writes it ({@code floor}, {@code sexmale:age}) and its values. */
    record Column(String name, double[] values) {
    }

    /** A grouping factor's levels (labels in sorted order) and each row's level (0-based). */
    record Factor(String name, List<String> levels, int[] index) {
    }

    int rows() {
        return data.rowCount();
    }

    String source() {
        return data.source();
    }

    Dataset dataset() {
        return data;
    }

    /** @throws IllegalArgumentException pointing at the formula if the dataset has no such column */
    void require(String column, int position) {
        if (!data.hasColumn(column)) {
            throw FormulaParser.error(formula, position, "unknown column '" + TextInput.excerpt(column) + "' ("
                    + data.source() + " has columns " + TextInput.excerpts(data.columns()) + ")");
        }
    }

    /** The column's values if every cell is a number, else {@code null} (a categorical column). */
    double[] numericOrNull(String column) {
        if (numeric.containsKey(column)) {
            return numeric.get(column);
        }
        List<String> cells = data.text(column);
        double[] values = new double[cells.size()];
        for (int r = 0; r < cells.size(); r++) {
            if (cells.get(r).isBlank()) {
                throw data.cellError(r, column, "", "a value: the cell is empty, and glmm has no model for missing data");
            }
        }
        for (int r = 0; r < values.length; r++) {
            try {
                values[r] = Double.parseDouble(cells.get(r).trim());
            } catch (NumberFormatException e) {
                values = null;
                break;
            }
            if (!Double.isFinite(values[r])) {
                throw data.cellError(r, column, cells.get(r).trim(), "a finite number");
            }
        }
        numeric.put(column, values);
        return values;
    }

    /** As {@link #expand(Term, boolean)} with every categorical column treatment-coded. */
    List<Column> expand(Term term) {
        return expand(term, false);
    }

    /**
     * Whether the term has a categorical (text) column.
     *
     * @throws IllegalArgumentException pointing at the formula for an unknown column
     */
    boolean hasCategorical(Term term) {
        for (int v = 0; v < term.variables().size(); v++) {
            require(term.variables().get(v), term.positions().get(v));
            if (numericOrNull(term.variables().get(v)) == null) {
                return true;
            }
        }
        return false;
    }

    /**
     * The design columns of a term: a numeric column itself, a categorical column one indicator per
     * level but the first, an interaction the products of its parts' columns.
     *
     * @param allLevels code the term's first categorical column with one indicator for every level, as R's
     *     {@code model.matrix} does for the first factor of a model without an intercept (the indicators
     *     then span the intercept, so none is redundant)
     * @throws IllegalArgumentException for an unknown column, a categorical column with one level or a
     *     constant column
     */
    List<Column> expand(Term term, boolean allLevels) {
        boolean fullCoding = allLevels;
        List<Column> out = new ArrayList<>();
        double[] ones = new double[rows()];
        java.util.Arrays.fill(ones, 1);
        out.add(new Column("", ones));
        for (int v = 0; v < term.variables().size(); v++) {
            String variable = term.variables().get(v);
            int position = term.positions().get(v);
            require(variable, position);
            double[] values = numericOrNull(variable);
            List<Column> next = new ArrayList<>();
            if (values != null) {
                for (Column c : out) {
                    next.add(new Column(join(c.name(), variable), times(c.values(), values)));
                }
            } else {
                Factor factor = factor(List.of(variable), position);
                int firstLevel = fullCoding ? 0 : 1;
                fullCoding = false;
                for (Column c : out) {
                    for (int level = firstLevel; level < factor.levels().size(); level++) {
                        double[] indicator = new double[rows()];
                        for (int r = 0; r < indicator.length; r++) {
                            indicator[r] = factor.index()[r] == level ? c.values()[r] : 0;
                        }
                        next.add(new Column(join(c.name(), variable + brmsLabel(factor.levels().get(level))), indicator));
                    }
                }
            }
            out = next;
        }
        for (Column c : out) {
            double first = c.values()[0];
            boolean constant = true;
            for (double x : c.values()) {
                if (x != first) {
                    constant = false;
                    break;
                }
            }
            if (constant) {
                throw FormulaParser.error(formula, term.positions().get(0), "predictor '" + TextInput.excerpt(c.name()) + "' is constant ("
                        + first + " in every row of " + data.source() + "), so its coefficient cannot be told apart"
                        + " from the intercept; leave it out");
            }
        }
        return out;
    }

    /**
     * The groups formed by the combinations of these columns, levels sorted (numerically where the
     * cells are numbers) and labelled by their cells joined with {@code _}.
     *
     * @throws IllegalArgumentException for an unknown column, or (for a grouping factor) fewer than two levels
     */
    Factor factor(List<String> columns, int position) {
        List<List<String>> cells = new ArrayList<>();
        for (String column : columns) {
            require(column, position);
            cells.add(data.text(column));
        }
        Comparator<String> order = (a, b) -> {
            Double x = parseOrNull(a);
            Double y = parseOrNull(b);
            if (x != null && y != null) {
                return Double.compare(x, y);
            }
            return x != null ? -1 : y != null ? 1 : a.compareTo(b);
        };
        Comparator<List<String>> keyOrder = (a, b) -> {
            for (int i = 0; i < a.size(); i++) {
                int c = order.compare(a.get(i), b.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        };
        Map<List<String>, Integer> levels = new TreeMap<>(keyOrder);
        List<List<String>> rowKeys = new ArrayList<>(rows());
        for (int r = 0; r < rows(); r++) {
            List<String> key = new ArrayList<>(columns.size());
            for (int c = 0; c < cells.size(); c++) {
                String cell = cells.get(c).get(r).trim();
                if (cell.isEmpty()) {
                    throw data.cellError(r, columns.get(c), "", "a group: the cell is empty");
                }
                key.add(cell);
            }
            levels.put(key, 0);
            rowKeys.add(key);
        }
        List<String> labels = new ArrayList<>();
        for (Map.Entry<List<String>, Integer> level : levels.entrySet()) {
            level.setValue(labels.size());
            List<String> parts = new ArrayList<>();
            for (String part : level.getKey()) {
                Double x = parseOrNull(part);
                parts.add(x != null && x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString(x.longValue()) : part);
            }
            labels.add(String.join("_", parts));
        }
        int[] index = new int[rows()];
        for (int r = 0; r < index.length; r++) {
            index[r] = levels.get(rowKeys.get(r));
        }
        String name = String.join(":", columns);
        if (labels.size() < 2) {
            throw FormulaParser.error(formula, position, (columns.size() == 1 ? "column '" : "factor '")
                    + TextInput.excerpt(name) + "' has one level ('" + TextInput.excerpt(labels.get(0)) + "' in every row of " + data.source()
                    + "); it needs at least two");
        }
        return new Factor(name, labels, index);
    }

    /**
     * A level as brms writes it in a coefficient's name ({@code b_floorfirstfloor} for the level
     * {@code first floor}): spaces, brackets, commas and quotes dropped, operators spelled out.
     */
    static String brmsLabel(String level) {
        String out = level.replace("!=", "NEQ");
        for (String dropped : new String[] {" ", "(", ")", "[", "]", ",", "\"", "'", "?"}) {
            out = out.replace(dropped, "");
        }
        String[][] spelled = {{"+", "P"}, {"-", "M"}, {"*", "MU"}, {"/", "D"}, {"^", "E"}, {"=", "EQ"}};
        for (String[] pair : spelled) {
            out = out.replace(pair[0], pair[1]);
        }
        return out;
    }

    private static Double parseOrNull(String text) {
        try {
            double x = Double.parseDouble(text);
            return Double.isFinite(x) ? x : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : a + ":" + b;
    }

    private static double[] times(double[] a, double[] b) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] * b[i];
        }
        return out;
    }
}
