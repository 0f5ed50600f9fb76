package org.muster.diagnostics.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WholeFileTest {

    @TempDir
    Path dir;

    @Test
    void writesTheWholeFileAndLeavesNoTemporaryFile() throws IOException {
        Path file = dir.resolve("summary.csv");
        WholeFile.write(file, out -> out.write("a,b\n1,2\n"));
        assertEquals("a,b\n1,2\n", Files.readString(file));
        assertFalse(Files.exists(dir.resolve("summary.csv" + WholeFile.PARTIAL_SUFFIX)));
    }

    @Test
    void aWriteThatFailsHalfWayLeavesTheOldFileAsItWas() throws IOException {
        Path file = Files.writeString(dir.resolve("report.html"), "the old report");
        assertThrows(IOException.class, () -> WholeFile.write(file, out -> {
            out.write("<html>half of a new report");
            throw new IOException("disk full");
        }));
        assertEquals("the old report", Files.readString(file));
        assertFalse(Files.exists(dir.resolve("report.html" + WholeFile.PARTIAL_SUFFIX)));
    }
}
