/** Posterior summaries and convergence diagnostics over plain arrays of draws. */
module org.muster.diagnostics {
    requires transitive org.muster.core;
    requires commons.math3;

    exports org.muster.diagnostics.api;
}
