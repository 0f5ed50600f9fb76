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

    /** Whether a column holds a sampler statistic ({@code lp__}, {@code divergent__}, ...). */
    public static boolean isSamplerColumn(String column) {
        return column.endsWith("__");
    }
}
