package org.muster.app.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.muster.app.api.FitOutcome;
import org.muster.app.api.Outcome;
import org.muster.app.api.OutputWriter;
import org.muster.core.api.VariationalFit;
import org.muster.diagnostics.api.WholeFile;

/**
 * Writes what a variational fit found besides its draws: {@code elbo.csv} (the ELBO trace),
 * {@code approximation.csv} (the Gaussian's mean and standard deviation per unconstrained coordinate)
 * and, for full rank, {@code correlation.csv} (its correlation matrix). Numbers at full precision.
 */
public final class VariationalCsvWriter implements OutputWriter {

    /** The ELBO trace's header. */
    public static final String ELBO_HEADER = "iteration,elbo,relative_change_mean,relative_change_median";

    /** Writes the files of a variational fit; nothing for other outcomes. */
    @Override
    public List<Path> write(Path directory, Outcome outcome) throws IOException {
        if (outcome instanceof FitOutcome fit && fit.fit() instanceof VariationalFit variational) {
            return write(directory, variational);
        }
        return List.of();
    }

    /** Writes the files into {@code directory} and returns them. */
    public List<Path> write(Path directory, VariationalFit fit) throws IOException {
        Files.createDirectories(directory);
        List<Path> written = new ArrayList<>();
        Path elbo = directory.resolve("elbo.csv");
        WholeFile.write(elbo, out -> {
            out.write(ELBO_HEADER + "\n");
            for (VariationalFit.ElboPoint point : fit.elboTrace()) {
                out.write(point.iteration() + "," + number(point.elbo()) + "," + number(point.relativeChangeMean()) + ","
                        + number(point.relativeChangeMedian()) + "\n");
            }
        });
        written.add(elbo);
        Path approximation = directory.resolve("approximation.csv");
        double[] mean = fit.mean();
        double[] sd = fit.standardDeviations();
        List<String> names = fit.unconstrainedNames();
        WholeFile.write(approximation, out -> {
            out.write("coordinate,mean,sd\n");
            for (int i = 0; i < names.size(); i++) {
                out.write(names.get(i) + "," + number(mean[i]) + "," + number(sd[i]) + "\n");
            }
        });
        written.add(approximation);
        if (fit.fullRank()) {
            Path correlation = directory.resolve("correlation.csv");
            double[][] matrix = fit.correlation();
            WholeFile.write(correlation, out -> {
                out.write("coordinate," + String.join(",", names) + "\n");
                for (int i = 0; i < names.size(); i++) {
                    StringBuilder line = new StringBuilder(names.get(i));
                    for (double value : matrix[i]) {
                        line.append(',').append(number(value));
                    }
                    out.write(line.append('\n').toString());
                }
            });
            written.add(correlation);
        }
        return written;
    }

    private static String number(double value) {
        return Double.isFinite(value) ? Double.toString(value) : "";
    }
}
