/** The Muster application: Guice wiring, the command line, output writers. */
module org.muster.app {
    exports org.muster.app.api;

    requires transitive org.muster.core;
    requires transitive org.muster.diagnostics;
    requires transitive org.muster.models;
    requires com.google.guice;
    requires info.picocli;
    requires com.fasterxml.jackson.databind;
    requires jakarta.inject;
    requires org.slf4j;
    requires com.fasterxml.jackson.core;
    requires ch.qos.logback.classic;
    requires ch.qos.logback.core;
    requires me.tongfei.progressbar;
    requires java.desktop;
    requires jdk.unsupported;
    requires org.knowm.xchart;

    uses org.muster.core.spi.InferenceMethodProvider;
    uses org.muster.models.spi.ModelFamily;
    uses org.muster.app.api.OutputWriter;

    // The application's output formats, in the order their files are listed.
    provides org.muster.app.api.OutputWriter with
            org.muster.app.internal.SummaryOutput,
            org.muster.app.internal.PointEstimateOutput,
            org.muster.app.internal.run.StanCsvDrawsOutput,
            org.muster.app.internal.ShrinkageCsvWriter,
            org.muster.app.internal.VariationalCsvWriter,
            org.muster.app.internal.report.ReportWriter,
            org.muster.app.internal.LadderCsvWriter,
            org.muster.app.internal.run.RunRecordWriter;

    opens org.muster.app.internal to com.google.guice;
    opens org.muster.app.internal.run to com.google.guice;
    opens org.muster.app.internal.cli to info.picocli, com.google.guice;
}
