package org.muster.app.internal.cli;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.muster.app.api.FitInterruptedException;
import org.muster.app.api.FitListeners;
import org.muster.app.api.FitOutcome;
import org.muster.app.api.FitPipeline;
import org.muster.app.api.FitRequest;
import org.muster.app.api.OutputFolder;
import org.muster.app.api.PreparedFit;
import org.muster.app.api.RunInfo;
import org.muster.app.internal.run.InterruptHook;
import org.muster.app.internal.run.Interruption;
import org.muster.app.internal.run.OutputDirectory;
import org.muster.app.internal.run.RunLog;
import org.muster.app.internal.run.RunRecord;
import org.muster.core.api.ChainReport;
import org.muster.core.api.PosteriorDraws;
import org.muster.core.spi.FitListener;
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

    private final FitPipeline pipeline;
    private final Interruption interruption;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = "Model family, e.g. eight-schools (see `muster models`),"
            + " or a model file: BUGS/JAGS (.bug, .jags, or .txt with a model block).")
    private String family;

    @Option(names = "--data", paramLabel = "PATH", description = "Built-in dataset name or CSV/TSV/Stan JSON file (default: the family's built-in data);"
            + " for a model file, R dump, JSON or CSV files, repeatable (later files add variables).")
    private List<String> data = new java.util.ArrayList<>();

    @Option(names = "--method", paramLabel = "ID", description = "Inference method (see `muster methods`). Default: nuts;"
            + " for a model file, nuts when every unobserved node is continuous, gibbs when one is discrete.")
    private String method;

    @Option(names = "--monitor", paramLabel = "NODE", split = ",", description = "Model file: the nodes to summarize and write"
            + " (alpha.c,theta or theta[3]); default: every unobserved stochastic node and every deterministic one.")
    private List<String> monitors = new java.util.ArrayList<>();

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

    @Option(names = "--init", paramLabel = "FILE", description = "JSON object of initial values by parameter name, on the constrained scale, e.g. {\"mu\": 0, \"tau\": 1, \"z\": [0, 0]}; parameters left out start at random."
            + " For a model file, R dump or JSON like the data, repeatable: one file for all chains, or one per chain.")
    private List<Path> init = new java.util.ArrayList<>();

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

    @Option(names = "--overwrite", description = "Let --output name a folder holding an earlier Muster run's files:"
            + " they (and only they, as its run.json lists them) are removed first. A folder holding any other file"
            + " is refused.")
    private boolean overwrite;

    @Option(names = "--draws-memory", paramLabel = "SIZE", description = "Memory for draws, e.g. 512m (default: a quarter of"
            + " the heap); the rest go to a temporary file, with the same results.")
    private String drawsMemory;

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

    @Option(names = "--method-param", paramLabel = "KEY=VALUE", description = "Inference method option (repeatable); `muster methods ID` lists the options a method takes, their ranges and defaults.")
    private Map<String, String> methodOptions = new LinkedHashMap<>();

    /** How long loading the model and data took (the run's first phase). */
    private double loadSeconds;

    /** Where the current run logs, once its output folder exists; read by the error handler. */
    private Optional<Path> logFile = Optional.empty();

    @Inject
    FitCommand(FitPipeline pipeline, Interruption interruption) {
        this.pipeline = pipeline;
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
        // a bad budget, given or in the system property, is an input error before anything runs
        org.muster.core.api.DrawsStorage.defaults();
        Long drawsBytes = drawsMemory == null ? null
                : org.muster.core.api.DrawsStorage.parseSize(drawsMemory, "--draws-memory");
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
        Optional<ModelFileRun> file = ModelFileRun.of(family, data, init, monitors, chains, actualSeed);
        if (file.isEmpty()) {
            if (data.size() > 1 || init.size() > 1) {
                throw new IllegalArgumentException((data.size() > 1 ? "--data" : "--init") + " is given more than once, but"
                        + " model family " + family + " takes one; several files are for a model file (.bug)");
            }
            if (!monitors.isEmpty()) {
                throw new IllegalArgumentException("--monitor is for a model file (.bug); a family's output is fixed");
            }
        }
        String chosenMethod = method != null ? method : file.map(f -> f.loaded().defaultMethod()).orElse("nuts");
        Map<String, double[]> initialValues = file.isPresent() ? file.get().initialValues()
                : init.isEmpty() ? Map.of() : InitialValuesReader.read(init.get(0));
        FitRequest.Builder requestBuilder = FitRequest.builder(family).data(file.map(ModelFileRun::dataSource)
                .orElse(data.isEmpty() ? null : data.get(0))).method(chosenMethod).chains(chains).warmup(warmup)
                .draws(draws).seed(actualSeed).familyOptions(familyOptions.toFamilyOptions())
                .methodOptions(allMethodOptions).initialValues(initialValues)
                .chainInitialValues(file.map(ModelFileRun::chainInitialValues).orElse(List.of())).predict(predict);
        if (drawsBytes != null) {
            requestBuilder.drawsMemory(drawsBytes);
        }
        FitRequest request = requestBuilder.build();
        file.ifPresent(f -> f.loaded().notes().forEach(note -> err.println("muster: note: " + note)));
        try (RunLog log = RunLog.start(verbose)) {
            // every input error (family, data, method, its options, initial values) shows before any folder is created
            long loadStart = System.nanoTime();
            PreparedFit prepared = file.isPresent() ? pipeline.prepare(request, file.get().model()) : prepare(request);
            loadSeconds = (System.nanoTime() - loadStart) * 1e-9;
            if (familyOptions.showPriors()) {
                return PriorTable.print(prepared.model(), out);
            }
            if (explain) {
                List<String> lines = file.map(f -> f.loaded().explainInFileTerms(pipeline.explain(prepared)))
                        .orElseGet(() -> pipeline.explain(prepared));
                out.println(lines.isEmpty() ? chosenMethod + " updates all parameters together; there are no per-node updates to explain"
                        : "Updates (" + chosenMethod + "):");
                for (String line : lines) {
                    out.println("  " + line);
                }
                out.println();
            }
            Optional<OutputFolder> folder = noOutput ? Optional.empty() : Optional.of(outputFolder());
            try {
                return fit(prepared, folder.map(OutputFolder::path), request, log, startTime, quiet, out, err);
            } finally {
                folder.ifPresent(OutputFolder::close);
            }
        }
    }

    /** Runs the prepared fit, writing into the folder if there is one, and records how the run ended. */
    private int fit(PreparedFit prepared, Optional<Path> directory, FitRequest request, RunLog log, Instant startTime,
            boolean quiet, PrintWriter out, PrintWriter err) {
        logFile = directory.map(log::logTo);
        RunInfo run = RunInfo.started(spec.root().commandLine().getParseResult().originalArgs(), version(),
                seed != null, startTime);
        Optional<RunRecord> record = directory.map(d -> RunRecord.begin(d, new RunRecord.Start(run.command(),
                run.version(), request.seed(), run.seedGiven(), RunRecord.settings(request, d)), startTime));
        LOG.debug("muster {} fit: {}", version(), run.command());
        Status status = new Status();
        try (InterruptHook hook = InterruptHook.install(interruption, INTERRUPT_PATIENCE)) {
            try {
                status.code = run(prepared, directory, run, quiet, out, err, status);
            } catch (RuntimeException e) {
                status.code = e instanceof IllegalArgumentException ? ExitCodes.INPUT_ERROR : ExitCodes.INTERNAL_ERROR;
                log.recordFailure("fit failed", e);
                throw e;
            } finally {
                if (!status.recorded) {
                    record.ifPresent(r -> r.end(Instant.now(), status.code, status.cancelled, Optional.empty(),
                            Optional.empty()));
                }
            }
        }
        return status.code;
    }

    private static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.3f", seconds);
    }

    /** When the last chain ended (System.nanoTime), 0 before. */
    private static final class ChainsTimer implements FitListener {
        private volatile int chains = -1;
        private final java.util.concurrent.atomic.AtomicInteger ended = new java.util.concurrent.atomic.AtomicInteger();
        private volatile long end;

        @Override
        public void onStart(org.muster.core.spi.SamplingStart start) {
            chains = start.chains();
        }

        @Override
        public void onChainEnd(int chain, ChainReport report) {
            if (ended.incrementAndGet() == chains) {
                end = System.nanoTime();
            }
        }

        long end() {
            return end;
        }
    }

    /** How the run ended, for run.json when the writers did not record it. */
    private static final class Status {
        int code = ExitCodes.INTERNAL_ERROR;
        boolean cancelled;
        boolean recorded;
    }

    private PreparedFit prepare(FitRequest request) {
        try {
            return pipeline.prepare(request);
        } catch (FitPipeline.InitialValuesException e) {
            throw new IllegalArgumentException("--init " + init.get(0) + ": " + e.getMessage(), e);
        }
    }

    private int run(PreparedFit prepared, Optional<Path> directory, RunInfo run, boolean quiet, PrintWriter out,
            PrintWriter err, Status status) {
        // bars on a terminal; else, unless quiet, a plain line every few seconds (see ProgressLines)
        FitListener progress = ProgressDisplay.on(err, quiet);
        Optional<ProgressLines> lines = quiet || progress instanceof ProgressDisplay ? Optional.empty()
                : Optional.of(ProgressLines.started(err));
        try {
            return run(prepared, directory, run, out, err, status, lines.isPresent() ? lines.get() : progress, lines);
        } finally {
            lines.ifPresent(ProgressLines::close);
        }
    }

    private int run(PreparedFit prepared, Optional<Path> directory, RunInfo run, PrintWriter out, PrintWriter err,
            Status status, FitListener progress, Optional<ProgressLines> lines) {
        boolean quiet = lines.isEmpty() && !(progress instanceof ProgressDisplay);
        ChainsTimer timer = new ChainsTimer();
        long start = System.nanoTime();
        FitOutcome outcome;
        try {
            outcome = pipeline.run(prepared, FitListeners.all(List.of(interruption, progress, timer)), directory);
        } catch (FitInterruptedException e) {
            status.cancelled = true;
            err.println("muster: interrupted with " + e.drawsPerChain() + " draws per chain, too few to summarize"
                    + (directory.isPresent() ? "; nothing written but run.json and muster.log" : ""));
            return interruption.exitStatus();
        } finally {
            if (progress instanceof ProgressDisplay display) {
                display.close();
            }
        }
        long end = System.nanoTime();
        double seconds = (end - start) * 1e-9;
        // the fit's phase ends with the last chain; the summaries (and shrinkage, predictions) follow
        long chainsEnd = timer.end() > 0 ? timer.end() : end;
        run = run.withPhase("load", loadSeconds).withPhase("fit", (chainsEnd - start) * 1e-9)
                .withPhase("summaries", (end - chainsEnd) * 1e-9);
        LOG.debug("load {} s, fit {} s, summaries {} s{}", seconds(loadSeconds), seconds((chainsEnd - start) * 1e-9),
                seconds((end - chainsEnd) * 1e-9), outcome.hasDraws() && outcome.draws().draws().onDisk()
                        ? " (the draws were kept in a temporary file: they exceeded the memory budget)" : "");
        lines.ifPresent(l -> l.phase("writing the files"));
        boolean cancelled = outcome.hasDraws() && outcome.draws().cancelled();
        status.cancelled = cancelled;
        print(outcome, out);
        int code = cancelled ? interruption.exitStatus()
                : strict && outcome.hasDraws() && !outcome.summary().warnings().isEmpty() ? ExitCodes.DIAGNOSTIC_WARNINGS
                : ExitCodes.OK;
        if (directory.isPresent()) {
            long writing = System.nanoTime();
            List<Path> written = pipeline.write(directory.get(), outcome.withRun(run.ended(Instant.now(), code)));
            LOG.debug("writing {} s", seconds((System.nanoTime() - writing) * 1e-9));
            status.recorded = true;
            out.println();
            for (Path file : written) {
                out.println("wrote " + file);
            }
        }
        if (!quiet) {
            err.printf(Locale.ROOT, "fitted in %.2f s%n", seconds);
        }
        if (cancelled) {
            PosteriorDraws fit = outcome.draws();
            List<Integer> kept = fit.chains().stream().map(ChainReport::chain).toList();
            String left = kept.size() == chains ? "" : "; chains left out, with fewer draws: " + java.util.stream.IntStream
                    .rangeClosed(1, chains).filter(c -> !kept.contains(c)).boxed().toList();
            err.println("muster: interrupted: the summary" + (directory.isPresent() ? " and the files hold" : " holds")
                    + " the first " + fit.draws().iterations() + " of " + draws + " draws of chains " + kept
                    + " (as many as each of them completed" + left + ")");
        } else if (code == ExitCodes.DIAGNOSTIC_WARNINGS) {
            err.println("muster: --strict: the diagnostics warn (" + outcome.summary().warnings().size()
                    + " warning" + (outcome.summary().warnings().size() == 1 ? "" : "s") + ")");
        }
        return code;
    }

    /** The terminal's view of an outcome: the summary table and what goes with its kind of fit. */
    private void print(FitOutcome outcome, PrintWriter out) {
        outcome.fit().match(posterior -> {
            out.println(family + " on " + outcome.datasetSource() + ": " + outcome.request().method() + ", " + chains + " chains x " + draws
                    + " draws (" + warmup + " warmup), seed " + outcome.seed());
            printSummary(outcome, out);
            printShrinkage(outcome, out);
            return null;
        }, variational -> {
            out.println(family + " on " + outcome.datasetSource() + ": " + outcome.request().method() + ", "
                    + outcome.draws().draws().iterations() + " draws from the approximation, seed " + outcome.seed());
            printSummary(outcome, out);
            out.println();
            VariationalReport.print(out, variational, outcome.summary());
            printShrinkage(outcome, out);
            return null;
        }, estimate -> {
            PointEstimateReport.print(out, outcome);
            return null;
        });
    }

    private static void printSummary(FitOutcome outcome, PrintWriter out) {
        out.println();
        SummaryReport.print(out, outcome.summary());
    }

    private static void printShrinkage(FitOutcome outcome, PrintWriter out) {
        outcome.shrinkage().ifPresent(table -> {
            out.println();
            ShrinkageReport.print(out, table);
        });
    }

    /** The run's folder, claimed for it: a new one under muster-out, or --output if it is new, empty or --overwrite allows. */
    private OutputFolder outputFolder() {
        Path directory = output != null ? output
                : OutputDirectory.createNew(OutputDirectory.DEFAULT_PARENT, family, LocalDateTime.now());
        return OutputFolder.claim(directory, "--output", overwrite);
    }

    private String version() {
        String[] version = spec.root().version();
        return version.length == 0 ? "unknown" : version[0].replaceFirst("^muster ", "");
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
