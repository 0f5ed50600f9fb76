package org.muster.app.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.muster.app.api.FitOutcome;
import org.muster.app.api.FitRequest;
import org.muster.app.api.Outcome;
import org.muster.app.api.OutputWriter;
import org.muster.core.api.PointEstimate;
import org.muster.diagnostics.api.StanCsv;
import org.muster.diagnostics.api.WholeFile;

/**
 * The files {@code --output DIR} writes for a point estimate: {@code summary.csv}
 * ({@code variable,estimate,std_error}, one row per scalar such as {@code theta[1]}) and
 * {@code summary.json} (the same, plus the objective, its trace, the warnings and the settings).
 * Undefined numbers (NaN) are empty cells in the CSV and {@code null} in the JSON.
 */
public final class PointEstimateOutput implements OutputWriter {

    private final JsonFactory factory = new JsonFactory();

    /** Writes both files for a point estimate; nothing for other outcomes. */
    @Override
    public List<Path> write(Path directory, Outcome outcome) throws IOException {
        if (!(outcome instanceof FitOutcome result) || !(result.fit() instanceof PointEstimate)) {
            return List.of();
        }
        Files.createDirectories(directory);
        return List.of(writeCsv(directory, result), writeJson(directory, result));
    }

    private static Path writeCsv(Path directory, FitOutcome result) throws IOException {
        PointEstimate estimate = result.pointEstimate();
        Path file = directory.resolve("summary.csv");
        WholeFile.write(file, out -> {
            out.write("variable,estimate,std_error\n");
            for (Map.Entry<String, double[]> entry : estimate.estimates().entrySet()) {
                double[] values = entry.getValue();
                double[] errors = estimate.standardErrors().get(entry.getKey());
                for (int i = 0; i < values.length; i++) {
                    out.write(StanCsv.headerCell(estimate.variable(entry.getKey(), i, values.length)) + "," + cell(values[i]) + ","
                            + cell(errors == null ? Double.NaN : errors[i]) + "\n");
                }
            }
        });
        return file;
    }

    private Path writeJson(Path directory, FitOutcome result) throws IOException {
        PointEstimate estimate = result.pointEstimate();
        FitRequest request = result.request();
        Path file = directory.resolve("summary.json");
        WholeFile.write(file, out -> {
            try (JsonGenerator json = factory.createGenerator(out)) {
                json.useDefaultPrettyPrinter();
                json.writeStartObject();
                json.writeStringField("method", estimate.methodId());
                json.writeStringField("family", result.modelName());
                json.writeStringField("data", result.datasetSource());
                json.writeNumberField("seed", request.seed());
                number(json, "objective", estimate.objective());
                json.writeArrayFieldStart("variables");
                for (Map.Entry<String, double[]> entry : estimate.estimates().entrySet()) {
                    double[] values = entry.getValue();
                    double[] errors = estimate.standardErrors().get(entry.getKey());
                    for (int i = 0; i < values.length; i++) {
                        json.writeStartObject();
                        json.writeStringField("variable", estimate.variable(entry.getKey(), i, values.length));
                        number(json, "estimate", values[i]);
                        number(json, "std_error", errors == null ? Double.NaN : errors[i]);
                        json.writeEndObject();
                    }
                }
                json.writeEndArray();
                json.writeArrayFieldStart("objective_trace");
                for (double value : estimate.objectiveTrace()) {
                    if (Double.isFinite(value)) {
                        json.writeNumber(value);
                    } else {
                        json.writeNull();
                    }
                }
                json.writeEndArray();
                json.writeArrayFieldStart("warnings");
                for (String warning : estimate.warnings()) {
                    json.writeString(warning);
                }
                json.writeEndArray();
                json.writeObjectFieldStart("settings");
                for (Map.Entry<String, String> setting : estimate.settings().entrySet()) {
                    json.writeStringField(setting.getKey(), setting.getValue());
                }
                for (Map.Entry<String, String> option : new java.util.TreeMap<>(request.methodOptions()).entrySet()) {
                    if (!estimate.settings().containsKey(option.getKey())) {
                        json.writeStringField(option.getKey(), option.getValue());
                    }
                }
                json.writeEndObject();
                json.writeEndObject();
            }
        });
        return file;
    }

    private static String cell(double value) {
        return Double.isFinite(value) ? Double.toString(value) : "";
    }

    private static void number(JsonGenerator json, String name, double value) throws IOException {
        if (Double.isFinite(value)) {
            json.writeNumberField(name, value);
        } else {
            json.writeNullField(name);
        }
    }
}
