package org.muster.diagnostics.api;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.muster.core.api.ChainReport;
import org.muster.core.api.Draws;
import org.muster.core.api.PosteriorDraws;

/**
 * Writes posterior draws as Stan CSV files in CmdStan's layout, one file per chain, so CmdStanPy, ArviZ,
 * the R package posterior and {@code muster diagnose} can read them: the configuration as {@code #}
 * comments, the header row (sampler columns ending in {@code __}, then parameters as {@code theta.1}),
 * the adaptation block ({@code # Adaptation terminated}, step size, inverse metric), one row per draw and
 * the elapsed-time footer. Numbers are written to full precision (shortest form that reads back as the
 * same double), so a file written here summarizes to exactly the numbers of the run that wrote it.
 */
public final class StanCsvWriter {

    /** The adaptation settings CmdStan lists under {@code adapt}, in its order. */
    private static final List<String> ADAPT = List.of("engaged", "gamma", "delta", "kappa", "t0", "init_buffer",
            "term_buffer", "window");
    /** Settings CmdStan lists under the HMC algorithm. */
    private static final List<String> HMC = List.of("engine", "max_depth", "int_time", "metric", "metric_file",
            "stepsize", "stepsize_jitter");
    /** Settings the writer places itself, so they are not repeated among the rest. */
    private static final List<String> PLACED = List.of("algorithm", "num_samples", "num_warmup", "save_warmup", "thin",
            "id", "seed", "num_chains", "model", "adapt_engaged");

    private final StanCsvHeader header;

    public StanCsvWriter(StanCsvHeader header) {
        this.header = header;
    }

    /**
     * Writes {@code draws_1.csv} .. {@code draws_N.csv}, one per chain, into a directory (created if missing).
     *
     * @return the files written, in chain order
     */
    public List<Path> writeAll(Path directory, PosteriorDraws fit) throws IOException {
        Files.createDirectories(directory);
        List<Path> files = new ArrayList<>();
        for (int c = 0; c < fit.draws().chains(); c++) {
            Path file = directory.resolve("draws_" + (c + 1) + ".csv");
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                write(out, fit, c);
            }
            files.add(file);
        }
        return files;
    }

    /**
     * Writes one chain as a Stan CSV file.
     *
     * @param chain 0-based chain index
     */
    public void write(Writer out, PosteriorDraws fit, int chain) throws IOException {
        Draws draws = fit.draws();
        Draws statistics = fit.samplerStatistics();
        if (chain < 0 || chain >= draws.chains()) {
            throw new IllegalArgumentException("no chain " + (chain + 1) + "; the fit has " + draws.chains());
        }
        Optional<ChainReport> report = fit.chains().stream().filter(r -> r.chain() == chain + 1).findFirst();
        writeConfiguration(out, fit, chain, report.flatMap(ChainReport::adaptation));
        List<String> columns = new ArrayList<>(statistics.variables());
        for (String variable : draws.variables()) {
            columns.add(StanCsv.toStanName(variable));
        }
        out.write(String.join(",", columns));
        out.write('\n');
        if (report.isPresent() && report.get().adaptation().isPresent()) {
            writeAdaptation(out, report.get().adaptation().get());
        }
        StringBuilder row = new StringBuilder();
        for (int i = 0; i < draws.iterations(); i++) {
            row.setLength(0);
            for (int s = 0; s < statistics.variables().size(); s++) {
                row.append(number(statistics.value(chain, s, i))).append(',');
            }
            for (int v = 0; v < draws.variables().size(); v++) {
                row.append(number(draws.value(chain, v, i))).append(',');
            }
            if (row.length() > 0) {
                row.setLength(row.length() - 1);
            }
            row.append('\n');
            out.write(row.toString());
        }
        if (report.isPresent()) {
            ChainReport r = report.get();
            out.write("# \n");
            out.write("#  Elapsed Time: " + number(r.warmupSeconds()) + " seconds (Warm-up)\n");
            out.write("#                " + number(r.samplingSeconds()) + " seconds (Sampling)\n");
            out.write("#                " + number(r.warmupSeconds() + r.samplingSeconds()) + " seconds (Total)\n");
            out.write("# \n");
        }
    }

    private void writeConfiguration(Writer out, PosteriorDraws fit, int chain, Optional<ChainReport.Adaptation> adaptation)
            throws IOException {
        Map<String, String> settings = new LinkedHashMap<>(fit.settings());
        boolean adapted = adaptation.isPresent();
        if (adapted && !settings.containsKey("metric")) {
            // readers such as CmdStanPy check the adaptation block against the metric setting
            settings.put("metric", adaptation.get().dense() ? "dense_e" : "diag_e");
        }
        String algorithm = settings.getOrDefault("algorithm", adapted ? "hmc" : fit.methodId());
        line(out, 0, "model = " + header.model());
        line(out, 0, "method = sample (Default)");
        line(out, 1, "sample");
        line(out, 2, "num_samples = " + fit.draws().iterations());
        line(out, 2, "num_warmup = " + header.warmup());
        line(out, 2, "save_warmup = 0");
        line(out, 2, "thin = 1");
        line(out, 2, "adapt");
        String engaged = settings.getOrDefault("engaged", settings.get("adapt_engaged"));
        line(out, 3, "engaged = " + (engaged != null ? engaged : adapted || header.warmup() > 0 ? "1" : "0"));
        for (String key : ADAPT.subList(1, ADAPT.size())) {
            if (settings.containsKey(key)) {
                line(out, 3, key + " = " + settings.get(key));
            }
        }
        line(out, 2, "algorithm = " + algorithm);
        if (algorithm.equals("hmc")) {
            line(out, 3, "hmc");
            if (settings.containsKey("engine")) {
                line(out, 4, "engine = " + settings.get("engine"));
                line(out, 5, settings.get("engine"));
                // nuts has max_depth, static HMC its integration time
                for (String key : HMC.subList(1, 3)) {
                    if (settings.containsKey(key)) {
                        line(out, 6, key + " = " + settings.get(key));
                    }
                }
            }
            for (String key : HMC.subList(3, HMC.size())) {
                if (settings.containsKey(key)) {
                    line(out, 4, key + " = " + settings.get(key));
                }
            }
        }
        line(out, 2, "num_chains = 1");
        line(out, 0, "id = " + (chain + 1));
        line(out, 0, "data");
        line(out, 1, "file = " + header.data().orElse(""));
        line(out, 0, "random");
        line(out, 1, "seed = " + header.seed());
        line(out, 0, "output");
        line(out, 1, "file = draws_" + (chain + 1) + ".csv");
        line(out, 0, "muster");
        line(out, 1, "method_id = " + fit.methodId());
        for (Map.Entry<String, String> setting : settings.entrySet()) {
            String key = setting.getKey();
            if (!ADAPT.contains(key) && !HMC.contains(key) && !PLACED.contains(key)) {
                line(out, 1, key + " = " + setting.getValue());
            }
        }
    }

    private static void writeAdaptation(Writer out, ChainReport.Adaptation adaptation) throws IOException {
        out.write("# Adaptation terminated\n");
        out.write("# Step size = " + number(adaptation.stepSize()) + "\n");
        double[][] metric = adaptation.inverseMetric();
        out.write(adaptation.dense() ? "# Elements of inverse mass matrix:\n"
                : "# Diagonal elements of inverse mass matrix:\n");
        for (double[] row : metric) {
            StringBuilder line = new StringBuilder("# ");
            for (int j = 0; j < row.length; j++) {
                line.append(j == 0 ? "" : ", ").append(number(row[j]));
            }
            out.write(line.append('\n').toString());
        }
    }

    private static void line(Writer out, int depth, String text) throws IOException {
        out.write("# " + "  ".repeat(depth) + text + "\n");
    }

    /** Whole numbers without a decimal point (as Stan writes counts), others in full precision. */
    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }
}
