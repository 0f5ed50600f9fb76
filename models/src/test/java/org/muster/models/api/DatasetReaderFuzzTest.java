package org.muster.models.api;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.muster.models.internal.BetaBinomialFamily;
import org.muster.models.internal.GammaPoissonFamily;
import org.muster.models.internal.NormalHierarchicalFamily;
import org.muster.models.spi.FamilyOptions;
import org.muster.models.spi.ModelFamily;

/**
 * Coverage-guided fuzz targets of the data readers (Jazzer). In the normal suite they run in regression
 * mode over the seeds and findings under {@code DatasetReaderFuzzTestInputs/} in the test resources;
 * {@code bench/fuzz.sh csv} or {@code bench/fuzz.sh json} fuzzes for real. Whatever the bytes, a reader
 * either reads them or throws an {@link IllegalArgumentException} with a one-line message.
 */
class DatasetReaderFuzzTest {

    private static final List<ModelFamily> FAMILIES = List.of(new BetaBinomialFamily(), new GammaPoissonFamily(),
            new NormalHierarchicalFamily());
    private static final Path DIRECTORY = temporaryDirectory();

    private static Path temporaryDirectory() {
        try {
            Path directory = Files.createTempDirectory("muster-fuzz");
            directory.toFile().deleteOnExit();
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file a target reads, holding {@code data}. */
    static Path write(String name, byte[] data) {
        Path file = DIRECTORY.resolve(name);
        try {
            Files.write(file, data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        file.toFile().deleteOnExit();
        return file;
    }

    /** Fails unless the exception is an input error of one short line. */
    static void requireOneLine(IllegalArgumentException e) {
        String message = e.getMessage();
        if (message == null || message.isBlank() || message.indexOf('\n') >= 0 || message.indexOf('\r') >= 0
                || message.length() > 1500) {
            throw new AssertionError("an input error must have a one-line message, got: "
                    + (message == null ? null : message.substring(0, Math.min(message.length(), 2000))), e);
        }
    }

    @FuzzTest(maxDuration = "10m")
    void csv(byte[] data) {
        read(write("data.csv", data));
    }

    @FuzzTest(maxDuration = "10m")
    void json(byte[] data) {
        read(write("data.json", data));
    }

    /** Reads the file, then every column as each type, then builds the families that need no options. */
    private static void read(Path file) {
        Dataset dataset;
        try {
            dataset = DatasetReader.read(file);
        } catch (IllegalArgumentException e) {
            requireOneLine(e);
            return;
        }
        for (String column : dataset.columns().subList(0, Math.min(6, dataset.columns().size()))) {
            try {
                dataset.text(column);
                dataset.real(column);
                dataset.integer(column);
                dataset.positive(column);
            } catch (IllegalArgumentException e) {
                requireOneLine(e);
            }
        }
        for (ModelFamily family : FAMILIES) {
            try {
                family.prepare(dataset, FamilyOptions.none()).model().compile();
            } catch (IllegalArgumentException e) {
                requireOneLine(e);
            }
        }
    }
}
