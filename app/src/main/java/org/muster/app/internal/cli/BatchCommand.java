package org.muster.app.internal.cli;

import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.muster.app.api.FitSpec;
import org.muster.app.api.OutputFolder;
import org.muster.app.api.Segment;
import org.muster.app.api.SegmentFits;
import org.muster.app.api.SegmentResult;
import org.muster.app.api.SegmentSummaryRow;
import org.muster.app.api.SegmentWarningRow;
import org.muster.app.internal.ManyFitsCsvWriter;
import org.muster.app.internal.run.InterruptHook;
import org.muster.app.internal.run.Interruption;
import org.muster.app.internal.run.OutputDirectory;
import org.muster.models.api.Dataset;
import org.muster.models.api.DatasetReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code muster batch FAMILY --data TABLE --by COLUMN}: one hierarchical fit per segment of a table. */
@Command(name = "batch", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Fit a model family to each segment of a table (the rows sharing a value of --by), each segment its"
                + " own dataset, on all cores. Writes summaries.csv (segment, variable, mean, sd, quantiles, rhat, ess_bulk,"
                + " ess_tail, error) and warnings.csv; a segment whose data are bad gets an error row, the others are fitted.",
        footer = {"", ExitCodes.HELP})
final class BatchCommand implements Callable<Integer> {

    private static final Duration INTERRUPT_PATIENCE = Duration.ofSeconds(60);
    /** How many segments' errors the terminal shows; warnings.csv has them all. */
    private static final int ERRORS_SHOWN = 10;
    /** The folder of the segments' own folders under the output folder. */
    private static final String SEGMENTS = "segments";

    private final Interruption interruption;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FAMILY", description = "Model family (see `muster models`).")
    private String family;

    @Option(names = "--data", paramLabel = "TABLE", required = true, description = "CSV/TSV file (or built-in dataset) holding every segment's rows.")
    private String data;

    @Option(names = "--by", paramLabel = "COLUMN", required = true, description = "The column whose values name the segments;"
            + " the other columns are the family's data.")
    private String by;

    @Option(names = "--method", paramLabel = "ID", defaultValue = "nuts", description = "Inference method (one that gives draws). Default: ${DEFAULT-VALUE}.")
    private String method;

    @Option(names = "--method-param", paramLabel = "KEY=VALUE", description = "Inference method option (repeatable), e.g. adapt_delta=0.95.")
    private Map<String, String> methodOptions = new LinkedHashMap<>();

    @Option(names = "--chains", paramLabel = "N", defaultValue = "4", description = "Chains per segment. Default: ${DEFAULT-VALUE}.")
    private int chains;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "1000", description = "Warmup iterations per chain. Default: ${DEFAULT-VALUE}.")
    private int warmup;

    @Option(names = "--draws", paramLabel = "N", defaultValue = "1000", description = "Kept draws per chain. Default: ${DEFAULT-VALUE}.")
    private int draws;

    @Option(names = "--seed", paramLabel = "N", description = "Run seed; each segment's seed is derived from it and the"
            + " segment's value (default: chosen at random and printed).")
    private Long seed;

    @Option(names = "--threads", paramLabel = "N", description = "Segments fitted at once (default: one per core).")
    private Integer threads;

    @Option(names = "--output", paramLabel = "DIR", description = "Write summaries.csv and warnings.csv here (default: a new"
            + " folder muster-out/FAMILY-batch-yyyyMMdd-HHmmss).")
    private Path output;

    @Option(names = "--segment-folders", description = "Also write each segment's files (those of `muster fit --output`:"
            + " summary, Stan CSV draws, report, run.json) into segments/VALUE/ under the output folder.")
    private boolean segmentFolders;

    @Mixin
    private FamilyOptionsMixin familyOptions;

    @Inject
    BatchCommand(Interruption interruption) {
        this.interruption = interruption;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean quiet = spec.root().userObject() instanceof MusterCommand m && m.quiet();
        if (threads != null && threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
        }
        long runSeed = seed != null ? seed : new java.security.SecureRandom().nextInt(Integer.MAX_VALUE);
        FitSpec fitSpec = fitSpec(family, method, chains, warmup, draws, runSeed, familyOptions, methodOptions);
        // input errors (family, method, table, column) show before any folder is created
        SegmentFits fits = SegmentFits.of(fitSpec);
        Dataset table = DatasetReader.load(data);
        List<Segment> segments = Segment.split(table, by);
        if (segments.isEmpty()) {
            throw new IllegalArgumentException(table.source() + ": no rows, so no segments");
        }
        try (OutputFolder folder = outputFolder()) {
            return run(fits, table, segments, folder.path(), runSeed, out, err, quiet);
        }
    }

    private int run(SegmentFits fits, Dataset table, List<Segment> segments, Path directory, long runSeed,
            PrintWriter out, PrintWriter err, boolean quiet) {
        List<Optional<Path>> folders = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (Segment segment : segments) {
            folders.add(segmentFolders ? Optional.of(directory.resolve(SEGMENTS).resolve(folderName(segment.key(), used)))
                    : Optional.empty());
        }
        out.println(family + " on each of " + segments.size() + " segments of " + table.source() + " by '" + by + "': "
                + method + ", " + chains + " chains x " + draws + " draws (" + warmup + " warmup), seed " + runSeed);
        int parallel = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        long start = System.nanoTime();
        try (InterruptHook hook = InterruptHook.install(interruption, INTERRUPT_PATIENCE)) {
            List<Optional<SegmentResult>> results;
            try (CountProgress progress = CountProgress.on(err, quiet, "segments", segments.size(), "bad")) {
                results = ParallelFits.run(segments.size(), parallel,
                        i -> fits.fit(segments.get(i), interruption, folders.get(i)),
                        interruption, r -> r.error().isPresent(), progress);
            }
            return report(segments, results, directory, out, err, quiet, (System.nanoTime() - start) * 1e-9);
        }
    }

    private int report(List<Segment> segments, List<Optional<SegmentResult>> results, Path directory, PrintWriter out,
            PrintWriter err, boolean quiet, double seconds) {
        List<SegmentSummaryRow> summaries = new ArrayList<>();
        List<SegmentWarningRow> warnings = new ArrayList<>();
        List<SegmentResult> kept = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        int warned = 0;
        for (Optional<SegmentResult> result : results) {
            if (result.isEmpty() || result.get().cancelled()) {
                continue;
            }
            kept.add(result.get());
            summaries.addAll(result.get().summaryRows());
            List<SegmentWarningRow> segmentWarnings = result.get().warningRows();
            warnings.addAll(segmentWarnings);
            result.get().error().ifPresent(errors::add);
            if (result.get().error().isEmpty() && !segmentWarnings.isEmpty()) {
                warned++;
            }
        }
        List<Path> written = new ArrayList<>();
        ManyFitsCsvWriter writer = new ManyFitsCsvWriter();
        try {
            written.add(writer.writeSummaries(directory, summaries));
            written.add(writer.writeWarnings(directory, warnings));
            if (segmentFolders) {
                written.add(directory.resolve(SEGMENTS));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + directory + ": " + e.getMessage(), e);
        }
        int fitted = kept.size() - errors.size();
        out.println();
        out.println(fitted + " of " + segments.size() + " segments fitted" + (errors.isEmpty() ? "" : ", " + errors.size()
                + " not (error rows in summaries.csv)") + (warned == 0 ? "" : "; the diagnostics warn for " + warned
                + " (warnings.csv)"));
        for (int i = 0; i < Math.min(ERRORS_SHOWN, errors.size()); i++) {
            out.println("  " + errors.get(i));
        }
        if (errors.size() > ERRORS_SHOWN) {
            out.println("  ... and " + (errors.size() - ERRORS_SHOWN) + " more (warnings.csv)");
        }
        out.println();
        for (Path file : written) {
            out.println("wrote " + file);
        }
        if (!quiet) {
            err.printf(Locale.ROOT, "fitted in %.2f s%n", seconds);
        }
        if (interruption.isCancelled()) {
            err.println("muster: interrupted: the files hold the " + kept.size() + " segments finished of " + segments.size());
            return ExitCodes.INTERRUPTED;
        }
        return ExitCodes.OK;
    }

    /** A folder name for a segment: its value with characters other than letters, digits, '.', '-' and '_' as '_'. */
    static String folderName(String key, Set<String> used) {
        String base = key.replaceAll("[^A-Za-z0-9._-]", "_");
        if (base.isEmpty() || base.equals(".") || base.equals("..")) {
            base = "_" + base;
        }
        String name = base;
        for (int suffix = 2; !used.add(name); suffix++) {
            name = base + "-" + suffix;
        }
        return name;
    }

    /** The spec of many fits from a command's options. */
    static FitSpec fitSpec(String family, String method, int chains, int warmup, int draws, long seed,
            FamilyOptionsMixin familyOptions, Map<String, String> methodOptions) {
        if (chains < 1 || warmup < 0 || draws < 2) {
            throw new IllegalArgumentException(chains < 1 ? "--chains must be at least 1, got " + chains
                    : warmup < 0 ? "--warmup must be at least 0, got " + warmup : "--draws must be at least 2, got " + draws);
        }
        FitSpec.Builder builder = FitSpec.builder(family).method(method).chains(chains).warmup(warmup).draws(draws)
                .seed(seed);
        familyOptions.addTo(builder);
        methodOptions.forEach(builder::methodOption);
        return builder.build();
    }

    /** The output folder, claimed for this run (a folder in use or holding files is refused, exit 2). */
    private OutputFolder outputFolder() {
        Path directory = output != null ? output
                : OutputDirectory.createNew(OutputDirectory.DEFAULT_PARENT, family + "-batch", LocalDateTime.now());
        return OutputFolder.claim(directory, "--output", false);
    }
}
