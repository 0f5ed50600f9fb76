/** Expectation–maximization, empirical Bayes and MAP: point-estimate inference methods. */
module org.muster.em {
    requires org.muster.core;
    requires commons.math3;

    exports org.muster.em.api;

    provides org.muster.core.spi.InferenceMethodProvider with
            org.muster.em.internal.map.MapProvider,
            org.muster.em.internal.eb.EmpiricalBayesProvider,
            org.muster.em.internal.eb.MapTwoProvider,
            org.muster.em.internal.mixture.EmProvider;
}
