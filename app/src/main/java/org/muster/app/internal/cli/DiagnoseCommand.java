package org.muster.app.internal.cli;

import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.stream.Collectors;
import org.muster.app.api.OutputFolder;
import org.muster.app.internal.SummaryOutput;
import org.muster.app.internal.report.ReportInput;
import org.muster.app.internal.report.ReportWriter;
import org.muster.app.internal.run.OutputDirectory;
import org.muster.core.api.PosteriorDraws;
import org.muster.diagnostics.api.PosteriorSummary;
import org.muster.diagnostics.api.StanCsv;
import org.muster.diagnostics.api.StanCsvFile;
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
    private final ReportWriter reportWriter = new ReportWriter();

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Stan CSV files, one chain each (e.g. draws_*.csv).")
    private List<Path> files = new ArrayList<>();

    @Option(names = "--output", paramLabel = "DIR", description = "Write summary.csv and summary.json (and with --report,"
            + " report.html) into this new or empty folder.")
    private Path output;

    @Option(names = "--report", description = "Also rebuild report.html from the files (the summary, warnings, traces,"
            + " rank and density plots of a run that was killed before it wrote them); into --output DIR, else a new"
            + " folder muster-out/MODEL-yyyyMMdd-HHmmss.")
    private boolean report;

    @Inject
    DiagnoseCommand(ExecutorService executor) {
        this.executor = executor;
    }

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<StanCsvFile> chains = new ArrayList<>();
        for (Path file : files) {
            chains.add(StanCsv.read(file));
        }
        Optional<String> cut = cutToShortest(chains);
        cut.ifPresent(note -> err.println("muster: " + note));
        PosteriorDraws fit = StanCsv.combine(chains);
        PosteriorSummary summary = Summaries.summarize(fit, WarningThresholds.DEFAULT, executor);
        out.println(files.size() + (files.size() == 1 ? " chain" : " chains") + " x " + summary.drawsPerChain()
                + " draws, " + summary.rows().size() + " variables (" + fit.methodId() + ")");
        out.println();
        SummaryReport.print(out, summary);
        if (output == null && !report) {
            return;
        }
        Map<String, String> configuration = chains.get(0).configuration();
        String model = configuration.getOrDefault("model", "draws");
        Path directory = output != null ? output
                : OutputDirectory.createNew(OutputDirectory.DEFAULT_PARENT, model, LocalDateTime.now());
        try (OutputFolder folder = OutputFolder.claim(directory, "--output", false)) {
            List<Path> written = new ArrayList<>(summaryOutput.write(directory, fit, summary));
            if (report) {
                written.add(reportWriter.write(directory, new ReportInput(model,
                        configuration.getOrDefault("data_file", "unknown"), fit.methodId(),
                        parseLong(configuration.get("seed")), (int) parseLong(configuration.get("num_warmup")), fit,
                        summary, Optional.empty(), cut.map(note -> "read back from the Stan CSV files; " + note),
                        Optional.empty())));
            }
            out.println();
            for (Path file : written) {
                out.println("wrote " + file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + directory + ": " + e.getMessage(), e);
        }
    }

    /**
     * Cuts every chain to the shortest when their lengths differ, as a killed run leaves them (each chain's
     * file ends at the last draw it flushed), and says so; nothing to say when they are equal.
     *
     * @param chains modified: each replaced by its first draws
     */
    static Optional<String> cutToShortest(List<StanCsvFile> chains) {
        int shortest = chains.stream().mapToInt(StanCsvFile::drawCount).min().orElse(0);
        if (chains.stream().allMatch(c -> c.drawCount() == shortest)) {
            return Optional.empty();
        }
        String lengths = chains.stream().map(c -> c.file().getFileName() + " " + c.drawCount())
                .collect(Collectors.joining(", "));
        chains.replaceAll(c -> c.firstDraws(shortest));
        return Optional.of("chains of unequal length (" + lengths + " draws), as a run killed part-way leaves them:"
                + " every chain is cut to the shortest, " + shortest + " draws");
    }

    private static long parseLong(String value) {
        try {
            return value == null ? 0 : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
