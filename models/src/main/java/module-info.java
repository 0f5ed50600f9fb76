/** Model families as plugins, the built-in datasets and the data readers. */
module org.muster.models {
    requires transitive org.muster.core;
    requires commons.math3;
    requires com.fasterxml.jackson.databind;

    exports org.muster.models.api;
    exports org.muster.models.spi;

    uses org.muster.models.spi.ModelFamily;

    provides org.muster.models.spi.ModelFamily with
            org.muster.models.internal.BetaBinomialFamily,
            org.muster.models.internal.LogitNormalFamily,
            org.muster.models.internal.GammaPoissonFamily,
            org.muster.models.internal.NormalHierarchicalFamily,
            org.muster.models.internal.EightSchoolsFamily,
            org.muster.models.internal.GaussianMixtureFamily,
            org.muster.models.internal.NealFunnelFamily,
            org.muster.models.internal.glmm.GlmmFamily;
}
