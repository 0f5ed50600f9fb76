package org.muster.app.internal.cli;

import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.muster.app.internal.FitRequest;
import org.muster.app.internal.FitResult;
import org.muster.app.internal.FitService;
import org.muster.app.internal.ShrinkageCsvWriter;
import org.muster.app.internal.SummaryOutput;
import org.muster.app.internal.report.ReportInput;
import org.muster.app.internal.report.ReportWriter;
import org.muster.core.spi.FitListener;
import org.muster.diagnostics.api.StanCsvHeader;
import org.muster.diagnostics.api.StanCsvWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code muster fit FAMILY}: fits a model family to data and prints the posterior summary. */
@Command(name = "fit", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Fit a model family to data and print the posterior summary.")
final class FitCommand implements Callable<Integer> {

    private final FitService service;
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
            description = "Write summary.csv, summary.json, the draws as Stan CSV (draws_1.csv, ...) and, for a model with"
                    + " units, shrinkage.csv into this directory, with report.html: the summary and plots on one page.")
    private Path output;

    @Mixin
    private FamilyOptionsMixin familyOptions;

    @Option(names = "--predict", description = "Add predictive draws: y_rep for every observation and a new unit drawn"
            + " from the population (e.g. theta_new, y_new).")
    private boolean predict;

    @Option(names = "--explain", description = "Before fitting, print the update the method gives each node (for gibbs: conjugate draw or slice sampling).")
    private boolean explain;

    @Option(names = "--method-param", paramLabel = "KEY=VALUE", description = "Inference method option (repeatable).")
    private Map<String, String> methodOptions = new LinkedHashMap<>();

    @Inject
    FitCommand(FitService service) {
        this.service = service;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        long actualSeed = seed != null ? seed : new java.security.SecureRandom().nextInt(Integer.MAX_VALUE);
        checkPositive("--chains", chains, 1);
        checkPositive("--warmup", warmup, 0);
        checkPositive("--draws", draws, 2);
        Map<String, String> allMethodOptions = new LinkedHashMap<>(methodOptions);
        putOption(allMethodOptions, "adapt_delta", adaptDelta);
        putOption(allMethodOptions, "max_depth", maxDepth);
        putOption(allMethodOptions, "metric", metric);
        Map<String, double[]> initialValues = init == null ? Map.of() : InitialValuesReader.read(init);
        FitRequest request = new FitRequest(family, Optional.ofNullable(data), method, chains, warmup, draws, actualSeed,
                Optional.ofNullable(output), familyOptions.toFamilyOptions(), allMethodOptions, initialValues, predict);
        if (explain) {
            List<String> lines = service.explain(request);
            out.println(lines.isEmpty() ? method + " updates all parameters together; there are no per-node updates to explain"
                    : "Updates (" + method + "):");
            for (String line : lines) {
                out.println("  " + line);
            }
            out.println();
        }
        long start = System.nanoTime();
        FitResult result = service.fit(request, FitListener.NONE);
        double seconds = (System.nanoTime() - start) * 1e-9;
        out.println(family + " on " + result.datasetSource() + ": " + method + ", " + chains + " chains x " + draws
                + " draws (" + warmup + " warmup), seed " + actualSeed);
        out.println();
        SummaryReport.print(out, result.summary());
        result.shrinkage().ifPresent(table -> {
            out.println();
            ShrinkageReport.print(out, table);
        });
        if (output != null) {
            List<Path> written = new java.util.ArrayList<>(summaryOutput.write(output, result.fit(), result.summary()));
            StanCsvHeader header = new StanCsvHeader(family, Optional.of(result.datasetSource()), actualSeed, warmup);
            try {
                written.addAll(new StanCsvWriter(header).writeAll(output, result.fit()));
                if (result.shrinkage().isPresent()) {
                    written.add(shrinkageWriter.write(output, result.shrinkage().get()));
                }
                written.add(reportWriter.write(output, ReportInput.of(result)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write to " + output + ": " + e.getMessage(), e);
            }
            out.println();
            for (Path file : written) {
                out.println("wrote " + file);
            }
        }
        spec.commandLine().getErr().printf(Locale.ROOT, "fitted in %.2f s%n", seconds);
        return ExitCodes.OK;
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
