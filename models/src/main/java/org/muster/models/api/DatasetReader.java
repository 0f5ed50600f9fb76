package org.muster.models.api;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads delimited text with a header row (CSV, or TSV when the file ends in {@code .tsv} or the header
 * has tabs), Stan's JSON data format (files ending in {@code .json}), and the built-in datasets.
 * Double-quoted cells may contain the delimiter.
 */
public final class DatasetReader {

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
            throw new IllegalArgumentException("no built-in dataset '" + name + "'; built-in: " + builtInNames());
        }
        InputStream in = DatasetReader.class.getResourceAsStream("/org/muster/models/datasets/" + file);
        if (in == null) {
            throw new IllegalStateException("built-in dataset " + file + " is missing from the models module");
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return read(reader, "built-in '" + name + "'", file.endsWith(".tsv")).asBuiltIn(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A built-in name or a file path. */
    public static Dataset load(String nameOrPath) {
        if (BUILT_IN.containsKey(nameOrPath)) {
            return builtIn(nameOrPath);
        }
        return read(Path.of(nameOrPath));
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
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return read(reader, path.toString(), path.toString().toLowerCase(Locale.ROOT).endsWith(".tsv"));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("data file not found: " + path + " (built-in datasets: " + builtInNames()
                    + ")");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read data file " + path + ": " + e.getMessage());
        }
    }

    static Dataset read(Reader reader, String source, boolean tabs) throws IOException {
        BufferedReader lines = new BufferedReader(reader);
        String header = lines.readLine();
        int lineNumber = 1;
        while (header != null && header.isBlank()) {
            header = lines.readLine();
            lineNumber++;
        }
        if (header == null) {
            throw new IllegalArgumentException(source + ": the file is empty; expected a header row");
        }
        if (header.startsWith("\uFEFF")) {
            header = header.substring(1);
        }
        char delimiter = tabs || header.indexOf('\t') >= 0 ? '\t' : ',';
        List<String> columns = Arrays.stream(split(header, delimiter, source, lineNumber)).map(String::trim).toList();
        List<String[]> rows = new ArrayList<>();
        List<Integer> rowLines = new ArrayList<>();
        String line;
        while ((line = lines.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            String[] cells = split(line, delimiter, source, lineNumber);
            if (cells.length != columns.size()) {
                throw new IllegalArgumentException(source + ", line " + lineNumber + ": " + cells.length
                        + " cells but the header has " + columns.size() + " columns " + columns);
            }
            rows.add(cells);
            rowLines.add(lineNumber);
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(source + ": no data rows after the header");
        }
        return new Dataset(source, columns, rows, rowLines.stream().mapToInt(Integer::intValue).toArray());
    }

    private static String[] split(String line, char delimiter, String source, int lineNumber) {
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
            throw new IllegalArgumentException(source + ", line " + lineNumber + ": a quoted cell is not closed");
        }
        cells.add(cell.toString());
        return cells.toArray(new String[0]);
    }
}
