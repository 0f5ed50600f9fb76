package org.muster.models.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.muster.core.api.TextInput;

/**
 * Which file column holds each of a model family's data names ({@code --map y=tumors,n=rats}), and
 * which file columns to leave out ({@code skip=experiment}). A name that is not mapped is looked up
 * as a column of the same name.
 *
 * @param columns family name to file column, in the order given
 * @param skipped file columns the family should not read
 */
public record ColumnMapping(Map<String, String> columns, Set<String> skipped) {

    /** The entry that names a column to leave out: {@code skip=FirstName}. */
    public static final String SKIP = "skip";

    private static final ColumnMapping NONE = new ColumnMapping(Map.of(), Set.of());

    public ColumnMapping {
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        skipped = Collections.unmodifiableSet(new LinkedHashSet<>(skipped));
        Map<String, String> byColumn = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : columns.entrySet()) {
            String previous = byColumn.put(entry.getValue(), entry.getKey());
            if (previous != null) {
                throw new IllegalArgumentException("--map: column '" + TextInput.excerpt(entry.getValue()) + "' is mapped to both '"
                        + TextInput.excerpt(previous) + "' and '" + TextInput.excerpt(entry.getKey()) + "'");
            }
            if (skipped.contains(entry.getValue())) {
                throw new IllegalArgumentException("--map: column '" + TextInput.excerpt(entry.getValue()) + "' is both mapped to '"
                        + TextInput.excerpt(entry.getKey()) + "' and skipped");
            }
        }
    }

    /** No mapping: every name is read from the column of the same name. */
    public static ColumnMapping none() {
        return NONE;
    }

    /**
     * Parses {@code NAME=COLUMN} pairs separated by commas, e.g. {@code y=tumors,n=rats,skip=experiment}.
     *
     * @throws IllegalArgumentException for a malformed pair or a name given twice
     */
    public static ColumnMapping parse(String text) {
        Map<String, String> columns = new LinkedHashMap<>();
        Set<String> skipped = new LinkedHashSet<>();
        if (text.isBlank()) {
            throw new IllegalArgumentException("--map: expected NAME=COLUMN pairs separated by commas, e.g."
                    + " y=tumors,n=rats");
        }
        for (String pair : text.split(",", -1)) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? "" : pair.substring(0, eq).trim();
            String column = eq < 0 ? "" : pair.substring(eq + 1).trim();
            if (name.isEmpty() || column.isEmpty()) {
                throw new IllegalArgumentException("--map '" + TextInput.excerpt(text) + "': '" + TextInput.excerpt(pair.trim())
                        + "' is not NAME=COLUMN; expected pairs separated by commas, e.g. y=tumors,n=rats");
            }
            if (name.equals(SKIP)) {
                skipped.add(column);
            } else if (columns.putIfAbsent(name, column) != null) {
                throw new IllegalArgumentException("--map '" + TextInput.excerpt(text) + "': '" + TextInput.excerpt(name) + "' is mapped twice");
            }
        }
        return new ColumnMapping(columns, skipped);
    }

    /** Parses and merges several {@code --map} values; a later value may not remap an earlier name. */
    public static ColumnMapping parseAll(Iterable<String> texts) {
        ColumnMapping out = NONE;
        for (String text : texts) {
            ColumnMapping next = parse(text);
            for (String name : next.columns.keySet()) {
                if (out.columns.containsKey(name)) {
                    throw new IllegalArgumentException("--map: '" + TextInput.excerpt(name) + "' is mapped twice");
                }
            }
            out = out.overriddenBy(next);
        }
        return out;
    }

    /** This mapping with {@code overrides} taking precedence name by name (a built-in default under the user's). */
    public ColumnMapping overriddenBy(ColumnMapping overrides) {
        Map<String, String> merged = new LinkedHashMap<>(columns);
        Set<String> overridden = new LinkedHashSet<>(overrides.columns.values());
        merged.keySet().removeAll(overrides.columns.keySet());
        merged.values().removeAll(overridden);
        merged.values().removeAll(overrides.skipped);
        merged.putAll(overrides.columns);
        Set<String> skip = new LinkedHashSet<>(skipped);
        skip.removeAll(overridden);
        skip.addAll(overrides.skipped);
        return new ColumnMapping(merged, skip);
    }

    /** The file column that holds {@code name}. */
    public String columnFor(String name) {
        return columns.getOrDefault(name, name);
    }

    /** Whether nothing is mapped or skipped. */
    public boolean isEmpty() {
        return columns.isEmpty() && skipped.isEmpty();
    }

    /** As {@code --map} would take it. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        columns.forEach((name, column) -> out.append(out.length() == 0 ? "" : ",").append(name).append('=').append(column));
        skipped.forEach(column -> out.append(out.length() == 0 ? "" : ",").append(SKIP).append('=').append(column));
        return out.toString();
    }
}
