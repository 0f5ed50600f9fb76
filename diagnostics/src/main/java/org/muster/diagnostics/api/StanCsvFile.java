package org.muster.diagnostics.api;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.muster.core.api.ChainReport;

/**
 * One chain read from a Stan CSV file by {@link StanCsv#read(Path)}.
 *
 * @param file where it was read from
 * @param configuration the {@code key = value} comments before the header row, CmdStan's names, without
 *     {@code (Default)}; the data file is under {@code data_file}, the output file under {@code output_file}
 * @param columns the header's column names, parameters in Muster's form ({@code theta[1]}, not {@code theta.1})
 * @param headerLine 1-based line number of the header row
 * @param draws the kept draws (warmup draws, if saved, left out): [column][draw]
 * @param drawLines 1-based line number of each kept draw
 * @param adaptation the step size and inverse metric of the adaptation block, if there is one
 * @param warmupSeconds elapsed warmup time from the footer, NaN without a footer
 * @param samplingSeconds elapsed sampling time from the footer, NaN without a footer
 */
public record StanCsvFile(Path file, Map<String, String> configuration, List<String> columns, int headerLine,
        double[][] draws, int[] drawLines, Optional<ChainReport.Adaptation> adaptation, double warmupSeconds,
        double samplingSeconds) {

    public StanCsvFile {
        Objects.requireNonNull(file, "file");
        configuration = Collections.unmodifiableMap(new LinkedHashMap<>(configuration));
        columns = List.copyOf(columns);
        Objects.requireNonNull(adaptation, "adaptation");
    }

    /** Kept draws in this file. */
    public int drawCount() {
        return drawLines.length;
    }

    /**
     * This chain's first {@code n} draws, as a run killed part-way leaves chains of unequal length; the
     * footer's timings no longer describe them and read as NaN.
     *
     * @throws IllegalArgumentException if {@code n} is not between 1 and {@link #drawCount()}
     */
    public StanCsvFile firstDraws(int n) {
        if (n < 1 || n > drawCount()) {
            throw new IllegalArgumentException(file + ": cannot keep " + n + " of " + drawCount() + " draws");
        }
        if (n == drawCount()) {
            return this;
        }
        double[][] cut = new double[draws.length][];
        for (int j = 0; j < draws.length; j++) {
            cut[j] = java.util.Arrays.copyOf(draws[j], n);
        }
        return new StanCsvFile(file, configuration, columns, headerLine, cut, java.util.Arrays.copyOf(drawLines, n),
                adaptation, Double.NaN, Double.NaN);
    }

    /** Whether a column holds a sampler statistic ({@code lp__}, {@code divergent__}, ...). */
    public static boolean isSamplerColumn(String column) {
        return column.endsWith("__");
    }
}
