package org.muster.app.internal.cli;

import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.muster.app.internal.DrawsCsvWriter;
import org.muster.app.internal.FamilyLoader;
import org.muster.app.internal.SummaryCsvWriter;
import org.muster.core.api.Draws;
import org.muster.diagnostics.api.Summaries;
import org.muster.diagnostics.api.SummaryRow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code muster simulate FAMILY}: draws parameters and data from the prior predictive. */
@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Draw from a model family's prior predictive: parameters from their priors, then data (y_rep)"
                + " and a new unit given them, on the design of the data (trials, exposures, standard errors).")
final class SimulateCommand implements Callable<Integer> {

    private final FamilyLoader families;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FAMILY", description = "Model family (see `muster models`).")
    private String family;

    @Option(names = "--data", paramLabel = "PATH",
            description = "Built-in dataset name or CSV/TSV/Stan JSON file giving the design (default: the family's built-in data).")
    private String data;

    @Option(names = "--draws", paramLabel = "N", defaultValue = "1000", description = "Number of draws. Default: ${DEFAULT-VALUE}.")
    private int draws;

    @Option(names = "--seed", paramLabel = "N", description = "Random seed (default: chosen at random and printed).")
    private Long seed;

    @Option(names = "--output", paramLabel = "DIR", description = "Write prior_predictive.csv (one row per draw) and summary.csv into this directory.")
    private Path output;

    @Mixin
    private FamilyOptionsMixin familyOptions;

    @Inject
    SimulateCommand(FamilyLoader families) {
        this.families = families;
    }

    @Override
    public Integer call() {
        if (draws < 1) {
            throw new IllegalArgumentException("--draws must be at least 1, got " + draws);
        }
        long actualSeed = seed != null ? seed : new java.security.SecureRandom().nextInt(Integer.MAX_VALUE);
        FamilyLoader.Loaded loaded = families.load(family, Optional.ofNullable(data), familyOptions.toFamilyOptions());
        Draws simulated = loaded.model().simulate(draws, actualSeed);
        List<SummaryRow> rows = Summaries.summarize(simulated);
        PrintWriter out = spec.commandLine().getOut();
        out.println(family + " prior predictive on " + loaded.source() + ": " + draws + " draws, seed " + actualSeed);
        out.println();
        SummaryReport.printTable(out, rows);
        if (output != null) {
            try {
                Path drawsFile = new DrawsCsvWriter().write(output, "prior_predictive.csv", simulated);
                Path summary = new SummaryCsvWriter().write(output, rows);
                out.println();
                out.println("wrote " + drawsFile);
                out.println("wrote " + summary);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write to " + output + ": " + e.getMessage(), e);
            }
        }
        return ExitCodes.OK;
    }
}
