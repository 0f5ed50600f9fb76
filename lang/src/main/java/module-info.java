/**
 * Model-file front ends found by {@link java.util.ServiceLoader}: the BUGS/JAGS language first (parser,
 * R dump, JSON and CSV data and initial values, a compiler to the core graph).
 */
module org.muster.lang {
    requires transitive org.muster.core;
    requires transitive org.muster.models;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;

    exports org.muster.lang.api;
    exports org.muster.lang.spi;

    uses org.muster.lang.spi.ModelLanguage;

    provides org.muster.lang.spi.ModelLanguage with org.muster.lang.internal.BugsLanguage;
}
