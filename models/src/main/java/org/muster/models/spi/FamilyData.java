package org.muster.models.spi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.muster.models.api.ColumnMapping;
import org.muster.models.api.Dataset;
import org.muster.core.api.TextInput;

/**
 * A family's view of a dataset: each of the family's data names resolved to a file column (through
 * the built-in dataset's mapping and the user's {@code --map}; a file with a built-in dataset's
 * columns is read with its mapping), checked for missing and extra
 * columns, with typed readers whose messages name the file, row, column and what was expected.
 *
 * <p>Two optional columns have a meaning shared by the families that declare them: {@code group}, a
 * 1-based index of the unit each row belongs to (several rows per unit), and {@code unit}, a label
 * naming each unit in the output.
 */
public final class FamilyData {

    /** The most groups a declared J may give: each group is a parameter, so more would not fit a fit's memory. */
    static final int MAX_GROUPS = 10_000_000;

    /** The optional column of 1-based unit indexes. */
    public static final String GROUP = "group";
    /** The optional column of unit labels. */
    public static final String UNIT = "unit";
    /** The Stan JSON scalar that declares the number of groups. */
    public static final String GROUP_COUNT = "J";

    private final String family;
    private final Dataset data;
    private final Map<String, DataColumn> declared = new LinkedHashMap<>();
    private final Map<String, String> fileColumns = new LinkedHashMap<>();

    private FamilyData(String family, List<DataColumn> columns, Dataset data, ColumnMapping mapping) {
        this.family = family;
        this.data = data;
        for (DataColumn column : columns) {
            declared.put(column.name(), column);
        }
        for (String name : mapping.columns().keySet()) {
            if (!declared.containsKey(name)) {
                throw new IllegalArgumentException("--map " + TextInput.excerpt(name) + "=" + TextInput.excerpt(mapping.columns().get(name)) + ": model "
                        + family + " has no data named '" + name + "'; it reads " + describeNames());
            }
        }
        for (String skipped : mapping.skipped()) {
            if (!data.hasColumn(skipped) && !data.scalars().containsKey(skipped)) {
                throw new IllegalArgumentException("--map skip=" + TextInput.excerpt(skipped) + ": " + data.source()
                        + " has no column '" + TextInput.excerpt(skipped) + "'; its columns are "
                        + TextInput.excerpts(data.columns()));
            }
        }
        List<DataColumn> required = columns.stream().filter(c -> !c.optional()).toList();
        for (DataColumn column : columns) {
            String fileColumn = mapping.columnFor(column.name());
            if (data.hasColumn(fileColumn)) {
                fileColumns.put(column.name(), fileColumn);
            } else if (!column.optional() && required.size() == 1 && data.columns().size() == 1
                    && !mapping.columns().containsKey(column.name())) {
                // A family that reads one column takes a file's only column, whatever its name.
                fileColumns.put(column.name(), data.columns().get(0));
            } else if (!column.optional() || mapping.columns().containsKey(column.name())) {
                boolean mapped = mapping.columns().containsKey(column.name());
                throw new IllegalArgumentException(data.source() + ": no " + data.columnLabel(fileColumn)
                        + (mapped ? " (mapped to " + column.name() + " by --map)" : "") + " with "
                        + column.name() + ", " + column.description() + "; the columns are " + TextInput.excerpts(data.columns())
                        + (mapped ? "" : "; if another column holds it, say so with --map " + column.name() + "=COLUMN"));
            }
        }
        for (String column : data.columns()) {
            if (!fileColumns.containsValue(column) && !mapping.skipped().contains(column)) {
                throw new IllegalArgumentException(data.source() + ": " + data.columnLabel(column)
                        + " is not read by model " + family + ", which reads " + describeNames()
                        + "; say which it is with --map NAME=" + TextInput.excerpt(column) + ", or leave it out with --map skip="
                        + TextInput.excerpt(column));
            }
        }
    }

    /**
     * The family's data in this dataset, with the mapping of the built-in dataset (if it is one the
     * family knows) under the user's {@code --map}.
     *
     * @throws IllegalArgumentException for a missing, extra or wrongly mapped column
     */
    public static FamilyData of(ModelFamily family, Dataset data, FamilyOptions options) {
        FamilyData out = new FamilyData(family.id(), family.dataColumns(), data,
                baseMapping(family, data).overriddenBy(options.columns()));
        out.checkScalars(options.columns());
        return out;
    }

    /**
     * The mapping of the built-in dataset this is, or else of the first built-in dataset (by name)
     * whose columns the file has: a file laid out like a built-in dataset is read like it.
     */
    private static ColumnMapping baseMapping(ModelFamily family, Dataset data) {
        Map<String, ColumnMapping> builtIns = family.builtInData();
        if (data.builtInName().isPresent()) {
            ColumnMapping mapping = builtIns.get(data.builtInName().get());
            return mapping == null ? ColumnMapping.none() : mapping;
        }
        return builtIns.keySet().stream().sorted().map(builtIns::get)
                .filter(m -> !m.isEmpty() && m.columns().values().stream().allMatch(data::hasColumn)
                        && m.skipped().stream().allMatch(data::hasColumn))
                .findFirst().orElse(ColumnMapping.none());
    }

    /** The dataset underneath. */
    public Dataset dataset() {
        return data;
    }

    /** Number of rows. */
    public int rows() {
        return data.rowCount();
    }

    /** Whether the data has the (optional) column {@code name}. */
    public boolean has(String name) {
        return fileColumns.containsKey(name);
    }

    /** The file column that holds {@code name}. */
    public String fileColumn(String name) {
        String column = fileColumns.get(name);
        if (column == null) {
            throw new IllegalArgumentException(data.source() + ": model " + family + " needs data '" + name
                    + "' but the data has no such column");
        }
        return column;
    }

    /** A column of finite reals. */
    public double[] real(String name) {
        try {
            return data.real(fileColumn(name));
        } catch (IllegalArgumentException e) {
            throw explain(e, name);
        }
    }

    /** A column of positive finite reals (standard errors, exposures). */
    public double[] positive(String name) {
        try {
            return data.positive(fileColumn(name));
        } catch (IllegalArgumentException e) {
            throw explain(e, name);
        }
    }

    /** A column of counts: whole numbers &ge; 0. */
    public int[] counts(String name) {
        int[] values;
        try {
            values = data.integer(fileColumn(name));
        } catch (IllegalArgumentException e) {
            throw explain(e, name);
        }
        for (int r = 0; r < values.length; r++) {
            if (values[r] < 0) {
                throw explain(data.cellError(r, fileColumn(name), Integer.toString(values[r]),
                        "a count (a whole number >= 0); it is negative"), name);
            }
        }
        return values;
    }

    /**
     * Checks {@code small[r] <= large[r]} row by row, e.g. successes no more than trials.
     *
     * @param small not modified
     * @param large not modified
     */
    public void requireNotAbove(String smallName, int[] small, String largeName, int[] large, String meaning) {
        for (int r = 0; r < small.length; r++) {
            if (small[r] > large[r]) {
                throw new IllegalArgumentException(data.source() + ", " + data.rowLocation(r) + ": " + smallName + " = "
                        + small[r] + " (" + data.columnLabel(fileColumn(smallName)) + ") is more than " + largeName
                        + " = " + large[r] + " (" + data.columnLabel(fileColumn(largeName)) + "); " + meaning);
            }
        }
    }

    /**
     * The units the rows belong to: from the {@code group} column if there is one (1-based, every unit
     * from 1 to J present unless a JSON scalar {@code J} declares the count), else one unit per row;
     * labelled from the {@code unit} column, else by number.
     *
     * @throws IllegalArgumentException for an index that is not a positive integer or is out of range,
     *     a gap in the indexes, or a unit labelled two ways
     */
    public UnitIndex units() {
        int rows = data.rowCount();
        int[] index = new int[rows];
        int count;
        if (has(GROUP)) {
            int[] groups;
            try {
                groups = data.integer(fileColumn(GROUP));
            } catch (IllegalArgumentException e) {
                throw explain(e, GROUP);
            }
            Integer declaredCount = declaredGroupCount();
            int max = Arrays.stream(groups).max().orElse(0);
            count = declaredCount != null ? declaredCount : max;
            for (int r = 0; r < rows; r++) {
                if (groups[r] < 1 || groups[r] > count) {
                    throw explain(data.cellError(r, fileColumn(GROUP), Integer.toString(groups[r]),
                            "a group index in range: groups are numbered 1 to " + count
                                    + (declaredCount != null ? " (J = " + count + ")" : "")), GROUP);
                }
                index[r] = groups[r] - 1;
            }
            if (declaredCount == null) {
                boolean[] seen = new boolean[count];
                for (int g : index) {
                    seen[g] = true;
                }
                for (int g = 0; g < count; g++) {
                    if (!seen[g]) {
                        throw new IllegalArgumentException(data.source() + ", " + data.columnLabel(fileColumn(GROUP))
                                + ": no row has group " + (g + 1) + "; groups must be numbered 1 to " + count
                                + " without gaps (declare J in a JSON file for groups without data)");
                    }
                }
            }
        } else {
            count = rows;
            for (int r = 0; r < rows; r++) {
                index[r] = r;
            }
        }
        String[] labels = new String[count];
        int[] labelRow = new int[count];
        if (has(UNIT)) {
            List<String> text = data.text(fileColumn(UNIT));
            for (int r = 0; r < rows; r++) {
                String label = text.get(r).trim();
                int g = index[r];
                if (labels[g] == null) {
                    labels[g] = label;
                    labelRow[g] = r;
                } else if (!labels[g].equals(label)) {
                    throw new IllegalArgumentException(data.source() + ", " + data.rowLocation(r) + ", "
                            + data.columnLabel(fileColumn(UNIT)) + ": unit '" + TextInput.excerpt(label) + "' but group "
                            + (g + 1) + " is called '" + TextInput.excerpt(labels[g]) + "' on " + data.rowLocation(labelRow[g]));
                }
            }
        }
        List<String> out = new ArrayList<>(count);
        for (int g = 0; g < count; g++) {
            out.add(labels[g] == null || labels[g].isEmpty() ? Integer.toString(g + 1) : labels[g]);
        }
        return new UnitIndex(count, index, out);
    }

    private Integer declaredGroupCount() {
        String text = data.scalars().get(GROUP_COUNT);
        if (text == null) {
            return null;
        }
        double value = parseScalar(GROUP_COUNT, text);
        if (value != Math.rint(value) || value < 1) {
            throw new IllegalArgumentException(data.source() + ", variable '" + GROUP_COUNT + "': '"
                    + TextInput.excerpt(text) + "' is not a number of groups (a whole number >= 1)");
        }
        if (value > MAX_GROUPS) {
            throw new IllegalArgumentException(data.source() + ", variable '" + GROUP_COUNT + "': '"
                    + TextInput.excerpt(text) + "' groups are more than one fit holds (at most " + MAX_GROUPS + ")");
        }
        return (int) value;
    }

    /** JSON scalars must be sizes: the number of entries, or the number of groups. */
    private void checkScalars(ColumnMapping mapping) {
        for (Map.Entry<String, String> scalar : data.scalars().entrySet()) {
            String name = scalar.getKey();
            if (mapping.skipped().contains(name) || (name.equals(GROUP_COUNT) && has(GROUP))) {
                continue;
            }
            double value = parseScalar(name, scalar.getValue());
            if (value != data.rowCount()) {
                throw new IllegalArgumentException(data.source() + ", variable '" + TextInput.excerpt(name) + "' = "
                        + TextInput.excerpt(scalar.getValue()) + ": not read by model " + family
                        + " (a size must equal the number of entries, " + data.rowCount()
                        + "); leave it out with --map skip=" + TextInput.excerpt(name));
            }
        }
    }

    private double parseScalar(String name, String text) {
        try {
            double value = Double.parseDouble(text.trim());
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(data.source() + ", variable '" + TextInput.excerpt(name) + "': '"
                + TextInput.excerpt(text) + "' is not a finite number");
    }

    private IllegalArgumentException explain(IllegalArgumentException e, String name) {
        DataColumn column = declared.get(name);
        String meaning = column == null ? "" : "; " + name + " is " + column.description() + " (" + column.type() + ")";
        return new IllegalArgumentException(e.getMessage() + meaning, e);
    }

    private String describeNames() {
        List<String> required = new ArrayList<>();
        List<String> optional = new ArrayList<>();
        for (DataColumn column : declared.values()) {
            (column.optional() ? optional : required).add(column.name() + " (" + column.description() + ")");
        }
        return String.join(", ", required) + (optional.isEmpty() ? "" : "; optionally " + String.join(", ", optional));
    }
}
