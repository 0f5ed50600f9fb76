package org.muster.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.muster.app.api.Calibration;
import org.muster.app.api.CalibrationRow;
import org.muster.app.api.FitSpec;
import org.muster.app.api.SegmentSummaryRow;
import org.muster.app.api.SimulationResult;

/** fitEach and sbc in local[2]: the same numbers as muster batch and muster sbc, whatever the partitioning. */
class MusterSparkTest {

    private static final int SEGMENTS = 200;
    private static final String[] FIT = {"--prior", "concentration=gamma(2, 0.1)", "--chains", "1", "--warmup", "20",
        "--draws", "10", "--seed", "11"};

    @TempDir
    static Path dir;

    private static Path table;
    private static Path smallTable;

    @BeforeAll
    static void writeTables() throws IOException {
        table = dir.resolve("segments.csv");
        Files.writeString(table, segments(SEGMENTS));
        smallTable = dir.resolve("small.csv");
        Files.writeString(smallTable, segments(12));
    }

    /** Segments of 3 units each, their rows interleaved as an export would have them. */
    private static String segments(int count) {
        SplittableRandom random = new SplittableRandom(21);
        StringBuilder csv = new StringBuilder("segment,y,n\n");
        for (int unit = 0; unit < 3; unit++) {
            for (int s = 0; s < count; s++) {
                int trials = 10 + random.nextInt(20);
                csv.append(String.format("s%03d,%d,%d%n", s, random.nextInt(trials + 1), trials));
            }
        }
        return csv.toString();
    }

    private static FitSpec spec() {
        return FitSpec.builder("beta-binomial").prior("concentration=gamma(2, 0.1)").chains(1).warmup(20).draws(10)
                .seed(11).build();
    }

    @Test
    void fitEachGivesBatchsSummariesBitForBitWithOneTwoAndSevenPartitions() throws IOException {
        Path output = dir.resolve("batch");
        List<String> args = new ArrayList<>(List.of("batch", "beta-binomial", "--data", table.toString(), "--by",
                "segment", "--output", output.toString(), "--quiet"));
        args.addAll(List.of(FIT));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = org.muster.app.internal.cli.Main.run(args.toArray(String[]::new), new PrintWriter(out, true),
                new PrintWriter(err, true));
        assertEquals(0, code, err.toString());
        Map<String, SegmentSummaryRow> batch = readSummaries(output.resolve("summaries.csv"));
        assertEquals(SEGMENTS * 7, batch.size());

        SparkSession spark = LocalSpark.session();
        Dataset<Row> input = spark.read().option("header", true).csv(table.toString());
        assertEquals(2, spark.sparkContext().defaultParallelism());
        assertSame(batch, MusterSpark.fitEach(input, "segment", spec()));
        assertSame(batch, MusterSpark.fitEach(input.coalesce(1), "segment", spec(), 1));
        // the file read in many small splits, fitted by seven tasks
        spark.conf().set("spark.sql.files.maxPartitionBytes", "1024");
        try {
            Dataset<Row> split = spark.read().option("header", true).csv(table.toString());
            assertTrue(split.javaRDD().getNumPartitions() > 3, "partitions " + split.javaRDD().getNumPartitions());
            assertSame(batch, MusterSpark.fitEach(split, "segment", spec(), 7));
        } finally {
            spark.conf().unset("spark.sql.files.maxPartitionBytes");
        }
    }

    @Test
    void aSegmentWithBadDataGetsItsErrorRowAndTheJobGoesOn() {
        SparkSession spark = LocalSpark.session();
        List<Row> rows = List.of(row("north", "3", "20"), row("south", "4", "20"), row("north", "5", "18"),
                row("south", "not a count", "25"), row("east", "1", "10"), row("east", null, "12"),
                row("north", "2", "15"));
        Dataset<Row> input = spark.createDataFrame(rows, org.apache.spark.sql.types.DataTypes.createStructType(List.of(
                field("region"), field("y"), field("n"))));
        List<SegmentSummaryRow> out = MusterSpark.fitEach(input, "region", spec(), 3).collectAsList().stream()
                .map(Schemas::summaryRow).toList();
        List<SegmentSummaryRow> errors = out.stream().filter(SegmentSummaryRow::isError).toList();
        assertEquals(2, errors.size(), errors.toString());
        SegmentSummaryRow south = errors.stream().filter(r -> r.segment().equals("south")).findFirst().orElseThrow();
        assertTrue(south.error().contains("segment 'south'") && south.error().contains("line 4")
                && south.error().contains("'not a count'"), south.error());
        SegmentSummaryRow east = errors.stream().filter(r -> r.segment().equals("east")).findFirst().orElseThrow();
        assertTrue(east.error().contains("segment 'east'") && east.error().contains("empty"), east.error());
        assertTrue(out.stream().anyMatch(r -> r.segment().equals("north") && r.variable().equals("theta[3]")));
    }

    @Test
    void sbcGivesTheRanksOfTheSameSimulationsWhateverThePartitioning() {
        FitSpec spec = FitSpec.builder("eight-schools").chains(1).warmup(60).draws(60).seed(3).build();
        SparkSession spark = LocalSpark.session();
        List<CalibrationRow> one = calibrationRows(MusterSpark.sbc(spark, spec, Optional.empty(), 6, 1));
        List<CalibrationRow> three = calibrationRows(MusterSpark.sbc(spark, spec, Optional.empty(), 6, 3));
        assertEquals(6 * 18, one.size());
        assertEquals(one, three);
        SimulationResult fourth = Calibration.of(spec, Optional.empty()).simulate(4);
        assertEquals(fourth.rows(), one.stream().filter(r -> r.simulation() == 4).toList());
        assertEquals(18, MusterSpark.verdicts(MusterSpark.sbc(spark, spec, Optional.empty(), 6, 2), 0.05).size());
    }

    @Test
    void badSpecsAndColumnsFailBeforeAnyJob() {
        Dataset<Row> input = LocalSpark.session().read().option("header", true).csv(table.toString());
        assertThrows(IllegalArgumentException.class, () -> MusterSpark.fitEach(input, "region", spec()));
        assertThrows(IllegalArgumentException.class,
                () -> MusterSpark.fitEach(input, "segment", FitSpec.builder("no-such-family").build()));
        IllegalArgumentException improper = assertThrows(IllegalArgumentException.class, () -> MusterSpark.sbc(
                LocalSpark.session(), FitSpec.builder("beta-binomial").build(), Optional.empty(), 5));
        assertTrue(improper.getMessage().contains("--prior"), improper.getMessage());
    }

    @Test
    void sparkSubmitsMainReadsCsvAndWritesCsvOrParquet() throws IOException {
        // spark-submit would start the session; main finds it with getOrCreate
        LocalSpark.session();
        Path csv = dir.resolve("main-csv");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] fit = {"--by", "segment", "--family", "beta-binomial", "--prior", "concentration=gamma(2, 0.1)",
            "--chains", "1", "--warmup", "20", "--draws", "10", "--seed", "11"};
        List<String> args = new ArrayList<>(List.of("fit-each", "--data", smallTable.toString(), "--output", csv.toString(),
                "--output-format", "csv", "--partitions", "3"));
        args.addAll(List.of(fit));
        assertEquals(0, SparkMain.run(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true)),
                err.toString());
        assertTrue(out.toString().contains("12 of 12 segments fitted"), out.toString());
        Dataset<Row> written = LocalSpark.session().read().option("header", true).csv(csv.toString());
        assertEquals(SegmentSummaryRow.COLUMNS, List.of(written.columns()));
        assertEquals(12 * 7, written.count());

        // the table as Parquet in, Parquet out: the same numbers
        Path parquetIn = dir.resolve("small.parquet");
        LocalSpark.session().read().option("header", true).csv(smallTable.toString()).write().parquet(parquetIn.toString());
        Path parquetOut = dir.resolve("main-parquet");
        args = new ArrayList<>(List.of("fit-each", "--data", parquetIn.toString(), "--output", parquetOut.toString()));
        args.addAll(List.of(fit));
        assertEquals(0, SparkMain.run(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true)),
                err.toString());
        Dataset<Row> parquet = LocalSpark.session().read().parquet(parquetOut.toString());
        // Parquet keeps the names and types (it reads every column back as nullable)
        assertEquals(Schemas.SUMMARIES.asNullable(), parquet.schema().asNullable());
        Map<String, SegmentSummaryRow> fromCsv = new HashMap<>();
        for (Row row : written.collectAsList()) {
            fromCsv.put(row.getString(0) + "/" + row.getString(1), new SegmentSummaryRow(row.getString(0),
                    row.getString(1), Double.parseDouble(row.getString(2)), Double.parseDouble(row.getString(3)),
                    Double.parseDouble(row.getString(4)), Double.parseDouble(row.getString(5)),
                    Double.parseDouble(row.getString(6)), Double.parseDouble(row.getString(7)),
                    Double.parseDouble(row.getString(8)), Double.parseDouble(row.getString(9)),
                    row.isNullAt(10) ? "" : row.getString(10)));
        }
        assertSame(fromCsv, parquet);

        assertEquals(2, SparkMain.run(new String[] {"fit-each", "--data", smallTable.toString(), "--by", "segment",
            "--family", "no-such-family", "--output", dir.resolve("none").toString()}, new PrintWriter(out, true),
            new PrintWriter(err, true)));
        assertTrue(err.toString().contains("unknown model family 'no-such-family'"), err.toString());
    }

    private static void assertSame(Map<String, SegmentSummaryRow> batch, Dataset<Row> spark) {
        List<Row> rows = spark.collectAsList();
        assertEquals(batch.size(), rows.size());
        for (Row row : rows) {
            SegmentSummaryRow fitted = Schemas.summaryRow(row);
            SegmentSummaryRow expected = batch.get(fitted.segment() + "/" + fitted.variable());
            assertTrue(expected != null, "batch has " + fitted.segment() + " " + fitted.variable());
            double[] a = {expected.mean(), expected.sd(), expected.q5(), expected.q50(), expected.q95(), expected.rhat(),
                expected.essBulk(), expected.essTail()};
            double[] b = {fitted.mean(), fitted.sd(), fitted.q5(), fitted.q50(), fitted.q95(), fitted.rhat(),
                fitted.essBulk(), fitted.essTail()};
            for (int i = 0; i < a.length; i++) {
                assertEquals(Double.doubleToLongBits(a[i]), Double.doubleToLongBits(b[i]), fitted.segment() + " "
                        + fitted.variable() + " column " + SegmentSummaryRow.COLUMNS.get(i + 2) + ": " + a[i] + " vs " + b[i]);
            }
            assertEquals(expected.error(), fitted.error());
        }
    }

    /** summaries.csv by segment and variable (no quoted cells in this table). */
    private static Map<String, SegmentSummaryRow> readSummaries(Path file) throws IOException {
        Map<String, SegmentSummaryRow> rows = new HashMap<>();
        List<String> lines = Files.readAllLines(file);
        assertEquals(String.join(",", SegmentSummaryRow.COLUMNS), lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",", -1);
            rows.put(c[0] + "/" + c[1], new SegmentSummaryRow(c[0], c[1], Double.parseDouble(c[2]),
                    Double.parseDouble(c[3]), Double.parseDouble(c[4]), Double.parseDouble(c[5]), Double.parseDouble(c[6]),
                    Double.parseDouble(c[7]), Double.parseDouble(c[8]), Double.parseDouble(c[9]), c[10]));
        }
        return rows;
    }

    private static List<CalibrationRow> calibrationRows(Dataset<Row> ranks) {
        return ranks.collectAsList().stream().map(Schemas::calibrationRow)
                .sorted(java.util.Comparator.comparingInt(CalibrationRow::simulation)).toList();
    }

    private static Row row(String... cells) {
        return org.apache.spark.sql.RowFactory.create((Object[]) cells);
    }

    private static org.apache.spark.sql.types.StructField field(String name) {
        return org.apache.spark.sql.types.DataTypes.createStructField(name, org.apache.spark.sql.types.DataTypes.StringType,
                true);
    }
}
