package org.muster.app.internal.cli;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;
import org.muster.core.api.CompiledModel;
import org.muster.models.api.DatasetReader;
import org.muster.models.spi.FamilyOptions;
import org.muster.models.spi.ModelFamily;

/**
 * A coverage-guided fuzz target of {@code --init} files (Jazzer): read, then checked against the
 * beta-binomial on rats (bounded, positive and vector parameters). In the normal suite it runs in
 * regression mode over the seeds and findings under {@code InitialValuesReaderFuzzTestInputs/};
 * {@code bench/fuzz.sh init} fuzzes for real. The only failure allowed is an input error of one line.
 */
class InitialValuesReaderFuzzTest {

    private static final Path FILE = temporaryFile();
    private static final CompiledModel MODEL = ServiceLoader.load(ModelFamily.class).stream()
            .map(ServiceLoader.Provider::get).filter(family -> family.id().equals("beta-binomial")).findFirst()
            .orElseThrow().prepare(DatasetReader.builtIn("rats"), FamilyOptions.none()).model().compile();

    private static Path temporaryFile() {
        try {
            Path file = Files.createTempFile("muster-fuzz", ".json");
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = "10m")
    void initialValues(byte[] data) throws IOException {
        Files.write(FILE, data);
        Map<String, double[]> values;
        try {
            values = InitialValuesReader.read(FILE);
            org.muster.app.api.FitPipeline.checkInitialValues(MODEL, values);
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            if (message == null || message.isBlank() || message.indexOf('\n') >= 0 || message.length() > 1500) {
                throw new AssertionError("an input error must have a one-line message, got: " + message, e);
            }
            return;
        }
        // values the check let through start a chain
        MODEL.unconstrainInto(values, new double[MODEL.dimension()]);
    }
}
