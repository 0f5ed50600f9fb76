/** Posterior summaries and convergence diagnostics over plain arrays of draws. */
module org.muster.diagnostics {
    requires transitive org.muster.core;

    exports org.muster.diagnostics.api;
}
