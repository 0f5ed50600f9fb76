package org.muster.diagnostics.api;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.muster.core.api.PosteriorDraws;

/**
 * A coverage-guided fuzz target of the Stan CSV reader and what {@code muster diagnose} does with what it
 * read (Jazzer). In the normal suite it runs in regression mode over the seeds and findings under
 * {@code StanCsvFuzzTestInputs/}; {@code bench/fuzz.sh stancsv} fuzzes for real. Whatever the bytes,
 * the reader reads them or throws an {@link IllegalArgumentException} with a one-line message.
 */
class StanCsvFuzzTest {

    private static final Path FILE = temporaryFile();

    private static Path temporaryFile() {
        try {
            Path file = Files.createTempFile("muster-fuzz", ".csv");
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = "10m")
    void stanCsv(byte[] data) throws IOException {
        Files.write(FILE, data);
        try {
            PosteriorDraws fit = StanCsv.read(List.of(FILE, FILE));
            Summaries.summarize(fit);
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            if (message == null || message.isBlank() || message.indexOf('\n') >= 0 || message.length() > 1500) {
                throw new AssertionError("an input error must have a one-line message, got: " + message, e);
            }
        }
    }
}
