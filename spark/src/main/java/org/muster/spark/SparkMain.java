package org.muster.spark;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.muster.app.api.CalibrationVerdict;
import org.muster.app.api.FitSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * The {@code spark-submit} entry point: {@code fit-each} reads a CSV or Parquet table and writes one fit per
 * segment as Parquet or CSV; {@code sbc} runs simulation-based calibration and writes its ranks. The only class of
 * this module that prints.
 */
@Command(name = "muster-spark", mixinStandardHelpOptions = true, version = "muster-spark 0.1.0",
        description = "Many Muster fits on Apache Spark.", subcommands = {SparkMain.FitEach.class, SparkMain.Sbc.class})
public final class SparkMain implements Runnable {

    @Option(names = "--master", paramLabel = "URL", description = "Spark master when not run by spark-submit, e.g. local[4].")
    String master;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(run(args, out, err));
    }

    /** Runs the command line and returns the exit code (0 done, 2 bad command line or input). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new SparkMain());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((e, cl, parse) -> {
            if (e instanceof IllegalArgumentException) {
                err.println("muster-spark: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        return commandLine.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    SparkSession session() {
        SparkSession.Builder builder = SparkSession.builder().appName("muster");
        if (master != null) {
            builder.master(master);
        }
        return builder.getOrCreate();
    }

    /** The options every command shares: the family, its options, the method and the chains. */
    abstract static class FitOptions {
        @ParentCommand
        SparkMain parent;

        @Option(names = "--family", required = true, paramLabel = "ID", description = "Model family, e.g. beta-binomial.")
        String family;

        @Option(names = "--method", defaultValue = "nuts", paramLabel = "ID", description = "Inference method. Default: ${DEFAULT-VALUE}.")
        String method;

        @Option(names = "--chains", defaultValue = "4", paramLabel = "N", description = "Chains per fit. Default: ${DEFAULT-VALUE}.")
        int chains;

        @Option(names = "--warmup", defaultValue = "1000", paramLabel = "N", description = "Warmup per chain. Default: ${DEFAULT-VALUE}.")
        int warmup;

        @Option(names = "--draws", defaultValue = "1000", paramLabel = "N", description = "Draws per chain. Default: ${DEFAULT-VALUE}.")
        int draws;

        @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "Run seed. Default: ${DEFAULT-VALUE}.")
        long seed;

        @Option(names = "--param", paramLabel = "KEY=VALUE", description = "Model family option (repeatable).")
        Map<String, String> familyOptions = new LinkedHashMap<>();

        @Option(names = "--prior", paramLabel = "PARAMETER=DISTRIBUTION(ARGS)", description = "A prior (repeatable).")
        List<String> priors = new ArrayList<>();

        @Option(names = "--map", paramLabel = "NAME=COLUMN[,...]", description = "Which column holds each of the family's data names (repeatable).")
        List<String> maps = new ArrayList<>();

        @Option(names = "--pooling", paramLabel = "KIND", description = "partial, none or complete.")
        String pooling;

        @Option(names = "--method-param", paramLabel = "KEY=VALUE", description = "Inference method option (repeatable).")
        Map<String, String> methodOptions = new LinkedHashMap<>();

        @Option(names = "--partitions", paramLabel = "N", description = "Tasks (default: the default parallelism).")
        Integer partitions;

        @Option(names = "--output", required = true, paramLabel = "PATH", description = "Where to write the result.")
        String output;

        @Option(names = "--output-format", defaultValue = "parquet", paramLabel = "FORMAT", description = "parquet or csv. Default: ${DEFAULT-VALUE}.")
        String outputFormat;

        FitSpec fitSpec() {
            FitSpec.Builder builder = FitSpec.builder(family).method(method).chains(chains).warmup(warmup).draws(draws)
                    .seed(seed);
            familyOptions.forEach(builder::familyOption);
            priors.forEach(builder::prior);
            maps.forEach(builder::map);
            if (pooling != null) {
                builder.pooling(pooling);
            }
            methodOptions.forEach(builder::methodOption);
            return builder.build();
        }

        void write(Dataset<Row> result) {
            switch (outputFormat.toLowerCase(Locale.ROOT)) {
                case "parquet" -> result.write().mode("overwrite").parquet(output);
                case "csv" -> result.write().mode("overwrite").option("header", true).csv(output);
                default -> throw new IllegalArgumentException("--output-format must be parquet or csv, got " + outputFormat);
            }
        }
    }

    /** {@code fit-each}: one fit per segment of a table. */
    @Command(name = "fit-each", mixinStandardHelpOptions = true,
            description = "One fit per value of --by; writes the columns of summaries.csv.")
    static final class FitEach extends FitOptions implements Callable<Integer> {
        @Option(names = "--data", required = true, paramLabel = "PATH", description = "The table: a CSV file (with a header) or Parquet.")
        String data;

        @Option(names = "--format", paramLabel = "FORMAT", description = "csv or parquet (default: from the path's ending).")
        String format;

        @Option(names = "--by", required = true, paramLabel = "COLUMN", description = "The segment column.")
        String by;

        @Override
        public Integer call() {
            FitSpec fitSpec = fitSpec();
            SparkSession spark = parent.session();
            Dataset<Row> table = read(spark, data, format);
            Dataset<Row> summaries = partitions == null ? MusterSpark.fitEach(table, by, fitSpec)
                    : MusterSpark.fitEach(table, by, fitSpec, partitions);
            write(summaries.cache());
            long errors = summaries.filter("error != ''").count();
            long segments = summaries.select("segment").distinct().count();
            PrintWriter out = parent.spec.commandLine().getOut();
            out.println(family + ": " + (segments - errors) + " of " + segments + " segments fitted"
                    + (errors == 0 ? "" : ", " + errors + " not (rows with an error)") + "; wrote " + output);
            return 0;
        }
    }

    /** {@code sbc}: simulation-based calibration. */
    @Command(name = "sbc", mixinStandardHelpOptions = true,
            description = "Simulation-based calibration; writes the columns of sbc.csv and error, and prints a verdict per parameter.")
    static final class Sbc extends FitOptions implements Callable<Integer> {
        @Option(names = "--simulations", defaultValue = "200", paramLabel = "N", description = "Simulations. Default: ${DEFAULT-VALUE}.")
        int simulations;

        @Option(names = "--design", paramLabel = "NAME", description = "A built-in dataset as the design (default: the family's).")
        String design;

        @Option(names = "--alpha", defaultValue = "0.05", paramLabel = "P", description = "Chance of any false alarm. Default: ${DEFAULT-VALUE}.")
        double alpha;

        @Override
        public Integer call() {
            FitSpec fitSpec = fitSpec();
            SparkSession spark = parent.session();
            Dataset<Row> ranks = (partitions == null
                    ? MusterSpark.sbc(spark, fitSpec, Optional.ofNullable(design), simulations)
                    : MusterSpark.sbc(spark, fitSpec, Optional.ofNullable(design), simulations, partitions)).cache();
            write(ranks);
            PrintWriter out = parent.spec.commandLine().getOut();
            for (CalibrationVerdict verdict : MusterSpark.verdicts(ranks, alpha)) {
                out.printf(Locale.ROOT, "%-16s %5d  ECDF p %.3f  %s%n", verdict.variable(), verdict.simulations(),
                        verdict.ecdf().pValue(), verdict.verdict());
            }
            out.println("wrote " + output);
            return 0;
        }
    }

    static Dataset<Row> read(SparkSession spark, String path, String format) {
        String kind = format != null ? format.toLowerCase(Locale.ROOT) : path.toLowerCase(Locale.ROOT).endsWith(".csv")
                || path.toLowerCase(Locale.ROOT).endsWith(".tsv") ? "csv" : "parquet";
        DataFrameReader reader = spark.read();
        return switch (kind) {
            // every cell as text, as muster batch reads a file
            case "csv" -> reader.option("header", true).option("sep", path.endsWith(".tsv") ? "\t" : ",").csv(path);
            case "parquet" -> reader.parquet(path);
            default -> throw new IllegalArgumentException("--format must be csv or parquet, got " + format);
        };
    }
}
