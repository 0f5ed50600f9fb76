package org.muster.em.internal.eb;

/** Provides {@code map2}: MAP-II, empirical Bayes with the hyperparameters' prior (see {@link EmpiricalBayesProvider}). */
public final class MapTwoProvider extends EmpiricalBayesProvider {

    /** As {@code ServiceLoader} creates it. */
    public MapTwoProvider() {
        super(true);
    }
}
