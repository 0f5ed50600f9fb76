package org.muster.spark;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.muster.app.api.Calibration;
import org.muster.app.api.CalibrationRow;
import org.muster.app.api.CalibrationVerdict;
import org.muster.app.api.FitSpec;
import org.muster.app.api.SegmentFits;

/**
 * Many Muster fits on Apache Spark: one hierarchical fit per segment of a table ({@link #fitEach}) and
 * simulation-based calibration ({@link #sbc}). Each task fits with the same code as {@code muster batch} and
 * {@code muster sbc} ({@link SegmentFits}, {@link Calibration}); a fit's seed comes from the run's seed and the
 * segment's key or the simulation's number, so the results are the same bit for bit whatever the partitioning,
 * the number of executors or the order, and the same as {@code muster batch} gives on the same table.
 *
 * <pre>{@code
 * FitSpec spec = FitSpec.builder("beta-binomial").prior("concentration=gamma(2, 0.1)").chains(4).seed(7).build();
 * Dataset<Row> summaries = MusterSpark.fitEach(spark.read().option("header", true).csv("campaigns.csv"),
 *         "campaign", spec);
 * summaries.filter("error = ''").write().parquet("summaries.parquet");
 * }</pre>
 */
public final class MusterSpark {

    /** The column of each row's place in the table that {@code fitEach} adds while it sorts. */
    static final String ROW_COLUMN = "__muster_row";

    private MusterSpark() {
    }

    /**
     * One fit per value of column {@code by}, in as many partitions as the session's default parallelism.
     *
     * @see #fitEach(Dataset, String, FitSpec, int)
     */
    public static Dataset<Row> fitEach(Dataset<Row> table, String by, FitSpec spec) {
        return fitEach(table, by, spec, table.sparkSession().sparkContext().defaultParallelism());
    }

    /**
     * One fit per value of column {@code by}: the rows sharing a value are that segment's dataset (the other
     * columns, by the family's names or {@code spec.columnMappings()}), in the order the table has them.
     * Values are read as a data file's cells (null is an empty cell). A segment whose data are bad, or whose fit
     * fails, gives one row with its {@code error} (naming the segment and, from 1, the table row); the job goes on.
     *
     * @param partitions how many tasks share the segments (each task fits its segments one after another)
     * @return the columns of {@code summaries.csv} ({@link Schemas#SUMMARIES}), lazily: nothing runs until
     *     an action
     * @throws IllegalArgumentException for an unknown family, method or column, before any job runs
     */
    public static Dataset<Row> fitEach(Dataset<Row> table, String by, FitSpec spec, int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, got " + partitions);
        }
        SegmentFits.of(spec);
        List<String> names = Arrays.asList(table.columns());
        int byColumn = names.indexOf(by);
        if (byColumn < 0) {
            throw new IllegalArgumentException("the table has no column '" + by + "' to segment by; its columns are " + names);
        }
        List<String> dataColumns = new ArrayList<>();
        List<Integer> dataIndexes = new ArrayList<>();
        for (int c = 0; c < names.size(); c++) {
            if (c != byColumn) {
                dataColumns.add(names.get(c));
                dataIndexes.add(c);
            }
        }
        // each row's place in the table, from 1, so that a segment's rows keep their order after the shuffle
        StructType numbered = table.schema().add(ROW_COLUMN, DataTypes.LongType, false);
        int width = names.size();
        JavaRDD<Row> rows = table.javaRDD().zipWithIndex().map(pair -> {
            Object[] values = new Object[width + 1];
            for (int c = 0; c < width; c++) {
                values[c] = pair._1().get(c);
            }
            values[width] = pair._2() + 1;
            return RowFactory.create(values);
        });
        FitEachTask task = new FitEachTask(spec, byColumn, width, dataColumns,
                dataIndexes.stream().mapToInt(Integer::intValue).toArray());
        return table.sparkSession().createDataFrame(rows, numbered)
                .repartition(partitions, col(by))
                .sortWithinPartitions(col(by), col(ROW_COLUMN))
                .mapPartitions(task, Encoders.row(Schemas.SUMMARIES));
    }

    /**
     * Simulation-based calibration on the family's built-in data (or the built-in dataset
     * {@code design}), simulations 1 .. {@code simulations} in the session's default parallelism.
     *
     * @return the columns of {@code sbc.csv} and {@code error} ({@link Schemas#CALIBRATION}): one row per
     *     simulation and parameter, or one row per failed simulation, with its error
     * @throws IllegalArgumentException for an unknown family or method, bad options, or an improper prior
     */
    public static Dataset<Row> sbc(SparkSession spark, FitSpec spec, Optional<String> design, int simulations) {
        return sbc(spark, spec, design, simulations, spark.sparkContext().defaultParallelism());
    }

    /**
     * As {@link #sbc(SparkSession, FitSpec, Optional, int)}, the simulations shared by {@code partitions} tasks.
     */
    public static Dataset<Row> sbc(SparkSession spark, FitSpec spec, Optional<String> design, int simulations,
            int partitions) {
        CalibrationTask task = CalibrationTask.named(spec, design);
        task.calibration();
        return simulations(spark, task, simulations, partitions);
    }

    /**
     * Simulation-based calibration on the design of a (small) table: its columns by the family's names, its
     * outcomes replaced by simulated ones. The table is collected to the driver and sent with the tasks.
     *
     * @see #sbc(SparkSession, FitSpec, Optional, int)
     */
    public static Dataset<Row> sbc(Dataset<Row> design, FitSpec spec, int simulations, int partitions) {
        List<String> columns = Arrays.asList(design.columns());
        List<String[]> cells = new ArrayList<>();
        for (Row row : design.collectAsList()) {
            String[] values = new String[columns.size()];
            for (int c = 0; c < values.length; c++) {
                values[c] = Cells.text(row, c);
            }
            cells.add(values);
        }
        CalibrationTask task = CalibrationTask.of(spec, columns, cells);
        task.calibration();
        return simulations(design.sparkSession(), task, simulations, partitions);
    }

    /**
     * The verdict of each parameter over the rows of {@link #sbc} (collected to the driver), as {@code muster sbc}
     * prints them: ECDF bands at level {@code 1 - alpha / parameters} each.
     */
    public static List<CalibrationVerdict> verdicts(Dataset<Row> ranks, double alpha) {
        List<CalibrationRow> rows = new ArrayList<>();
        for (Row row : ranks.filter(col("error").equalTo("")).orderBy(col("simulation")).collectAsList()) {
            rows.add(Schemas.calibrationRow(row));
        }
        long parameters = rows.stream().map(CalibrationRow::variable).distinct().count();
        int simulations = (int) rows.stream().mapToInt(CalibrationRow::simulation).distinct().count();
        return CalibrationVerdict.of(rows, CalibrationVerdict.levelFor(alpha, (int) Math.max(1, parameters)),
                CalibrationVerdict.defaultBins(simulations), CalibrationVerdict.defaultPoints(simulations));
    }

    private static Dataset<Row> simulations(SparkSession spark, CalibrationTask task, int simulations, int partitions) {
        if (simulations < 1 || partitions < 1) {
            throw new IllegalArgumentException("simulations and partitions must be at least 1, got " + simulations
                    + " and " + partitions);
        }
        return spark.range(1, simulations + 1L, 1, partitions).as(Encoders.LONG())
                .mapPartitions(task, Encoders.row(Schemas.CALIBRATION));
    }
}
