package org.muster.models.spi;

import java.util.Arrays;
import java.util.Locale;

/**
 * How much the units share: the three answers of a hierarchical model (Gelman et al., BDA3 §5.5).
 */
public enum Pooling {
    /** Units drawn from a population whose parameters are estimated too: estimates shrink toward it. */
    PARTIAL,
    /** Independent units, each with its own weak prior: no borrowing of strength. */
    NONE,
    /** One shared parameter for every unit. */
    COMPLETE;

    /** The name on the command line: {@code partial}, {@code none}, {@code complete}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the choices */
    public static Pooling parse(String text) {
        for (Pooling pooling : values()) {
            if (pooling.id().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return pooling;
            }
        }
        throw new IllegalArgumentException("--pooling: unknown pooling '" + org.muster.core.api.TextInput.excerpt(text) + "'; choose one of "
                + Arrays.stream(values()).map(Pooling::id).toList());
    }
}
