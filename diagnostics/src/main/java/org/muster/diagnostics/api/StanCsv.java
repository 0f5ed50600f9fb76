package org.muster.diagnostics.api;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.muster.core.api.ChainReport;
import org.muster.core.api.Draws;
import org.muster.core.api.PosteriorDraws;
import org.muster.core.api.TextInput;

/**
 * Reads Stan CSV files as CmdStan writes them (and {@link StanCsvWriter} does): {@code #} comment lines
 * with the configuration, the header row, an optional adaptation block, one row per draw, and the
 * elapsed-time footer. Sampler columns end in {@code __}; parameters may be named {@code theta.1} (CmdStan)
 * or {@code theta[1]}, and are read as {@code theta[1]}. Malformed input is rejected with an
 * {@link IllegalArgumentException} whose message names the file and line.
 */
public final class StanCsv {

    private static final Pattern INDEXED = Pattern.compile("^([^.\\[\\]]+)((?:\\.\\d+)+)$");
    private static final Pattern BRACKETED = Pattern.compile("^([^\\[\\]]+)\\[(\\d+(?:,\\d+)*)\\]$");
    private static final Pattern STEP_SIZE = Pattern.compile("^#\\s*Step size\\s*=\\s*(\\S+)\\s*$");
    private static final Pattern ELAPSED = Pattern.compile("^#.*?(\\S+)\\s+seconds\\s+\\((Warm-up|Sampling|Total)\\)\\s*$");

    /** The largest Stan CSV file read, in bytes. */
    public static final long MAX_BYTES = 64L << 30;
    /** The longest line of a Stan CSV file, in characters (a row of about two million values). */
    public static final int MAX_LINE_CHARS = 64 << 20;

    private static final TextInput.Limits LIMITS = new TextInput.Limits(MAX_BYTES, MAX_LINE_CHARS);

    private StanCsv() {
    }

    /** CmdStan's column name for a Muster variable name: {@code theta[1,2]} becomes {@code theta.1.2}. */
    public static String toStanName(String variable) {
        Matcher m = BRACKETED.matcher(variable);
        return m.matches() ? m.group(1) + "." + m.group(2).replace(',', '.') : variable;
    }

    /** The comment group under {@code # muster} that maps CSV columns to the names Muster gave the variables. */
    public static final String NAMES_GROUP = "variable_names";

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z][A-Za-z0-9_]*|_[A-Za-z0-9_]+");
    private static final Pattern LABELLED = Pattern.compile("^([A-Za-z][A-Za-z0-9_]*)\\[([^\\[\\]]+)\\]$");
    private static final Pattern WHOLE = Pattern.compile("[1-9]\\d*");

    /**
     * CmdStan column names for variables, one per variable, that every CmdStan reader takes (rstan's
     * {@code read_stan_csv}, CmdStanPy, ArviZ): {@code theta[1,2]} is {@code theta.1.2}; members indexed by
     * labels, such as brms's {@code r_county[1,Intercept]}, are numbered per index by first appearance
     * ({@code r_county.1.1}, {@code r_county.1.2} for {@code floor}); any other name that is not an
     * identifier has its other characters replaced by {@code _} (and a suffix if that name is taken). The
     * columns whose {@link #toMusterName} is not the variable's name are listed in the file under
     * {@link #NAMES_GROUP}, so {@link #read(Path)} gives the variables their names back.
     *
     * @param variables Muster's names, unique; not modified
     */
    public static List<String> columnNames(List<String> variables) {
        Map<String, List<Map<String, Integer>>> levels = new LinkedHashMap<>();
        Map<String, Integer> arity = new LinkedHashMap<>();
        for (String variable : variables) {
            Matcher m = LABELLED.matcher(variable);
            if (m.matches()) {
                String[] indices = m.group(2).split(",", -1);
                boolean whole = true;
                for (String index : indices) {
                    whole &= WHOLE.matcher(index).matches();
                }
                String base = m.group(1);
                Integer known = arity.putIfAbsent(base, indices.length);
                if (known != null && known != indices.length) {
                    arity.put(base, -1);
                }
                if (!whole) {
                    levels.putIfAbsent(base, new ArrayList<>());
                }
            }
        }
        // every member of a base indexed by a label is numbered, so the grid of numbers is dense
        for (String variable : variables) {
            Matcher m = LABELLED.matcher(variable);
            if (m.matches() && levels.containsKey(m.group(1)) && arity.get(m.group(1)) > 0) {
                List<Map<String, Integer>> positions = levels.get(m.group(1));
                String[] indices = m.group(2).split(",", -1);
                while (positions.size() < indices.length) {
                    positions.add(new LinkedHashMap<>());
                }
                for (int k = 0; k < indices.length; k++) {
                    positions.get(k).putIfAbsent(indices[k], positions.get(k).size() + 1);
                }
            }
        }
        List<String> columns = new ArrayList<>(variables.size());
        java.util.Set<String> taken = new java.util.HashSet<>();
        for (String variable : variables) {
            Matcher m = LABELLED.matcher(variable);
            String column;
            if (m.matches() && arity.get(m.group(1)) > 0) {
                String base = m.group(1);
                String[] indices = m.group(2).split(",", -1);
                StringBuilder name = new StringBuilder(base);
                for (int k = 0; k < indices.length; k++) {
                    name.append('.').append(levels.containsKey(base) ? levels.get(base).get(k).get(indices[k])
                            : Integer.valueOf(indices[k]));
                }
                column = name.toString();
            } else if (IDENTIFIER.matcher(variable).matches()) {
                column = variable;
            } else {
                column = variable.replaceAll("[^A-Za-z0-9_]", "_");
                if (column.isEmpty() || !Character.isLetter(column.charAt(0)) && column.charAt(0) != '_') {
                    column = "v_" + column;
                }
            }
            if (!taken.add(column)) {
                int suffix = 2;
                while (!taken.add(column + "_" + suffix)) {
                    suffix++;
                }
                column = column + "_" + suffix;
            }
            columns.add(column);
        }
        return columns;
    }

    /**
     * A CSV cell for a column name or label: the text itself, or in double quotes (RFC 4180) when it
     * holds a comma, a quote or a line break, as a member label such as {@code r_county[1,Intercept]} does.
     */
    public static String headerCell(String column) {
        return column.indexOf(',') >= 0 || column.indexOf('"') >= 0 || column.indexOf('\n') >= 0
                ? "\"" + column.replace("\"", "\"\"") + "\"" : column;
    }

    /** Muster's name for a CmdStan column: {@code theta.1.2} becomes {@code theta[1,2]}; others are kept. */
    public static String toMusterName(String column) {
        Matcher m = INDEXED.matcher(column);
        return m.matches() ? m.group(1) + "[" + m.group(2).substring(1).replace('.', ',') + "]" : column;
    }

    /**
     * Reads one chain.
     *
     * @throws IllegalArgumentException naming the file and line: no header row, a row with more or fewer
     *     cells than the header, a cell that is not a number, a NaN or infinite draw, no draws, one draw
     */
    public static StanCsvFile read(Path file) {
        try (TextInput.Lines in = TextInput.open(file, "Stan CSV file", LIMITS)) {
            return new Parser(file).parse(in);
        } catch (OutOfMemoryError e) {
            throw new IllegalArgumentException(file + ": not enough memory to read the draws; give Java more, e.g."
                    + " MUSTER_JAVA_OPTS=-Xmx8g");
        }
    }

    /** Reads several chains, one per file, and checks they fit together. @see #combine(List) */
    public static PosteriorDraws read(List<Path> files) {
        List<StanCsvFile> chains = new ArrayList<>();
        for (Path file : files) {
            chains.add(read(file));
        }
        return combine(chains);
    }

    /**
     * The chains of several files as one fit: parameters as draws, {@code __} columns as sampler
     * statistics, the first file's configuration as settings, a chain report per file (timings and
     * adaptation; density evaluations are not in the files and read as 0).
     *
     * @throws IllegalArgumentException if no file is given, files have different columns, or chains differ in
     *     length (naming the files)
     */
    public static PosteriorDraws combine(List<StanCsvFile> chains) {
        if (chains.isEmpty()) {
            throw new IllegalArgumentException("no Stan CSV files given");
        }
        StanCsvFile first = chains.get(0);
        for (StanCsvFile chain : chains.subList(1, chains.size())) {
            if (!chain.columns().equals(first.columns())) {
                throw new IllegalArgumentException(chain.file() + ", line " + chain.headerLine()
                        + ": columns differ from " + first.file() + "'s: " + difference(first.columns(), chain.columns()));
            }
            if (chain.drawCount() != first.drawCount()) {
                throw new IllegalArgumentException("chains of unequal length: " + chain.file() + " has "
                        + chain.drawCount() + " draws, " + first.file() + " has " + first.drawCount()
                        + "; diagnostics need chains of equal length");
            }
        }
        List<String> parameters = new ArrayList<>();
        List<String> statistics = new ArrayList<>();
        List<Integer> parameterColumns = new ArrayList<>();
        List<Integer> statisticColumns = new ArrayList<>();
        for (int j = 0; j < first.columns().size(); j++) {
            String column = first.columns().get(j);
            if (StanCsvFile.isSamplerColumn(column)) {
                statistics.add(column);
                statisticColumns.add(j);
            } else {
                parameters.add(column);
                parameterColumns.add(j);
            }
        }
        double[][][] parameterValues = new double[chains.size()][][];
        double[][][] statisticValues = new double[chains.size()][][];
        List<ChainReport> reports = new ArrayList<>();
        for (int c = 0; c < chains.size(); c++) {
            StanCsvFile chain = chains.get(c);
            parameterValues[c] = parameterColumns.stream().map(j -> chain.draws()[j]).toArray(double[][]::new);
            statisticValues[c] = statisticColumns.stream().map(j -> chain.draws()[j]).toArray(double[][]::new);
            reports.add(new ChainReport(c + 1, chain.warmupSeconds(), chain.samplingSeconds(), 0, chain.adaptation()));
        }
        Map<String, String> settings = first.configuration();
        return new PosteriorDraws(methodId(settings), Draws.of(parameters, parameterValues),
                Draws.of(statistics, statisticValues), reports, false, settings);
    }

    private static String methodId(Map<String, String> settings) {
        if (settings.containsKey("method_id")) {
            return settings.get("method_id");
        }
        if ("variational".equals(settings.get("method"))) {
            return "fullrank".equals(settings.get("algorithm")) ? "advi-fullrank" : "advi";
        }
        if ("hmc".equals(settings.get("algorithm")) && settings.containsKey("engine")) {
            return settings.get("engine");
        }
        return settings.getOrDefault("algorithm", "unknown");
    }

    private static String difference(List<String> expected, List<String> actual) {
        List<String> missing = new ArrayList<>(expected);
        missing.removeAll(actual);
        List<String> extra = new ArrayList<>(actual);
        extra.removeAll(expected);
        if (missing.isEmpty() && extra.isEmpty()) {
            return "same names in another order";
        }
        return (missing.isEmpty() ? "" : "missing " + TextInput.excerpts(missing))
                + (missing.isEmpty() || extra.isEmpty() ? "" : ", ") + (extra.isEmpty() ? "" : "extra " + TextInput.excerpts(extra));
    }

    /** One pass over one file. */
    private static final class Parser {
        private final Path file;
        private final Map<String, String> configuration = new LinkedHashMap<>();
        private final Map<String, String> variableNames = new LinkedHashMap<>();
        private String group = "";
        private List<String> columns;
        private int headerLine;
        private final List<double[]> rows = new ArrayList<>();
        private final List<Integer> rowLines = new ArrayList<>();
        private int adaptationLine;
        private Double stepSize;
        private boolean dense;
        private boolean readingMetric;
        private final List<double[]> metric = new ArrayList<>();
        private double warmupSeconds = Double.NaN;
        private double samplingSeconds = Double.NaN;

        Parser(Path file) {
            this.file = file;
        }

        StanCsvFile parse(TextInput.Lines in) {
            String line;
            int number = 0;
            while ((line = in.next()) != null) {
                number = in.lineNumber();
                String text = line.strip();
                if (text.isEmpty()) {
                    continue;
                }
                if (text.startsWith("#")) {
                    comment(text, number);
                } else if (columns == null) {
                    header(text, number);
                } else {
                    row(text, number);
                }
            }
            if (columns == null) {
                throw new IllegalArgumentException(file + ": no header row (a line of column names such as"
                        + " lp__,accept_stat__,...,theta.1) in " + number + " lines");
            }
            // CmdStan's variational output begins with the approximation's mean, not a draw
            int skip = warmupRowsToSkip() + ("variational".equals(configuration.get("method")) && !rows.isEmpty() ? 1 : 0);
            int kept = rows.size() - skip;
            if (kept <= 0) {
                throw new IllegalArgumentException(file + ", line " + headerLine + ": no draws after the header");
            }
            if (kept == 1) {
                throw new IllegalArgumentException(file + ", line " + rowLines.get(skip)
                        + ": only one draw; R-hat, ESS and MCSE need at least two draws per chain");
            }
            double[][] draws = new double[columns.size()][kept];
            int[] lines = new int[kept];
            for (int i = 0; i < kept; i++) {
                double[] row = rows.get(skip + i);
                lines[i] = rowLines.get(skip + i);
                for (int j = 0; j < row.length; j++) {
                    draws[j][i] = row[j];
                }
            }
            Optional<ChainReport.Adaptation> adaptation = Optional.empty();
            if (stepSize != null) {
                if (metric.isEmpty()) {
                    throw new IllegalArgumentException(file + ", line " + adaptationLine
                            + ": adaptation block without the inverse metric's elements");
                }
                adaptation = Optional.of(new ChainReport.Adaptation(stepSize, dense, metric.toArray(double[][]::new)));
            }
            return new StanCsvFile(file, configuration, columns, headerLine, draws, lines, adaptation, warmupSeconds,
                    samplingSeconds);
        }

        /** Saved warmup draws come before the adaptation block (CmdStan's save_warmup = 1). */
        private int warmupRowsToSkip() {
            String saved = configuration.get("save_warmup");
            if (!("1".equals(saved) || "true".equalsIgnoreCase(saved))) {
                return 0;
            }
            String warmup = configuration.get("num_warmup");
            int count;
            try {
                count = warmup == null ? 0 : Integer.parseInt(warmup);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(file + ": num_warmup is not a whole number: '" + TextInput.excerpt(warmup) + "'", e);
            }
            return Math.min(count, rows.size());
        }

        private void comment(String text, int number) {
            String body = text.substring(1).strip();
            if (columns == null) {
                configurationLine(body);
                return;
            }
            if (readingMetric && looksNumeric(body)) {
                String[] cells = body.split(",");
                double[] values = new double[cells.length];
                for (int j = 0; j < cells.length; j++) {
                    values[j] = number(cells[j].strip(), number, "inverse metric element " + (j + 1));
                }
                metric.add(values);
                return;
            }
            readingMetric = false;
            if (body.startsWith("Adaptation terminated")) {
                adaptationLine = number;
                stepSize = null;
                metric.clear();
                return;
            }
            Matcher step = STEP_SIZE.matcher(text);
            if (step.matches()) {
                stepSize = number(step.group(1), number, "step size");
                return;
            }
            if (body.startsWith("Diagonal elements of inverse mass matrix")
                    || body.startsWith("Elements of inverse mass matrix")) {
                dense = body.startsWith("Elements");
                readingMetric = true;
                return;
            }
            Matcher elapsed = ELAPSED.matcher(text);
            if (elapsed.matches()) {
                double seconds = number(elapsed.group(1), number, "elapsed time");
                if (elapsed.group(2).equals("Warm-up")) {
                    warmupSeconds = seconds;
                } else if (elapsed.group(2).equals("Sampling")) {
                    samplingSeconds = seconds;
                }
            }
        }

        private static boolean looksNumeric(String body) {
            if (body.isEmpty()) {
                return false;
            }
            char first = body.charAt(0);
            return Character.isDigit(first) || first == '-' || first == '+' || first == '.'
                    || body.regionMatches(true, 0, "nan", 0, 3) || body.regionMatches(true, 0, "inf", 0, 3);
        }

        private void configurationLine(String body) {
            int equals = body.indexOf('=');
            if (equals < 0) {
                // a group such as "data", "output" or "adapt"
                group = body.strip();
                return;
            }
            String key = body.substring(0, equals).strip();
            String value = body.substring(equals + 1).strip();
            if (value.endsWith("(Default)")) {
                value = value.substring(0, value.length() - "(Default)".length()).strip();
            }
            if (group.equals(NAMES_GROUP)) {
                variableNames.put(key, value);
                return;
            }
            if (key.equals("file") && (group.equals("data") || group.equals("output"))) {
                key = group + "_file";
            }
            configuration.putIfAbsent(key, value);
        }

        private void header(String text, int number) {
            List<String> cells = headerCells(text, number);
            List<String> names = new ArrayList<>();
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (int j = 0; j < cells.size(); j++) {
                String name = cells.get(j);
                if (name.isEmpty()) {
                    throw new IllegalArgumentException(file + ", line " + number + ": column " + (j + 1)
                            + " of the header has no name");
                }
                String converted = variableNames.containsKey(name) ? variableNames.get(name) : toMusterName(name);
                if (!seen.add(converted)) {
                    throw new IllegalArgumentException(file + ", line " + number + ": column '" + TextInput.excerpt(name)
                            + "' appears twice in the header");
                }
                names.add(converted);
            }
            for (String name : names) {
                if (!StanCsvFile.isSamplerColumn(name) && !name.isEmpty() && isNumeric(name)) {
                    throw new IllegalArgumentException(file + ", line " + number
                            + ": expected the header row of column names, found numbers ('" + TextInput.excerpt(name) + "')");
                }
            }
            columns = names;
            headerLine = number;
        }

        private void row(String text, int number) {
            readingMetric = false;
            String[] cells = text.split(",", -1);
            if (cells.length != columns.size()) {
                throw new IllegalArgumentException(file + ", line " + number + ": " + cells.length + " cells, but the"
                        + " header (line " + headerLine + ") has " + columns.size() + " columns");
            }
            double[] values = new double[cells.length];
            for (int j = 0; j < cells.length; j++) {
                values[j] = number(cells[j].strip(), number, columns, j);
                if (!Double.isFinite(values[j])) {
                    throw new IllegalArgumentException(file + ", line " + number + ": " + TextInput.excerpt(columns.get(j)) + " is "
                            + values[j] + " in draw " + (rows.size() + 1) + "; diagnostics need finite draws");
                }
            }
            rows.add(values);
            rowLines.add(number);
        }

        private double number(String cell, int line, List<String> names, int column) {
            return number(cell, line, "column '" + TextInput.excerpt(names.get(column)) + "'");
        }

        private double number(String cell, int line, String what) {
            switch (cell.toLowerCase(java.util.Locale.ROOT)) {
                case "nan":
                case "-nan":
                    return Double.NaN;
                case "inf":
                case "+inf":
                case "infinity":
                    return Double.POSITIVE_INFINITY;
                case "-inf":
                case "-infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    break;
            }
            try {
                if (cell.isEmpty() || !(Character.isDigit(cell.charAt(cell.length() - 1)) || cell.endsWith("."))) {
                    throw new NumberFormatException();
                }
                return Double.parseDouble(cell);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(file + ", line " + line + ", " + what + ": '" + TextInput.excerpt(cell)
                        + "' is not a number", e);
            }
        }

        private static boolean isNumeric(String name) {
            try {
                Double.parseDouble(name);
                return true;
            } catch (NumberFormatException e) {
                return false;
            }
        }

        /** The header's cells, each stripped; a cell in double quotes may hold commas and doubled quotes. */
        private List<String> headerCells(String text, int number) {
            List<String> cells = new ArrayList<>();
            int i = 0;
            while (true) {
                while (i < text.length() && text.charAt(i) == ' ') {
                    i++;
                }
                StringBuilder cell = new StringBuilder();
                if (i < text.length() && text.charAt(i) == '"') {
                    int start = i++;
                    while (true) {
                        if (i >= text.length()) {
                            throw new IllegalArgumentException(file + ", line " + number + ": the quote at column "
                                    + (start + 1) + " of the header is not closed");
                        }
                        char c = text.charAt(i++);
                        if (c == '"' && i < text.length() && text.charAt(i) == '"') {
                            cell.append('"');
                            i++;
                        } else if (c == '"') {
                            break;
                        } else {
                            cell.append(c);
                        }
                    }
                    int end = text.indexOf(',', i);
                    String rest = (end < 0 ? text.substring(i) : text.substring(i, end)).strip();
                    if (!rest.isEmpty()) {
                        throw new IllegalArgumentException(file + ", line " + number + ": expected ',' after the"
                                + " quoted column name \"" + TextInput.excerpt(cell.toString()) + "\" in the header, found '"
                                + TextInput.excerpt(rest) + "'");
                    }
                    i = end < 0 ? text.length() : end;
                } else {
                    int end = text.indexOf(',', i);
                    cell.append((end < 0 ? text.substring(i) : text.substring(i, end)).strip());
                    i = end < 0 ? text.length() : end;
                }
                cells.add(cell.toString());
                if (i >= text.length()) {
                    return cells;
                }
                i++;
            }
        }
    }
}
