package org.muster.diagnostics.api;

import java.io.IOException;
import java.io.Writer;
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
import org.muster.core.spi.SamplingStart;

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

    /** The settings CmdStan lists under {@code variational}, in its order ({@code adapt} is a group). */
    private static final List<String> VARIATIONAL = List.of("iter", "grad_samples", "elbo_samples", "eta", "adapt",
            "tol_rel_obj", "eval_elbo", "output_samples");
    /** Variational settings the writer places itself. */
    private static final List<String> VARIATIONAL_PLACED = List.of("algorithm", "engine", "adapt_engaged", "adapt_iter");

    private final StanCsvHeader header;

    public StanCsvWriter(StanCsvHeader header) {
        this.header = header;
    }

    /**
     * Writes {@code draws_1.csv} .. {@code draws_N.csv}, one per chain, into a directory (created if missing).
     * Files are numbered by the chains' reports, so the chains a cancelled run kept keep their numbers.
     *
     * @return the files written, in chain order
     */
    public List<Path> writeAll(Path directory, PosteriorDraws fit) throws IOException {
        if (isVariational(fit)) {
            return writeVariational(directory, fit, drawMeans(fit.draws()));
        }
        Files.createDirectories(directory);
        List<Path> files = new ArrayList<>();
        for (int c = 0; c < fit.draws().chains(); c++) {
            Path file = directory.resolve(fileName(fit, c));
            int chain = c;
            WholeFile.write(file, out -> write(out, fit, chain));
            files.add(file);
        }
        return files;
    }

    /**
     * Whether draws come from a variational approximation ({@code algorithm = variational} among their
     * settings, as ADVI gives them): {@link #writeAll} writes them as {@link #writeVariational} does.
     */
    public static boolean isVariational(PosteriorDraws fit) {
        return "variational".equals(fit.settings().get("algorithm"));
    }

    /**
     * Writes draws from a variational approximation into {@code draws_1.csv} as CmdStan's
     * {@code variational} method writes its output: {@code method = variational} with the algorithm's
     * settings, the header row ({@code lp__,log_p__,log_g__}, then the variables), the step size, then the
     * mean of the approximation as the first row (its sampler columns 0) and one row per draw, no timing
     * footer. Readers that know the layout (rstan's {@code read_stan_csv}, CmdStanPy, {@link StanCsv})
     * skip the mean row.
     *
     * @param mean the approximation's mean pushed through the constraints, one value per variable of the
     *     draws (for a variable the mean does not give, such as a predictive draw, the mean of its draws);
     *     not modified
     * @return the file written
     */
    public List<Path> writeVariational(Path directory, PosteriorDraws fit, double[] mean) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve(fileName(1));
        WholeFile.write(file, out -> writeVariational(out, fit, mean));
        return List.of(file);
    }

    /** As {@link #writeVariational(Path, PosteriorDraws, double[])}, to a writer. */
    public void writeVariational(Writer out, PosteriorDraws fit, double[] mean) throws IOException {
        Draws draws = fit.draws();
        Draws statistics = fit.samplerStatistics();
        if (mean.length != draws.variables().size()) {
            throw new IllegalArgumentException(mean.length + " mean values for " + draws.variables().size()
                    + " variables");
        }
        if (draws.chains() != 1) {
            throw new IllegalArgumentException("a variational fit has one set of draws, not " + draws.chains());
        }
        Map<String, String> settings = fit.settings();
        List<String> names = StanCsv.columnNames(draws.variables());
        line(out, 0, "model = " + header.model());
        line(out, 0, "method = variational");
        line(out, 1, "variational");
        String algorithm = settings.getOrDefault("engine", fit.methodId().endsWith("fullrank") ? "fullrank" : "meanfield");
        line(out, 2, "algorithm = " + algorithm);
        line(out, 3, algorithm);
        for (String key : VARIATIONAL) {
            if (key.equals("adapt")) {
                line(out, 2, "adapt");
                line(out, 3, "engaged = " + settings.getOrDefault("adapt_engaged", "1"));
                if (settings.containsKey("adapt_iter")) {
                    line(out, 3, "iter = " + settings.get("adapt_iter"));
                }
            } else if (key.equals("output_samples")) {
                line(out, 2, "output_samples = " + draws.iterations());
            } else if (settings.containsKey(key)) {
                line(out, 2, key + " = " + settings.get(key));
            }
        }
        line(out, 0, "id = 1");
        line(out, 0, "data");
        line(out, 1, "file = " + header.data().orElse(""));
        line(out, 0, "random");
        line(out, 1, "seed = " + header.seed());
        line(out, 0, "output");
        line(out, 1, "file = " + fileName(1));
        line(out, 0, "muster");
        line(out, 1, "method_id = " + fit.methodId());
        for (Map.Entry<String, String> setting : settings.entrySet()) {
            if (!VARIATIONAL.contains(setting.getKey()) && !VARIATIONAL_PLACED.contains(setting.getKey())) {
                line(out, 1, setting.getKey() + " = " + setting.getValue());
            }
        }
        writeNames(out, draws.variables(), names);
        List<String> columns = new ArrayList<>(statistics.variables());
        columns.addAll(names);
        out.write(String.join(",", columns));
        out.write('\n');
        out.write("# Stepsize adaptation complete.\n");
        out.write("# eta = " + settings.getOrDefault("eta", "") + "\n");
        ChainWriter rows = open(out, 0, new SamplingStart(fit.methodId(), settings, draws.variables(),
                statistics.variables(), 1, 0, draws.iterations()));
        rows.draw(new double[statistics.variables().size()], mean);
        double[] statisticsRow = new double[statistics.variables().size()];
        double[] valuesRow = new double[draws.variables().size()];
        for (int i = 0; i < draws.iterations(); i++) {
            statistics.row(0, i, statisticsRow);
            draws.row(0, i, valuesRow);
            rows.draw(statisticsRow, valuesRow);
        }
    }

    private static double[] drawMeans(Draws draws) {
        double[] means = new double[draws.variables().size()];
        for (int v = 0; v < means.length; v++) {
            double sum = 0;
            for (int c = 0; c < draws.chains(); c++) {
                for (int i = 0; i < draws.iterations(); i++) {
                    sum += draws.value(c, v, i);
                }
            }
            means[v] = sum / ((double) draws.chains() * draws.iterations());
        }
        return means;
    }

    /** The file name of a chain: {@code draws_<number>.csv}. */
    public static String fileName(int chainNumber) {
        return "draws_" + chainNumber + ".csv";
    }

    private static String fileName(PosteriorDraws fit, int chain) {
        return fileName(chainNumber(fit, chain));
    }

    /** The 1-based number of the fit's chain at an index: its report's, or index + 1 without reports. */
    private static int chainNumber(PosteriorDraws fit, int chain) {
        return chain < fit.chains().size() ? fit.chains().get(chain).chain() : chain + 1;
    }

    /**
     * Writes one chain as a Stan CSV file.
     *
     * @param chain 0-based index of the chain in the fit; its number in the file ({@code id}) is its report's
     */
    public void write(Writer out, PosteriorDraws fit, int chain) throws IOException {
        Draws draws = fit.draws();
        Draws statistics = fit.samplerStatistics();
        if (chain < 0 || chain >= draws.chains()) {
            throw new IllegalArgumentException("no chain " + (chain + 1) + "; the fit has " + draws.chains());
        }
        Optional<ChainReport> report = chain < fit.chains().size() ? Optional.of(fit.chains().get(chain))
                : Optional.empty();
        ChainWriter writer = open(out, chainNumber(fit, chain) - 1, new SamplingStart(fit.methodId(), fit.settings(), draws.variables(),
                statistics.variables(), draws.chains(), header.warmup(), draws.iterations()));
        writer.begin(report.flatMap(ChainReport::adaptation));
        double[] statisticsRow = new double[statistics.variables().size()];
        double[] valuesRow = new double[draws.variables().size()];
        for (int i = 0; i < draws.iterations(); i++) {
            // row by row: draws kept on disk are read a block of rows at a time
            statistics.row(chain, i, statisticsRow);
            draws.row(chain, i, valuesRow);
            writer.draw(statisticsRow, valuesRow);
        }
        if (report.isPresent()) {
            writer.end(report.get());
        }
    }

    /**
     * A writer of one chain's file in the order a run produces it, for writing draws as they arrive: a
     * file cut off after any {@link ChainWriter#draw} call is a valid Stan CSV file holding every draw
     * written so far, and a file written through to {@link ChainWriter#end} is the same, character for
     * character, as {@link #write} writes for the finished fit.
     *
     * @param out where the file goes; flushing and closing it is the caller's
     * @param chain 0-based chain index in the run ({@code id} is {@code chain + 1})
     * @param run the method, its settings, the columns, and the planned draws per chain ({@code num_samples})
     */
    public ChainWriter open(Writer out, int chain, SamplingStart run) {
        return new ChainWriter(out, chain, run);
    }

    /** Writes one chain's file piece by piece: {@link #begin} once, {@link #draw} per draw, then {@link #end}. */
    public final class ChainWriter {

        private final Writer out;
        private final int chain;
        private final SamplingStart run;
        private final StringBuilder row = new StringBuilder();

        private ChainWriter(Writer out, int chain, SamplingStart run) {
            this.out = out;
            this.chain = chain;
            this.run = run;
        }

        /**
         * Writes the configuration comments, the header row and, for an adapted sampler, the adaptation
         * block; CmdStan too writes the adaptation once warmup is over.
         */
        public void begin(Optional<ChainReport.Adaptation> adaptation) throws IOException {
            List<String> names = StanCsv.columnNames(run.variables());
            writeConfiguration(out, run, chain, adaptation, names);
            List<String> columns = new ArrayList<>(run.statistics());
            columns.addAll(names);
            out.write(String.join(",", columns));
            out.write('\n');
            if (adaptation.isPresent()) {
                writeAdaptation(out, adaptation.get());
            }
        }

        /**
         * Writes one draw's row.
         *
         * @param statistics not modified: one value per {@link SamplingStart#statistics()} name
         * @param values not modified: one value per {@link SamplingStart#variables()} name
         */
        public void draw(double[] statistics, double[] values) throws IOException {
            row.setLength(0);
            for (double statistic : statistics) {
                row.append(number(statistic)).append(',');
            }
            for (double value : values) {
                row.append(number(value)).append(',');
            }
            if (row.length() > 0) {
                row.setLength(row.length() - 1);
            }
            row.append('\n');
            out.append(row);
        }

        /** Writes the elapsed-time footer. */
        public void end(ChainReport report) throws IOException {
            out.write("# \n");
            out.write("#  Elapsed Time: " + number(report.warmupSeconds()) + " seconds (Warm-up)\n");
            out.write("#                " + number(report.samplingSeconds()) + " seconds (Sampling)\n");
            out.write("#                " + number(report.warmupSeconds() + report.samplingSeconds())
                    + " seconds (Total)\n");
            out.write("# \n");
        }
    }

    private void writeConfiguration(Writer out, SamplingStart run, int chain, Optional<ChainReport.Adaptation> adaptation,
            List<String> columns) throws IOException {
        Map<String, String> settings = new LinkedHashMap<>(run.settings());
        boolean adapted = adaptation.isPresent();
        if (adapted && !settings.containsKey("metric")) {
            // readers such as CmdStanPy check the adaptation block against the metric setting
            settings.put("metric", adaptation.get().dense() ? "dense_e" : "diag_e");
        }
        String algorithm = settings.getOrDefault("algorithm", adapted ? "hmc" : run.methodId());
        line(out, 0, "model = " + header.model());
        line(out, 0, "method = sample (Default)");
        line(out, 1, "sample");
        line(out, 2, "num_samples = " + run.draws());
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
        line(out, 1, "file = " + fileName(chain + 1));
        line(out, 0, "muster");
        line(out, 1, "method_id = " + run.methodId());
        for (Map.Entry<String, String> setting : settings.entrySet()) {
            String key = setting.getKey();
            if (!ADAPT.contains(key) && !HMC.contains(key) && !PLACED.contains(key)) {
                line(out, 1, key + " = " + setting.getValue());
            }
        }
        writeNames(out, run.variables(), columns);
    }

    /** The variables whose column is not their name in CmdStan's form, as {@code column = name}. */
    private static void writeNames(Writer out, List<String> variables, List<String> columns) throws IOException {
        boolean any = false;
        for (int v = 0; v < variables.size(); v++) {
            if (!StanCsv.toMusterName(columns.get(v)).equals(variables.get(v))) {
                if (!any) {
                    line(out, 1, StanCsv.NAMES_GROUP);
                    any = true;
                }
                line(out, 2, columns.get(v) + " = " + variables.get(v));
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
