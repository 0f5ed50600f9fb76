package org.muster.models.spi;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Family-specific options as text key–value pairs (from {@code --param key=value}).
 *
 * @param values option values by name
 */
public record FamilyOptions(Map<String, String> values) {

    public FamilyOptions {
        values = Map.copyOf(values);
    }

    public static FamilyOptions none() {
        return new FamilyOptions(Map.of());
    }

    /** @throws IllegalArgumentException naming an option the family does not know */
    public void requireKnown(String family, Set<String> known) {
        for (String key : new TreeSet<>(values.keySet())) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException("unknown option '" + key + "' for model " + family
                        + (known.isEmpty() ? "; it takes no options" : "; known options: " + new TreeSet<>(known)));
            }
        }
    }
}
