package org.muster.lang.internal.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The variables of one or more data (or initial-values) files, by name, in the order read. */
public final class DataTable {

    private final Map<String, DataArray> variables = new LinkedHashMap<>();

    /** An empty table. */
    public DataTable() {
    }

    /**
     * Adds a variable.
     *
     * @throws org.muster.lang.spi.ModelFileException if one of that name was already read, naming both places
     */
    public void add(DataArray array) {
        DataArray existing = variables.get(array.name());
        if (existing != null) {
            String where = existing.source() == array.source() ? "line " + existing.position().line()
                    : existing.source().name() + (existing.position().line() > 0 ? ":" + existing.position().line() : "");
            throw array.source().error(array.position(), "'" + array.name() + "' is given twice; it was already given at "
                    + where);
        }
        variables.put(array.name(), array);
    }

    /** Adds every variable of another table, in its order (later files add variables). */
    public void addAll(DataTable other) {
        for (DataArray array : other.variables.values()) {
            add(array);
        }
    }

    public Optional<DataArray> get(String name) {
        return Optional.ofNullable(variables.get(name));
    }

    public boolean contains(String name) {
        return variables.containsKey(name);
    }

    /** Removes and returns a variable, if present. */
    public Optional<DataArray> remove(String name) {
        return Optional.ofNullable(variables.remove(name));
    }

    /** The variables in the order read. */
    public Map<String, DataArray> variables() {
        return Collections.unmodifiableMap(variables);
    }

    public List<String> names() {
        return List.copyOf(variables.keySet());
    }
}
