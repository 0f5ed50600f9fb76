package org.muster.app.internal.cli;

import jakarta.inject.Inject;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Map;
import org.muster.app.api.FitOutcome;
import org.muster.app.api.FitPipeline;
import org.muster.app.api.LadderOutcome;
import org.muster.app.api.Muster;
import org.muster.app.api.OutputFolder;
import org.muster.app.api.RunInfo;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.muster.app.internal.LadderService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code muster ladder FAMILY}: every rung from no pooling to full Bayes on one model, side by side. */
@Command(name = "ladder", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Fit one model by every rung of the ladder (no pooling, complete pooling, method of moments,"
                + " MAP, type-II maximum likelihood, MAP-II, full Bayes) and print them side by side.")
final class LadderCommand implements Callable<Integer> {

    private static final int FIRST_UNITS = 3;
    private static final int LAST_UNITS = 2;
    private static final int COLUMN = 11;

    private final LadderService service;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FAMILY", description = "Model family with units, e.g. beta-binomial (see `muster models`).")
    private String family;

    @Option(names = "--data", paramLabel = "PATH", description = "Built-in dataset name or CSV/TSV/Stan JSON file (default: the family's built-in data).")
    private String data;

    @Option(names = "--unit", paramLabel = "J", split = ",", description = "Also show these units (1-based, repeatable) when there are too many to show all.")
    private List<Integer> units = new ArrayList<>();

    @Option(names = "--chains", paramLabel = "N", defaultValue = "4", description = "Chains of the full-Bayes rung (NUTS). Default: ${DEFAULT-VALUE}.")
    private int chains;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "1000", description = "Warmup iterations per chain of the full-Bayes rung. Default: ${DEFAULT-VALUE}.")
    private int warmup;

    @Option(names = "--draws", paramLabel = "N", defaultValue = "1000", description = "Kept draws per chain of the full-Bayes rung. Default: ${DEFAULT-VALUE}.")
    private int draws;

    @Option(names = "--seed", paramLabel = "N", description = "Random seed (default: chosen at random and printed).")
    private Long seed;

    @Option(names = "--output", paramLabel = "DIR", description = "Write ladder.csv (every unit, every rung) into this directory.")
    private Path output;

    @Option(names = "--overwrite", description = "Let --output name a folder holding an earlier Muster run's files:"
            + " they (and only they) are removed first.")
    private boolean overwrite;

    @Mixin
    private FamilyOptionsMixin familyOptions;

    private final FitPipeline pipeline;

    @Inject
    LadderCommand(LadderService service, FitPipeline pipeline) {
        this.service = service;
        this.pipeline = pipeline;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        long actualSeed = seed != null ? seed : new java.security.SecureRandom().nextInt(Integer.MAX_VALUE);
        if (chains < 1 || warmup < 0 || draws < 2) {
            throw new IllegalArgumentException("--chains must be at least 1, --warmup at least 0 and --draws at least 2");
        }
        Instant startTime = Instant.now();
        long start = System.nanoTime();
        // the folder is claimed (refused if in use or holding other files) before anything is fitted
        try (OutputFolder folder = output == null ? null : OutputFolder.claim(output, "--output", overwrite)) {
            return climb(startTime, start, actualSeed, out);
        }
    }

    private int climb(Instant startTime, long start, long actualSeed, PrintWriter out) {
        LadderOutcome ladder = service.climb(new LadderService.Request(family, Optional.ofNullable(data),
                familyOptions.toFamilyOptions(), chains, warmup, draws, actualSeed, units), FIRST_UNITS, LAST_UNITS);
        out.println(family + " on " + ladder.datasetSource() + ": the ladder from no pooling to full Bayes (nuts "
                + chains + " chains x " + draws + " draws), seed " + actualSeed);
        out.println();
        print(out, ladder);
        if (output != null) {
            write(ladder, RunInfo.started(spec.root().commandLine().getParseResult().originalArgs(),
                    Muster.VERSION, seed != null, startTime).ended(Instant.now(), ExitCodes.OK), out);
        }
        spec.commandLine().getErr().printf(Locale.ROOT, "climbed in %.2f s%n", (System.nanoTime() - start) * 1e-9);
        return ExitCodes.OK;
    }

    /**
     * Writes ladder.csv and run.json into the output folder and each rung's own files (its summary, draws,
     * shrinkage, report, as {@code muster fit --method M} writes them) into a folder per rung.
     */
    private void write(LadderOutcome ladder, RunInfo run, PrintWriter out) {
        Path directory = output;
        List<String> rungs = new ArrayList<>();
        List<String> rungFiles = new ArrayList<>();
        for (Map.Entry<String, FitOutcome> rung : ladder.fits().entrySet()) {
            Path folder = createDirectories(directory.resolve(rung.getKey()));
            List<Path> files = pipeline.write(folder, rung.getValue().withRun(run));
            files.forEach(f -> rungFiles.add(rung.getKey() + "/" + f.getFileName()));
            rungs.add("wrote " + folder + File.separator + " (" + files.size() + " files: the " + rung.getKey()
                    + " rung's own)");
        }
        List<Path> written = new ArrayList<>(pipeline.write(directory, ladder.withRun(run.withFiles(rungFiles))));
        out.println();
        for (Path file : written) {
            out.println("wrote " + file);
        }
        rungs.forEach(out::println);
    }

    private static Path createDirectories(Path directory) {
        try {
            return Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + directory + ": " + e.getMessage(), e);
        }
    }

    static void print(PrintWriter out, LadderOutcome ladder) {
        List<String> notes = new ArrayList<>();
        int width = 9;
        for (LadderOutcome.Row row : ladder.hyperparameters()) {
            width = Math.max(width, row.variable().length());
        }
        for (int j : ladder.shown()) {
            LadderOutcome.Row row = ladder.units().get(j);
            width = Math.max(width, label(row).length());
        }
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-" + width + "s", ""));
        int[] widths = new int[ladder.rungs().size()];
        for (int r = 0; r < widths.length; r++) {
            LadderOutcome.Rung rung = ladder.rungs().get(r);
            String heading = rung.label();
            if (rung.note().isPresent()) {
                notes.add(rung.label() + ": " + rung.note().get());
                heading += " [" + notes.size() + "]";
            }
            widths[r] = Math.max(COLUMN, heading.length());
            header.append(String.format(Locale.ROOT, " %" + widths[r] + "s", heading));
        }
        out.println(header);
        for (LadderOutcome.Row row : ladder.hyperparameters()) {
            printRow(out, ladder, row.variable(), row, width, widths, false);
        }
        int previous = -1;
        for (int j : ladder.shown()) {
            if (previous >= 0 && j > previous + 1) {
                out.println("...");
            }
            printRow(out, ladder, label(ladder.units().get(j)), ladder.units().get(j), width, widths, true);
            previous = j;
        }
        out.println();
        out.println("Units: each rung's estimate (no pooling: the unit's own maximum-likelihood estimate; full Bayes:"
                + " the posterior mean). — : the rung has no answer; blank: not a parameter of that rung.");
        for (int i = 0; i < notes.size(); i++) {
            out.println("[" + (i + 1) + "] " + notes.get(i));
        }
    }

    private static void printRow(PrintWriter out, LadderOutcome ladder, String label, LadderOutcome.Row row,
            int width, int[] widths, boolean unit) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-" + width + "s", label));
        double[] values = row.values();
        for (int r = 0; r < values.length; r++) {
            LadderOutcome.Rung rung = ladder.rungs().get(r);
            String cell;
            if (Double.isFinite(values[r])) {
                cell = String.format(Locale.ROOT, "%.4g", values[r]);
            } else {
                cell = !rung.answered() || unit ? "—" : "";
            }
            line.append(String.format(Locale.ROOT, " %" + widths[r] + "s", cell));
        }
        out.println(line);
    }

    private static String label(LadderOutcome.Row row) {
        return row.unit().isEmpty() || row.variable().endsWith("[" + row.unit() + "]") ? row.variable()
                : row.variable() + " " + row.unit();
    }
}
