package org.muster.app.internal.cli;

import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.muster.app.api.Calibration;
import org.muster.app.api.CalibrationRow;
import org.muster.app.api.CalibrationVerdict;
import org.muster.app.api.FitSpec;
import org.muster.app.api.OutputFolder;
import org.muster.app.api.SimulationResult;
import org.muster.app.internal.ManyFitsCsvWriter;
import org.muster.app.internal.report.CalibrationReportWriter;
import org.muster.app.internal.run.InterruptHook;
import org.muster.app.internal.run.Interruption;
import org.muster.app.internal.run.OutputDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code muster sbc FAMILY}: simulation-based calibration of a model family and an inference method. */
@Command(name = "sbc", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Simulation-based calibration (Talts et al. 2018): draw parameters and data from the family's prior"
                + " predictive, fit each simulated dataset, and test that each parameter's rank among the (thinned)"
                + " draws is uniform by the ECDF test (Säilynoja et al. 2022). Writes sbc.csv and report.html.",
        footer = {"", ExitCodes.HELP})
final class SbcCommand implements Callable<Integer> {

    private static final Duration INTERRUPT_PATIENCE = Duration.ofSeconds(60);

    private final Interruption interruption;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FAMILY", description = "Model family (see `muster models`); its priors must be proper.")
    private String family;

    @Option(names = "--data", paramLabel = "PATH", description = "The design: a built-in dataset or file whose trials,"
            + " exposures or standard errors the simulations keep (its outcomes are replaced). Default: the family's built-in data.")
    private String data;

    @Option(names = "--method", paramLabel = "ID", defaultValue = "nuts", description = "Inference method. Default: ${DEFAULT-VALUE}.")
    private String method;

    @Option(names = "--method-param", paramLabel = "KEY=VALUE", description = "Inference method option (repeatable).")
    private Map<String, String> methodOptions = new LinkedHashMap<>();

    @Option(names = "--simulations", paramLabel = "N", defaultValue = "200", description = "Simulations. Default: ${DEFAULT-VALUE}.")
    private int simulations;

    @Option(names = "--chains", paramLabel = "N", defaultValue = "2", description = "Chains per fit. Default: ${DEFAULT-VALUE}.")
    private int chains;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "500", description = "Warmup iterations per chain. Default: ${DEFAULT-VALUE}.")
    private int warmup;

    @Option(names = "--draws", paramLabel = "N", defaultValue = "500", description = "Kept draws per chain, before thinning to"
            + " about the effective sample size. Default: ${DEFAULT-VALUE}.")
    private int draws;

    @Option(names = "--seed", paramLabel = "N", description = "Run seed; simulation i's seed is derived from it and i"
            + " (default: chosen at random and printed).")
    private Long seed;

    @Option(names = "--alpha", paramLabel = "P", defaultValue = "0.05", description = "The chance of any false alarm when"
            + " every parameter is calibrated: each parameter's ECDF band has level 1 - P / parameters. Default: ${DEFAULT-VALUE}.")
    private double alpha;

    @Option(names = "--bins", paramLabel = "N", description = "Bins of the rank histograms (default: about 10 simulations a bin, at most 20).")
    private Integer bins;

    @Option(names = "--threads", paramLabel = "N", description = "Fits at once (default: one per core).")
    private Integer threads;

    @Option(names = "--output", paramLabel = "DIR", description = "Write sbc.csv (one row per simulation and parameter),"
            + " errors.csv (simulations that failed) and report.html here (default: a new folder muster-out/FAMILY-sbc-yyyyMMdd-HHmmss).")
    private Path output;

    @Option(names = "--strict", description = "Exit with code 1 when a parameter's ranks are not uniform.")
    private boolean strict;

    @Mixin
    private FamilyOptionsMixin familyOptions;

    @Inject
    SbcCommand(Interruption interruption) {
        this.interruption = interruption;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean quiet = spec.root().userObject() instanceof MusterCommand m && m.quiet();
        require("--simulations", simulations, 1);
        require("--chains", chains, 1);
        require("--warmup", warmup, 0);
        require("--draws", draws, 2);
        if (bins != null) {
            require("--bins", bins, 2);
        }
        if (threads != null) {
            require("--threads", threads, 1);
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("--alpha must be in (0, 1), got " + alpha);
        }
        long runSeed = seed != null ? seed : new java.security.SecureRandom().nextInt(Integer.MAX_VALUE);
        FitSpec fitSpec = BatchCommand.fitSpec(family, method, chains, warmup, draws, runSeed, familyOptions, methodOptions);
        // input errors (family, method, data, an improper prior) show before any folder is created
        Calibration calibration = Calibration.of(fitSpec, Optional.ofNullable(data));
        try (OutputFolder folder = outputFolder()) {
            return run(calibration, folder.path(), runSeed, out, err, quiet);
        }
    }

    private int run(Calibration calibration, Path directory, long runSeed, PrintWriter out, PrintWriter err,
            boolean quiet) {
        out.println(family + " simulation-based calibration on the design of " + calibration.designSource() + ": "
                + method + ", " + simulations + " simulations of " + chains + " chains x " + draws + " draws (" + warmup
                + " warmup), seed " + runSeed);
        int parallel = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        long start = System.nanoTime();
        List<Optional<SimulationResult>> results;
        try (InterruptHook hook = InterruptHook.install(interruption, INTERRUPT_PATIENCE)) {
            try (CountProgress progress = CountProgress.on(err, quiet, "simulations", simulations, "failed")) {
                results = ParallelFits.run(simulations, parallel,
                        i -> calibration.simulate(i + 1, Calibration.DEFAULT_FITTER, interruption), interruption,
                        r -> r.error().isPresent(), progress);
            }
            return report(calibration, results, directory, out, err, quiet, (System.nanoTime() - start) * 1e-9);
        }
    }

    private int report(Calibration calibration, List<Optional<SimulationResult>> results, Path directory, PrintWriter out,
            PrintWriter err, boolean quiet, double seconds) {
        List<CalibrationRow> rows = new ArrayList<>();
        List<SimulationResult> failed = new ArrayList<>();
        int completed = 0;
        for (Optional<SimulationResult> result : results) {
            if (result.isPresent() && result.get().completed()) {
                rows.addAll(result.get().rows());
                completed++;
            } else if (result.isPresent() && result.get().error().isPresent()) {
                failed.add(result.get());
            }
        }
        boolean interrupted = interruption.isCancelled();
        List<Path> written = new ArrayList<>();
        ManyFitsCsvWriter writer = new ManyFitsCsvWriter();
        List<CalibrationVerdict> verdicts = List.of();
        double level = CalibrationVerdict.levelFor(alpha, calibration.parameters().size());
        try {
            written.add(writer.writeCalibration(directory, rows));
            if (!failed.isEmpty()) {
                List<List<String>> table = new ArrayList<>();
                for (SimulationResult f : failed) {
                    table.add(List.of(Integer.toString(f.simulation()), Long.toString(f.seed()), f.error().get()));
                }
                written.add(writer.writeTable(directory.resolve("errors.csv"), List.of("simulation", "seed", "error"), table));
            }
            if (completed > 0) {
                int histogramBins = bins != null ? bins : CalibrationVerdict.defaultBins(completed);
                verdicts = CalibrationVerdict.of(rows, level, histogramBins, CalibrationVerdict.defaultPoints(completed));
                written.add(new CalibrationReportWriter().write(directory, new CalibrationReportWriter.Input(family,
                        calibration.spec(), calibration.designSource(), completed, failed.size(), alpha, verdicts,
                        spec.root().commandLine().getParseResult().originalArgs())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + directory + ": " + e.getMessage(), e);
        }
        out.println();
        if (completed == 0) {
            out.println("no simulation gave ranks" + (failed.isEmpty() ? "" : "; the first error: " + failed.get(0).error().get()));
        } else {
            printVerdicts(out, verdicts, rows);
            out.println();
            out.printf(Locale.ROOT, "%d simulations; ECDF bands at %s each for %d parameters, so that all of them pass"
                    + " together with probability %.0f%% when the method is calibrated%n", completed, CalibrationReportWriter.percent(level),
                    verdicts.size(), 100 * (1 - alpha));
        }
        if (!failed.isEmpty()) {
            err.println("muster: " + failed.size() + " of " + results.size() + " simulations failed and are left out"
                    + " (errors.csv); the first: " + failed.get(0).error().get());
        }
        out.println();
        for (Path file : written) {
            out.println("wrote " + file);
        }
        if (!quiet) {
            err.printf(Locale.ROOT, "simulated and fitted in %.2f s%n", seconds);
        }
        if (interrupted) {
            err.println("muster: interrupted: the files hold the " + completed + " simulations finished of " + simulations);
            return ExitCodes.INTERRUPTED;
        }
        if (strict && verdicts.stream().anyMatch(v -> !v.uniform())) {
            err.println("muster: --strict: the ranks of " + verdicts.stream().filter(v -> !v.uniform()).count()
                    + " parameters are not uniform");
            return ExitCodes.DIAGNOSTIC_WARNINGS;
        }
        return ExitCodes.OK;
    }

    private static void printVerdicts(PrintWriter out, List<CalibrationVerdict> verdicts, List<CalibrationRow> rows) {
        Map<String, double[]> thinning = new LinkedHashMap<>();
        for (CalibrationRow row : rows) {
            double[] sum = thinning.computeIfAbsent(row.variable(), v -> new double[2]);
            sum[0] += row.thin();
            sum[1]++;
        }
        int width = Math.max(8, verdicts.stream().mapToInt(v -> v.variable().length()).max().orElse(8));
        out.printf(Locale.ROOT, "%-" + width + "s %6s %6s %9s %9s  %s%n", "variable", "sims", "thin", "chi2 p", "ECDF p",
                "verdict");
        for (CalibrationVerdict verdict : verdicts) {
            double[] thin = thinning.get(verdict.variable());
            out.printf(Locale.ROOT, "%-" + width + "s %6d %6.1f %9.3f %9.3f  %s%n", verdict.variable(),
                    verdict.simulations(), thin[0] / thin[1], verdict.histogram().pValue(), verdict.ecdf().pValue(),
                    verdict.verdict());
        }
    }

    /** The output folder, claimed for this run (a folder in use or holding files is refused, exit 2). */
    private OutputFolder outputFolder() {
        Path directory = output != null ? output
                : OutputDirectory.createNew(OutputDirectory.DEFAULT_PARENT, family + "-sbc", LocalDateTime.now());
        return OutputFolder.claim(directory, "--output", false);
    }

    private static void require(String option, int value, int minimum) {
        if (value < minimum) {
            throw new IllegalArgumentException(option + " must be at least " + minimum + ", got " + value);
        }
    }
}
