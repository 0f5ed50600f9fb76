package org.muster.app.internal.cli;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.muster.app.internal.SummaryOutput;
import org.muster.core.api.PosteriorDraws;
import org.muster.diagnostics.api.PosteriorSummary;
import org.muster.diagnostics.api.StanCsv;
import org.muster.diagnostics.api.Summaries;
import org.muster.diagnostics.api.WarningThresholds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code muster diagnose FILE...}: the summary, sampler checks and warnings of Stan CSV files, one chain each. */
@Command(name = "diagnose", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Summarize and check Markov chains from Stan CSV files (CmdStan's or Muster's), one chain per file.",
            "Prints mean, MCSE, sd, quantiles, bulk and tail ESS and R-hat per variable, the sampler checks"
                    + " (divergences, tree depth, E-BFMI, acceptance) and warnings with advice."})
final class DiagnoseCommand implements Runnable {

    private final ExecutorService executor;
    private final SummaryOutput summaryOutput = new SummaryOutput();

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Stan CSV files, one chain each (e.g. draws_*.csv).")
    private List<Path> files = new ArrayList<>();

    @Option(names = "--output", paramLabel = "DIR", description = "Write summary.csv and summary.json into this directory.")
    private Path output;

    @Inject
    DiagnoseCommand(ExecutorService executor) {
        this.executor = executor;
    }

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        PosteriorDraws fit = StanCsv.read(files);
        PosteriorSummary summary = Summaries.summarize(fit, WarningThresholds.DEFAULT, executor);
        out.println(files.size() + (files.size() == 1 ? " chain" : " chains") + " x " + summary.drawsPerChain()
                + " draws, " + summary.rows().size() + " variables (" + fit.methodId() + ")");
        out.println();
        SummaryReport.print(out, summary);
        if (output != null) {
            out.println();
            try {
                for (Path file : summaryOutput.write(output, fit, summary)) {
                    out.println("wrote " + file);
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot write to " + output + ": " + e.getMessage(), e);
            }
        }
    }
}
