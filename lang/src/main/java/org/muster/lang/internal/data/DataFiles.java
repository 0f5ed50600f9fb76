package org.muster.lang.internal.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.muster.lang.internal.text.SourceText;

/** Reads data and initial-values files by their kind: R dump, Stan JSON or CSV. */
public final class DataFiles {

    private DataFiles() {
    }

    /**
     * Reads one file: {@code .json} as JSON, {@code .csv} and {@code .tsv} as columns, anything else as
     * R dump (JAGS's format), unless its first character is <code>{</code> (JSON).
     *
     * @param what "data file" or "initial values file", for messages
     * @throws org.muster.lang.spi.ModelFileException or IllegalArgumentException naming the file and place
     */
    public static DataTable read(Path path, String what) {
        SourceText source = SourceText.read(path, what);
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".json") || source.text().stripLeading().startsWith("{")) {
            return JsonDataReader.read(source);
        }
        if (name.endsWith(".csv") || name.endsWith(".tsv")) {
            return CsvDataReader.read(path, source);
        }
        return RDumpReader.read(source);
    }

    /**
     * Reads several files into one table: later files add variables; a variable given twice is an error.
     */
    public static DataTable readAll(List<Path> paths, String what) {
        DataTable table = new DataTable();
        for (Path path : paths) {
            table.addAll(read(path, what));
        }
        return table;
    }
}
