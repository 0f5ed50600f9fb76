package org.muster.models.internal;

/**
 * The normal hierarchical model under its best-known name, on its built-in data: the eight schools
 * of Rubin (1981) and Gelman et al., BDA3 §5.5. Same options, priors and pooling as
 * {@code normal-hierarchical}.
 */
public final class EightSchoolsFamily extends NormalHierarchicalFamily {

    public EightSchoolsFamily() {
        super("eight-schools", "The normal hierarchical model on the eight schools (Rubin 1981; BDA3 5.5),"
                + " non-centered by default");
    }
}
