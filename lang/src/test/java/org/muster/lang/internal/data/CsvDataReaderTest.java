package org.muster.lang.internal.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvDataReaderTest {

    @TempDir
    Path folder;

    @Test
    void columnsAreVectorsWithNaOrEmptyCellsMissing() throws IOException {
        Path file = folder.resolve("d.csv");
        Files.writeString(file, "y,x,g\n1.5,2,1\nNA,3,2\n,4,2\n");
        DataTable table = DataFiles.read(file, "data file");
        assertEquals(List.of("y", "x", "g"), table.names());
        assertArrayEquals(new double[] {1.5, Double.NaN, Double.NaN}, table.get("y").orElseThrow().values());
        assertArrayEquals(new int[] {3}, table.get("g").orElseThrow().dimensions());
    }

    @Test
    void aCellThatIsNoNumberIsNamedByLineAndColumn() throws IOException {
        Path file = folder.resolve("d.csv");
        Files.writeString(file, "y,x\n1,2\n1,two\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DataFiles.read(file, "data file"));
        assertTrue(e.getMessage().endsWith("d.csv, line 3, column 'x': 'two' is not a number or NA"), e.getMessage());
    }

    @Test
    void laterFilesAddVariablesAndAVariableGivenTwiceIsAnError() throws IOException {
        Path a = folder.resolve("a.R");
        Path b = folder.resolve("b.json");
        Files.writeString(a, "N <- 2\n");
        Files.writeString(b, "{\"y\": [1, 2]}");
        assertEquals(List.of("N", "y"), DataFiles.readAll(List.of(a, b), "data file").names());
        Path c = folder.resolve("c.R");
        Files.writeString(c, "\n\"N\" <- 3\n");
        var e = assertThrows(IllegalArgumentException.class, () -> DataFiles.readAll(List.of(a, c), "data file"));
        assertTrue(e.getMessage().startsWith(c + ":2:1: 'N' is given twice; it was already given at " + a + ":1"),
                e.getMessage());
    }
}
