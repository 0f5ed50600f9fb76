/** Muster's contract suite for model families, {@link org.muster.testkit.models.ModelFamilyContract}, for plugins' own tests. */
module org.muster.testkit.models {
    requires transitive org.muster.testkit;
    requires transitive org.muster.models;

    uses org.muster.core.spi.InferenceMethodProvider;

    exports org.muster.testkit.models;
    // JUnit reads the suite's argument sources and lifecycle reflectively.
    opens org.muster.testkit.models to org.junit.platform.commons;
}
