package org.muster.models.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.muster.models.api.Dataset;
import org.muster.models.api.DatasetReader;

/** Small data files written to a temporary directory and read back as users' files are. */
final class DataFiles {

    private DataFiles() {
    }

    /** Writes {@code content} to a fresh temporary file called {@code name} and reads it. */
    static Dataset csv(String name, String content) {
        try {
            Path dir = Files.createTempDirectory("muster-data");
            Path file = dir.resolve(name);
            Files.writeString(file, content);
            Dataset data = DatasetReader.read(file);
            Files.delete(file);
            Files.delete(dir);
            return data;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
