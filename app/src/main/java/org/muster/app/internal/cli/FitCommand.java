package org.muster.app.internal.cli;

import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.muster.app.internal.FitOutcome;
import org.muster.app.internal.FitRequest;
import org.muster.app.internal.FitResult;
import org.muster.app.internal.FitService;
import org.muster.app.internal.PointEstimateResult;
import org.muster.app.internal.VariationalCsvWriter;
import org.muster.app.internal.VariationalMean;
import org.muster.app.internal.ShrinkageCsvWriter;
import org.muster.app.internal.SummaryOutput;
import org.muster.app.internal.run.FitListeners;
import org.muster.app.internal.run.InterruptHook;
import org.muster.app.internal.run.Interruption;
import org.muster.app.internal.run.OutputDirectory;
import org.muster.app.internal.run.RunLog;
import org.muster.app.internal.run.RunRecord;
import org.muster.app.internal.run.StreamingStanCsvWriter;
import org.muster.core.api.ChainReport;
import org.muster.core.api.PosteriorDraws;
import org.muster.app.internal.report.ReportInput;
import org.muster.app.internal.report.ReportWriter;
import org.muster.core.spi.FitListener;
import org.muster.diagnostics.api.StanCsvHeader;
import org.muster.diagnostics.api.StanCsvWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code muster fit FAMILY}: fits a model family to data and prints the posterior summary. */
@Command(name = "fit", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Fit a model family to data and print the posterior summary.",
        footer = {"", ExitCodes.HELP})
final class FitCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(FitCommand.class);

    private static final Duration INTERRUPT_PATIENCE = Duration.ofSeconds(60);

    private final FitService service;
    private final Interruption interruption;
    private final SummaryOutput summaryOutput = new SummaryOutput();
    private final ShrinkageCsvWriter shrinkageWriter = new ShrinkageCsvWriter();
    private final ReportWriter reportWriter = new ReportWriter();

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FAMILY", description = "Model family, e.g. eight-schools (see `muster models`).")
    private String family;

    @Option(names = "--data", paramLabel = "PATH", description = "Built-in dataset name or CSV/TSV/Stan JSON file (default: the family's built-in data).")
    private String data;

    @Option(names = "--method", paramLabel = "ID", defaultValue = "nuts", description = "Inference method (see `muster methods`). Default: ${DEFAULT-VALUE}.")
    private String method;

    @Option(names = "--adapt-delta", paramLabel = "P", description = "Target acceptance statistic of NUTS/HMC step-size adaptation, in (0, 1) (default 0.8); raise it (0.95, 0.99) when there are divergences.")
    private Double adaptDelta;

    @Option(names = "--max-depth", paramLabel = "N", description = "Maximum NUTS tree depth (default 10).")
    private Integer maxDepth;

    @Option(names = "--grad-samples", paramLabel = "N", description = "ADVI: draws per gradient estimate of the ELBO (default 1).")
    private Integer gradSamples;

    @Option(names = "--elbo-samples", paramLabel = "N", description = "ADVI: draws per estimate of the ELBO (default 100).")
    private Integer elboSamples;

    @Option(names = "--eval-elbo", paramLabel = "N", description = "ADVI: estimate the ELBO every N iterations (default 100).")
    private Integer evalElbo;

    @Option(names = "--tol-rel-obj", paramLabel = "X", description = "ADVI: stop when the relative ELBO change (mean or median) falls below X (default 0.01).")
    private Double tolRelObj;

    @Option(names = "--iter", paramLabel = "N", description = "ADVI: maximum iterations (default 10000).")
    private Integer iterations;

    @Option(names = "--eta", paramLabel = "X", description = "ADVI: step size; default: chosen by a short search.")
    private Double eta;

    @Option(names = "--metric", paramLabel = "KIND", description = "NUTS/HMC metric: diag_e (default), dense_e or unit_e.")
    private String metric;

    @Option(names = "--init", paramLabel = "FILE", description = "JSON object of initial values by parameter name, on the constrained scale, e.g. {\"mu\": 0, \"tau\": 1, \"z\": [0, 0]}; parameters left out start at random.")
    private Path init;

    @Option(names = "--chains", paramLabel = "N", defaultValue = "4", description = "Number of chains. Default: ${DEFAULT-VALUE}.")
    private int chains;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "1000", description = "Warmup iterations per chain. Default: ${DEFAULT-VALUE}.")
    private int warmup;

    @Option(names = "--draws", paramLabel = "N", defaultValue = "1000", description = "Kept draws per chain. Default: ${DEFAULT-VALUE}.")
    private int draws;

    @Option(names = "--seed", paramLabel = "N", description = "Random seed (default: chosen at random and printed).")
    private Long seed;

    @Option(names = "--output", paramLabel = "DIR",
            description = "Write summary.csv, summary.json, the draws as Stan CSV (draws_1.csv, ..., written as they are"
                    + " drawn), report.html (the summary and plots on one page), run.json, muster.log and, for a model"
                    + " with units, shrinkage.csv into this directory (default: a new folder muster-out/FAMILY-yyyyMMdd-HHmmss).")
    private Path output;

    @Option(names = "--no-output", description = "Write no files; only print the summary.")
    private boolean noOutput;

    @Option(names = "--strict", description = "Exit with code 1 when the fit ran but the diagnostics warn (R-hat, ESS,"
            + " divergences, tree depth, E-BFMI).")
    private boolean strict;

    @Mixin
    private FamilyOptionsMixin familyOptions;

    @Option(names = "--predict", description = "Add predictive draws: y_rep for every observation and a new unit drawn"
            + " from the population (e.g. theta_new, y_new).")
    private boolean predict;

    @Option(names = "--explain", description = "Before fitting, print the update the method gives each node (for gibbs: conjugate draw or slice sampling).")
    private boolean explain;

    @Option(names = "--method-param", paramLabel = "KEY=VALUE", description = "Inference method option (repeatable).")
    private Map<String, String> methodOptions = new LinkedHashMap<>();

    /** Where the current run logs, once its output folder exists; read by the error handler. */
    private Optional<Path> logFile = Optional.empty();

    @Inject
    FitCommand(FitService service, Interruption interruption) {
        this.service = service;
        this.interruption = interruption;
    }

    /** The log file of the run, if it got as far as creating its output folder. */
    Optional<Path> logFile() {
        return logFile;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean verbose = spec.root().userObject() instanceof MusterCommand m && m.verbose();
        boolean quiet = spec.root().userObject() instanceof MusterCommand m && m.quiet();
        Instant startTime = Instant.now();
        long actualSeed = seed != null ? seed : new java.security.SecureRandom().nextInt(Integer.MAX_VALUE);
        checkPositive("--chains", chains, 1);
        checkPositive("--warmup", warmup, 0);
        checkPositive("--draws", draws, 2);
        if (noOutput && output != null) {
            throw new IllegalArgumentException("give --output DIR or --no-output, not both");
        }
        Map<String, String> allMethodOptions = new LinkedHashMap<>(methodOptions);
        putOption(allMethodOptions, "adapt_delta", adaptDelta);
        putOption(allMethodOptions, "max_depth", maxDepth);
        putOption(allMethodOptions, "metric", metric);
        putOption(allMethodOptions, "grad_samples", gradSamples);
        putOption(allMethodOptions, "elbo_samples", elboSamples);
        putOption(allMethodOptions, "eval_elbo", evalElbo);
        putOption(allMethodOptions, "tol_rel_obj", tolRelObj);
        putOption(allMethodOptions, "iter", iterations);
        putOption(allMethodOptions, "eta", eta);
        if (method.startsWith("advi") && !allMethodOptions.containsKey("output_samples")) {
            // --draws is the number of draws from the approximation
            allMethodOptions.put("output_samples", Integer.toString(draws));
        }
        Map<String, double[]> initialValues = init == null ? Map.of() : InitialValuesReader.read(init);
        FitRequest request = new FitRequest(family, Optional.ofNullable(data), method, chains, warmup, draws, actualSeed,
                Optional.ofNullable(output), familyOptions.toFamilyOptions(), allMethodOptions, initialValues, predict);
        try (RunLog log = RunLog.start(verbose)) {
            // input errors (family, method, data) show before any folder is created
            FitService.PreparedFit prepared = service.prepare(request);
            if (init != null) {
                InitialValuesReader.check(init, initialValues, prepared.loaded().model().model().compile());
            }
            if (familyOptions.showPriors()) {
                return PriorTable.print(prepared.loaded(), out);
            }
            if (explain) {
                List<String> lines = service.explain(prepared);
                out.println(lines.isEmpty() ? method + " updates all parameters together; there are no per-node updates to explain"
                        : "Updates (" + method + "):");
                for (String line : lines) {
                    out.println("  " + line);
                }
                out.println();
            }
            Optional<Path> directory = noOutput ? Optional.empty() : Optional.of(outputDirectory());
            logFile = directory.map(log::logTo);
            Optional<RunRecord> record = directory.map(d -> RunRecord.begin(d, new RunRecord.Start(
                    spec.root().commandLine().getParseResult().originalArgs(), version(), actualSeed, seed != null,
                    settings(request, d)), startTime));
            LOG.debug("muster {} fit: {}", version(), spec.root().commandLine().getParseResult().originalArgs());
            Outcome outcome = new Outcome();
            try (InterruptHook hook = InterruptHook.install(interruption, INTERRUPT_PATIENCE)) {
                try {
                    outcome.status = run(prepared, directory, actualSeed, quiet, out, err, outcome);
                } catch (RuntimeException e) {
                    outcome.status = e instanceof IllegalArgumentException ? ExitCodes.INPUT_ERROR : ExitCodes.INTERNAL_ERROR;
                    log.recordFailure("fit failed", e);
                    throw e;
                } finally {
                    record.ifPresent(r -> r.end(Instant.now(), outcome.status, outcome.cancelled,
                            outcome.fit.map(PosteriorDraws::settings), outcome.fit.map(f -> f.draws().iterations())));
                }
            }
            return outcome.status;
        }
    }

    /** How the run ended, for run.json. */
    private static final class Outcome {
        int status = ExitCodes.INTERNAL_ERROR;
        boolean cancelled;
        Optional<PosteriorDraws> fit = Optional.empty();
    }

    private int run(FitService.PreparedFit prepared, Optional<Path> directory, long actualSeed, boolean quiet,
            PrintWriter out, PrintWriter err, Outcome outcome) {
        StanCsvHeader header = new StanCsvHeader(family, Optional.of(prepared.loaded().source()), actualSeed, warmup);
        StanCsvWriter csvWriter = new StanCsvWriter(header);
        Optional<StreamingStanCsvWriter> streaming = directory.map(d -> new StreamingStanCsvWriter(d, csvWriter));
        List<FitListener> listeners = new ArrayList<>();
        listeners.add(interruption);
        streaming.ifPresent(listeners::add);
        FitListener progress = ProgressDisplay.on(err, quiet);
        listeners.add(progress);
        long start = System.nanoTime();
        FitOutcome fitOutcome;
        try {
            fitOutcome = service.run(prepared, FitListeners.all(listeners));
        } catch (FitService.FitInterruptedException e) {
            outcome.cancelled = true;
            streaming.ifPresent(files -> {
                files.close();
                // fewer than two draws a chain: files no reader takes
                files.files().forEach(FitCommand::deleteQuietly);
            });
            err.println("muster: interrupted with " + e.drawsPerChain() + " draws per chain, too few to summarize"
                    + (directory.isPresent() ? "; nothing written but run.json and muster.log" : ""));
            return ExitCodes.INTERRUPTED;
        } finally {
            if (progress instanceof ProgressDisplay display) {
                display.close();
            }
            streaming.ifPresent(StreamingStanCsvWriter::close);
        }
        double seconds = (System.nanoTime() - start) * 1e-9;
        if (fitOutcome instanceof PointEstimateResult estimate) {
            PointEstimateReport.print(out, estimate, directory.orElse(null));
            directory.ifPresent(d -> out.println("wrote " + d.resolve(RunRecord.FILE_NAME)));
            if (!quiet) {
                err.printf(Locale.ROOT, "fitted in %.2f s%n", seconds);
            }
            return ExitCodes.OK;
        }
        FitResult result = (FitResult) fitOutcome;
        outcome.fit = Optional.of(result.fit());
        outcome.cancelled = result.fit().cancelled();
        if (result.variational().isPresent()) {
            out.println(family + " on " + result.datasetSource() + ": " + method + ", " + result.fit().draws().iterations()
                    + " draws from the approximation, seed " + actualSeed);
        } else {
            out.println(family + " on " + result.datasetSource() + ": " + method + ", " + chains + " chains x " + draws
                    + " draws (" + warmup + " warmup), seed " + actualSeed);
        }
        out.println();
        SummaryReport.print(out, result.summary());
        result.variational().ifPresent(variational -> {
            out.println();
            VariationalReport.print(out, variational, result.summary());
        });
        result.shrinkage().ifPresent(table -> {
            out.println();
            ShrinkageReport.print(out, table);
        });
        if (directory.isPresent()) {
            Path output = directory.get();
            List<Path> written = new ArrayList<>(summaryOutput.write(output, result.fit(), result.summary()));
            try {
                // The streamed files are final unless the run was cut short (every chain is cut to the draws all
                // of them completed, as the summary is) or predictive draws were added after the fit.
                if (streaming.get().isComplete() && !predict) {
                    written.addAll(streaming.get().files());
                } else {
                    List<Path> rewritten = result.variational().isPresent()
                            ? csvWriter.writeVariational(output, result.fit(), VariationalMean.row(
                                    prepared.loaded().model().model(), result.variational().get(), result.fit().draws()))
                            : csvWriter.writeAll(output, result.fit());
                    written.addAll(rewritten);
                    // a chain a cancelled run left out: its few draws are not in the summary, so not in the folder
                    for (Path partial : streaming.get().files()) {
                        if (!rewritten.contains(partial)) {
                            Files.deleteIfExists(partial);
                        }
                    }
                }
                if (result.shrinkage().isPresent()) {
                    written.add(shrinkageWriter.write(output, result.shrinkage().get()));
                }
                if (result.variational().isPresent()) {
                    written.addAll(new VariationalCsvWriter().write(output, result.variational().get()));
                }
                written.add(reportWriter.write(output, ReportInput.of(result)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write to " + output + ": " + e.getMessage(), e);
            }
            written.add(output.resolve(RunRecord.FILE_NAME));
            out.println();
            for (Path file : written) {
                out.println("wrote " + file);
            }
        }
        if (!quiet) {
            err.printf(Locale.ROOT, "fitted in %.2f s%n", seconds);
        }
        if (result.fit().cancelled()) {
            List<Integer> kept = result.fit().chains().stream().map(ChainReport::chain).toList();
            String left = kept.size() == chains ? "" : "; chains left out, with fewer draws: " + java.util.stream.IntStream
                    .rangeClosed(1, chains).filter(c -> !kept.contains(c)).boxed().toList();
            err.println("muster: interrupted: the summary" + (directory.isPresent() ? " and the files hold" : " holds")
                    + " the first " + result.fit().draws().iterations() + " of " + draws + " draws of chains " + kept
                    + " (as many as each of them completed" + left + ")");
            return ExitCodes.INTERRUPTED;
        }
        if (strict && !result.summary().warnings().isEmpty()) {
            err.println("muster: --strict: the diagnostics warn (" + result.summary().warnings().size()
                    + " warning" + (result.summary().warnings().size() == 1 ? "" : "s") + ")");
            return ExitCodes.DIAGNOSTIC_WARNINGS;
        }
        return ExitCodes.OK;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("cannot delete {}: {}", file, e.getMessage());
        }
    }

    private Path outputDirectory() {
        if (output == null) {
            return OutputDirectory.createNew(OutputDirectory.DEFAULT_PARENT, family, LocalDateTime.now());
        }
        try {
            return Files.createDirectories(output);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create --output " + output + ": " + e.getMessage(), e);
        }
    }

    private String version() {
        String[] version = spec.root().version();
        return version.length == 0 ? "unknown" : version[0].replaceFirst("^muster ", "");
    }

    private Map<String, Object> settings(FitRequest request, Path directory) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("family", request.family());
        settings.put("data", request.data().orElse(null));
        settings.put("method", request.method());
        settings.put("chains", request.chains());
        settings.put("warmup", request.warmup());
        settings.put("draws", request.draws());
        settings.put("method_options", request.methodOptions());
        settings.put("predict", request.predict());
        settings.put("output", directory.toString());
        return settings;
    }

    private static void putOption(Map<String, String> options, String key, Object value) {
        if (value == null) {
            return;
        }
        String previous = options.put(key, value.toString());
        if (previous != null && !previous.equals(value.toString())) {
            throw new IllegalArgumentException("method option " + key + " given twice: " + previous + " and " + value);
        }
    }

    private static void checkPositive(String option, int value, int minimum) {
        if (value < minimum) {
            throw new IllegalArgumentException(option + " must be at least " + minimum + ", got " + value);
        }
    }
}
