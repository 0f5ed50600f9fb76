package org.muster.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.muster.app.api.CalibrationRow;
import org.muster.app.api.SegmentSummaryRow;

/** The Spark schemas of Muster's tables, with the columns and names of their CSV files. */
public final class Schemas {

    /** {@code fitEach}'s rows: the columns of {@code summaries.csv}. */
    public static final StructType SUMMARIES = schema(SegmentSummaryRow.COLUMNS, List.of(DataTypes.StringType,
            DataTypes.StringType, DataTypes.DoubleType, DataTypes.DoubleType, DataTypes.DoubleType, DataTypes.DoubleType,
            DataTypes.DoubleType, DataTypes.DoubleType, DataTypes.DoubleType, DataTypes.DoubleType, DataTypes.StringType));

    /** {@code sbc}'s rows: the columns of {@code sbc.csv}, then {@code error} (a failed simulation's one row). */
    public static final StructType CALIBRATION = calibration();

    private Schemas() {
    }

    static Row row(SegmentSummaryRow row) {
        return RowFactory.create(row.segment(), row.variable(), row.mean(), row.sd(), row.q5(), row.q50(), row.q95(),
                row.rhat(), row.essBulk(), row.essTail(), row.error());
    }

    static Row row(CalibrationRow row) {
        return RowFactory.create(row.simulation(), row.seed(), row.variable(), row.truth(), row.rank(), row.draws(),
                row.thin(), row.fraction(), row.mean(), row.sd(), row.rhat(), row.essBulk(), row.essTail(),
                row.divergent(), "");
    }

    static Row failedSimulation(int simulation, long seed, String error) {
        return RowFactory.create(simulation, seed, "", Double.NaN, -1, 0, 0, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, Double.NaN, 0, error);
    }

    /** A {@code summaries.csv} row from a row of {@link #SUMMARIES}. */
    public static SegmentSummaryRow summaryRow(Row row) {
        return new SegmentSummaryRow(row.getString(0), row.getString(1), row.getDouble(2), row.getDouble(3),
                row.getDouble(4), row.getDouble(5), row.getDouble(6), row.getDouble(7), row.getDouble(8), row.getDouble(9),
                row.getString(10));
    }

    /** An {@code sbc.csv} row from a row of {@link #CALIBRATION} that is not a failure. */
    public static CalibrationRow calibrationRow(Row row) {
        return new CalibrationRow(row.getInt(0), row.getLong(1), row.getString(2), row.getDouble(3), row.getInt(4),
                row.getInt(5), row.getInt(6), row.getDouble(7), row.getDouble(8), row.getDouble(9), row.getDouble(10),
                row.getDouble(11), row.getDouble(12), row.getInt(13));
    }

    private static StructType calibration() {
        List<String> names = new ArrayList<>(CalibrationRow.COLUMNS);
        names.add("error");
        return schema(names, List.of(DataTypes.IntegerType, DataTypes.LongType, DataTypes.StringType, DataTypes.DoubleType,
                DataTypes.IntegerType, DataTypes.IntegerType, DataTypes.IntegerType, DataTypes.DoubleType,
                DataTypes.DoubleType, DataTypes.DoubleType, DataTypes.DoubleType, DataTypes.DoubleType, DataTypes.DoubleType,
                DataTypes.IntegerType, DataTypes.StringType));
    }

    private static StructType schema(List<String> names, List<DataType> types) {
        StructField[] fields = new StructField[names.size()];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = DataTypes.createStructField(names.get(i), types.get(i), false);
        }
        return DataTypes.createStructType(fields);
    }
}
