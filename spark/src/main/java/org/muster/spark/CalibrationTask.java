package org.muster.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.muster.app.api.Calibration;
import org.muster.app.api.CalibrationRow;
import org.muster.app.api.FitSpec;
import org.muster.app.api.SimulationResult;
import org.muster.models.api.Dataset;

/**
 * One Spark task of {@code sbc}: simulations by number, each simulated, fitted and ranked by
 * {@link Calibration#simulate}, as {@code muster sbc} does.
 */
final class CalibrationTask implements MapPartitionsFunction<Long, Row> {

    private static final long serialVersionUID = 1L;

    private final FitSpec spec;
    /** A built-in dataset's name, or empty when the design's cells travel with the task. */
    private final String designName;
    private final List<String> columns;
    private final List<String[]> rows;

    private CalibrationTask(FitSpec spec, String designName, List<String> columns, List<String[]> rows) {
        this.spec = spec;
        this.designName = designName;
        this.columns = columns == null ? null : List.copyOf(columns);
        this.rows = rows == null ? null : new ArrayList<>(rows);
    }

    /** Simulations on a named design (a built-in dataset) or, empty, the family's own data. */
    static CalibrationTask named(FitSpec spec, Optional<String> design) {
        return new CalibrationTask(spec, design.orElse(""), null, null);
    }

    /** Simulations on a design whose cells are given; not modified (copied). */
    static CalibrationTask of(FitSpec spec, List<String> columns, List<String[]> rows) {
        return new CalibrationTask(spec, null, columns, rows);
    }

    /**
     * The calibration the task runs.
     *
     * @throws IllegalArgumentException as {@link Calibration#of(FitSpec, Dataset)}
     */
    Calibration calibration() {
        if (columns == null) {
            return Calibration.of(spec, designName.isEmpty() ? Optional.empty() : Optional.of(designName));
        }
        int[] lines = new int[rows.size()];
        for (int r = 0; r < lines.length; r++) {
            lines[r] = r + 1;
        }
        return Calibration.of(spec, new Dataset("the design", columns, rows, lines));
    }

    @Override
    public Iterator<Row> call(Iterator<Long> numbers) {
        Calibration calibration = calibration();
        List<Row> out = new ArrayList<>();
        while (numbers.hasNext()) {
            SimulationResult result = calibration.simulate(Math.toIntExact(numbers.next()));
            if (result.error().isPresent()) {
                out.add(Schemas.failedSimulation(result.simulation(), result.seed(), result.error().get()));
            }
            for (CalibrationRow row : result.rows()) {
                out.add(Schemas.row(row));
            }
        }
        return out.iterator();
    }
}
