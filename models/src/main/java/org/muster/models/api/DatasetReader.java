package org.muster.models.api;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.muster.core.api.TextInput;

/**
 * Reads delimited text with a header row, Stan's JSON data format (files ending in {@code .json}), and
 * the built-in datasets. The separator is a tab in a file ending in {@code .tsv}, else whichever of
 * comma, tab and semicolon splits the header and the first row alike (a file separated by semicolons
 * may write decimal commas, {@code 1,5}, as R's {@code read.csv2} reads it). Double-quoted cells may
 * hold the separator ({@code ""} is a quote); lines starting with {@code #} are comments and blank
 * lines are skipped; a UTF-8 byte order mark and CRLF line ends are read as if absent. A file larger than
 * 1 GiB ({@link #MAX_BYTES}) or with a line longer than 1,000,000 characters ({@link #MAX_LINE_CHARS}), binary
 * content or text that is not UTF-8 is refused with one line saying so.
 */
public final class DatasetReader {

    /** The largest delimited data file read, in bytes. */
    public static final long MAX_BYTES = 1L << 30;
    /** The longest line of a delimited data file, in characters. */
    public static final int MAX_LINE_CHARS = 1_000_000;

    private static final TextInput.Limits LIMITS = new TextInput.Limits(MAX_BYTES, MAX_LINE_CHARS);

    private static final Map<String, String> BUILT_IN = Map.of(
            "eight-schools", "eight_schools.csv",
            "rats", "rats.csv",
            "baseball", "baseball_efron_morris.tsv",
            "free-throws", "free_throws.csv",
            "gamma-poisson-sources", "gamma_poisson_sources.csv",
            "radon", "radon_mn.csv");

    private DatasetReader() {
    }

    /** Names of the built-in datasets. */
    public static List<String> builtInNames() {
        return BUILT_IN.keySet().stream().sorted().toList();
    }

    /** A built-in dataset by name. @throws IllegalArgumentException listing the names there are */
    public static Dataset builtIn(String name) {
        String file = BUILT_IN.get(name);
        if (file == null) {
            throw new IllegalArgumentException("no built-in dataset '" + TextInput.excerpt(name) + "'; built-in: "
                    + builtInNames());
        }
        InputStream in = DatasetReader.class.getResourceAsStream("/org/muster/models/datasets/" + file);
        if (in == null) {
            throw new IllegalStateException("built-in dataset " + file + " is missing from the models module");
        }
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        return read(reader, "built-in '" + name + "'", file.endsWith(".tsv")).asBuiltIn(name);
    }

    /** A built-in name or a file path. */
    public static Dataset load(String nameOrPath) {
        if (BUILT_IN.containsKey(nameOrPath)) {
            return builtIn(nameOrPath);
        }
        Path path;
        try {
            path = Path.of(nameOrPath);
        } catch (java.nio.file.InvalidPathException e) {
            throw new IllegalArgumentException("not a path of a data file: '" + TextInput.excerpt(nameOrPath) + "' ("
                    + TextInput.excerpt(e.getReason()) + ")");
        }
        return read(path);
    }

    /**
     * Reads a delimited file, or a Stan JSON data file if its name ends in {@code .json}.
     *
     * @throws IllegalArgumentException for a missing or malformed file, naming the file and where
     */
    public static Dataset read(Path path) {
        if (path.toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
            return StanJsonReader.read(path);
        }
        requireExists(path);
        try (TextInput.Lines lines = TextInput.open(path, "data file", LIMITS)) {
            return read(lines, path.toString().toLowerCase(Locale.ROOT).endsWith(".tsv"));
        }
    }

    /** The message of a data file that is not there, with the built-in names a user may have meant. */
    static void requireExists(Path path) {
        if (!Files.exists(path)) {
            throw new IllegalArgumentException("data file not found: " + TextInput.excerpt(path.toString(), 200)
                    + " (built-in datasets: " + builtInNames() + ")");
        }
    }

    static Dataset read(Reader reader, String source, boolean tabs) {
        try (TextInput.Lines lines = TextInput.open(reader, source, LIMITS)) {
            return read(lines, tabs);
        }
    }

    private static Dataset read(TextInput.Lines lines, boolean tabs) {
        String source = lines.source();
        try {
            return new Parser(lines, source).parse(tabs);
        } catch (OutOfMemoryError e) {
            throw new IllegalArgumentException(source + ": not enough memory to read the data file after "
                    + lines.lineNumber() + " lines; give Java more, e.g. MUSTER_JAVA_OPTS=-Xmx8g");
        }
    }

    /** One pass over one delimited file. */
    private static final class Parser {
        private final TextInput.Lines lines;
        private final String source;
        private int comments;

        Parser(TextInput.Lines lines, String source) {
            this.lines = lines;
            this.source = source;
        }

        /** The next line that is neither blank nor a {@code #} comment, or null. */
        private String nextLine() {
            String line;
            while ((line = lines.next()) != null) {
                if (line.startsWith("#")) {
                    comments++;
                } else if (!line.isBlank()) {
                    return line;
                }
            }
            return null;
        }

        Dataset parse(boolean tabs) {
            String header = nextLine();
            if (header == null) {
                throw new IllegalArgumentException(source + ": the file is empty" + skipped() + "; expected a header row"
                        + " of column names");
            }
            int headerLine = lines.lineNumber();
            String first = nextLine();
            int firstLine = lines.lineNumber();
            char delimiter = tabs ? '\t' : delimiter(header, first);
            List<String> columns = Arrays.stream(split(header, delimiter, headerLine)).map(String::trim).toList();
            List<String[]> rows = new ArrayList<>();
            List<Integer> rowLines = new ArrayList<>();
            for (String line = first; line != null; line = nextLine()) {
                int lineNumber = line == first ? firstLine : lines.lineNumber();
                String[] cells = split(line, delimiter, lineNumber);
                if (cells.length != columns.size()) {
                    throw new IllegalArgumentException(source + ", line " + lineNumber + ": " + count(cells.length, "cell")
                            + " but the header (line " + headerLine + ") has " + count(columns.size(), "column") + " "
                            + names(columns) + hint(line, delimiter, columns.size()));
                }
                if (delimiter == ';') {
                    decimalCommas(cells);
                }
                rows.add(cells);
                rowLines.add(lineNumber);
            }
            if (rows.isEmpty()) {
                throw new IllegalArgumentException(source + ": no data rows after the header (line " + headerLine + ")"
                        + skipped());
            }
            return new Dataset(source, columns, rows, rowLines.stream().mapToInt(Integer::intValue).toArray());
        }

        private String skipped() {
            return comments == 0 ? "" : " (" + count(comments, "comment line") + " starting with '#' skipped)";
        }

        /**
         * The separator: the one of comma, tab and semicolon that splits the header and the first row into
         * the same number of cells, the most cells if several do (a comma when none does).
         */
        private char delimiter(String header, String firstRow) {
            char best = header.indexOf('\t') >= 0 && header.indexOf(',') < 0 ? '\t' : ',';
            int bestCells = 1;
            for (char candidate : CANDIDATES) {
                int cells = cellCount(header, candidate);
                if (cells > bestCells && (firstRow == null || cellCount(firstRow, candidate) == cells)) {
                    best = candidate;
                    bestCells = cells;
                }
            }
            return best;
        }

        /** What else a row that does not fit the header may be separated by. */
        private String hint(String line, char delimiter, int columns) {
            for (char candidate : CANDIDATES) {
                if (candidate != delimiter && cellCount(line, candidate) == columns) {
                    return "; the row seems separated by " + name(candidate) + ", the header by " + name(delimiter)
                            + " (use one separator throughout)";
                }
            }
            if (line.indexOf('"') >= 0) {
                return "; a cell in double quotes may hold the separator " + name(delimiter);
            }
            return "";
        }

        private String[] split(String line, char delimiter, int lineNumber) {
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char ch = line.charAt(i);
                if (quoted) {
                    if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else if (ch == '"') {
                        quoted = false;
                    } else {
                        cell.append(ch);
                    }
                } else if (ch == '"') {
                    quoted = true;
                } else if (ch == delimiter) {
                    cells.add(cell.toString());
                    cell.setLength(0);
                } else {
                    cell.append(ch);
                }
            }
            if (quoted) {
                throw new IllegalArgumentException(source + ", line " + lineNumber + ": a quoted cell is not closed"
                        + " (a cell in double quotes must end on its line, with \"\" for a quote inside it)");
            }
            cells.add(cell.toString());
            return cells.toArray(new String[0]);
        }
    }

    private static final char[] CANDIDATES = {',', '\t', ';'};
    private static final Pattern DECIMAL_COMMA = Pattern.compile("\\s*[+-]?\\d+,\\d+([eE][+-]?\\d+)?\\s*");

    /** Cells outside quotes when split at {@code delimiter}. */
    private static int cellCount(String line, char delimiter) {
        int cells = 1;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == delimiter && !quoted) {
                cells++;
            }
        }
        return cells;
    }

    /** In a file separated by semicolons, {@code 1,5} is one and a half (as R's {@code read.csv2} reads it). */
    private static void decimalCommas(String[] cells) {
        for (int c = 0; c < cells.length; c++) {
            if (cells[c].indexOf(',') >= 0 && DECIMAL_COMMA.matcher(cells[c]).matches()) {
                cells[c] = cells[c].replace(',', '.');
            }
        }
    }

    private static String name(char delimiter) {
        return switch (delimiter) {
            case '\t' -> "tabs";
            case ';' -> "';'";
            default -> "','";
        };
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** Column names for a message: each cut to an excerpt, at most ten of them. */
    static String names(List<String> columns) {
        return TextInput.excerpts(columns);
    }
}
