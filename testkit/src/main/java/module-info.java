/**
 * Muster's contract suites for plugins' own tests: {@link org.muster.testkit.InferenceMethodContract} for
 * MCMC methods, {@link org.muster.testkit.UnivariateDistributionContract} for distribution kernels,
 * {@link org.muster.testkit.TransformContract} for transforms, with the assertions they use.
 */
module org.muster.testkit {
    requires transitive org.muster.core;
    requires transitive org.junit.jupiter.api;
    requires transitive org.junit.jupiter.params;
    requires org.muster.diagnostics;
    requires commons.math3;
    requires jdk.management;

    exports org.muster.testkit;
    // JUnit reads the suites' argument sources and lifecycle reflectively.
    opens org.muster.testkit to org.junit.platform.commons;
}
