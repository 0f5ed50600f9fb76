package org.muster.models.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetReaderTest {

    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        Path path = dir.resolve(name);
        Files.writeString(path, content);
        return path;
    }

    @Test
    void everyBuiltInDatasetLoads() {
        assertEquals(8, DatasetReader.builtIn("eight-schools").rowCount());
        assertEquals(71, DatasetReader.builtIn("rats").rowCount());
        assertEquals(18, DatasetReader.builtIn("baseball").rowCount());
        assertEquals(919, DatasetReader.builtIn("radon").rowCount());
        for (String name : DatasetReader.builtInNames()) {
            assertTrue(DatasetReader.builtIn(name).rowCount() > 0, name);
        }
        assertArrayEquals(new double[] {28, 8, -3, 7, -1, 1, 18, 12}, DatasetReader.builtIn("eight-schools").real("effect"));
        assertEquals("Clemente", DatasetReader.builtIn("baseball").text("LastName").get(0));
    }

    @Test
    void aBadCellIsReportedWithFileLineAndColumn() throws IOException {
        Path path = file("schools.csv", "school,effect,stderr\nA,28,15\n\nB,eight,10\n");
        Dataset data = DatasetReader.read(path);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> data.real("effect"));
        assertTrue(e.getMessage().contains("schools.csv, line 4, column 'effect'") && e.getMessage().contains("'eight'"),
                e.getMessage());
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> DatasetReader.read(file("s.csv", "effect,stderr\n1,-2\n")).positive("stderr"));
        assertTrue(negative.getMessage().contains("line 2") && negative.getMessage().contains("positive"),
                negative.getMessage());
    }

    @Test
    void raggedRowsMissingColumnsAndFilesAreClearErrors() throws IOException {
        IllegalArgumentException ragged = assertThrows(IllegalArgumentException.class,
                () -> DatasetReader.read(file("r.csv", "a,b\n1,2\n3\n")));
        assertTrue(ragged.getMessage().contains("line 3") && ragged.getMessage().contains("1 cell but"), ragged.getMessage());
        Dataset data = DatasetReader.read(file("ok.tsv", "a\tb\n1\t2\n"));
        IllegalArgumentException column = assertThrows(IllegalArgumentException.class, () -> data.real("c"));
        assertTrue(column.getMessage().contains("no column 'c'") && column.getMessage().contains("[a, b]"),
                column.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> DatasetReader.load(dir.resolve("nope.csv").toString()));
        assertTrue(missing.getMessage().contains("not found"), missing.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DatasetReader.read(file("empty.csv", "")));
        assertThrows(IllegalArgumentException.class, () -> DatasetReader.read(file("header.csv", "a,b\n")));
    }

    @Test
    void quotedCellsMayHoldTheDelimiter() throws IOException {
        Dataset data = DatasetReader.read(file("q.csv", "name,value\n\"Smith, J\",3\n\"say \"\"hi\"\"\",4\n"));
        assertEquals("Smith, J", data.text("name").get(0));
        assertEquals("say \"hi\"", data.text("name").get(1));
        assertArrayEquals(new int[] {3, 4}, data.integer("value"));
    }

    @Test
    void builtInDatasetsKnowTheirNames() {
        assertEquals(java.util.Optional.of("rats"), DatasetReader.builtIn("rats").builtInName());
        assertTrue(DatasetReader.load("rats").builtInName().isPresent());
    }

    @Test
    void numbersAreDecimalsAndIntegersMayBeWrittenAsWholeDecimals() throws IOException {
        Dataset data = DatasetReader.read(file("n.csv", "a,b\n3.0,1e3\n-2,+.5\n"));
        assertArrayEquals(new int[] {3, -2}, data.integer("a"));
        assertArrayEquals(new double[] {1000, 0.5}, data.real("b"));
        for (String cell : java.util.List.of("0x10", "1d", "1,5", "1 2")) {
            Dataset bad = DatasetReader.read(file("bad.tsv", "a\n" + cell + "\n"));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> bad.real("a"));
            assertTrue(e.getMessage().contains("is not a number"), cell + ": " + e.getMessage());
        }
    }

    @Test
    void readsStanJsonData() throws IOException {
        Dataset data = DatasetReader.read(file("schools.json",
                "{\"J\": 3, \"y\": [28, 8.5, -3], \"sigma\": [15, 10, 16]}"));
        assertEquals(java.util.List.of("y", "sigma"), data.columns());
        assertEquals(java.util.Map.of("J", "3"), data.scalars());
        assertArrayEquals(new double[] {28, 8.5, -3}, data.real("y"));
        assertEquals("entry 2", data.rowLocation(1));
        IllegalArgumentException duplicate = assertThrows(IllegalArgumentException.class,
                () -> DatasetReader.read(file("twice.json", "{\"y\": [1], \"y\": [2]}")));
        assertTrue(duplicate.getMessage().contains("twice.json") && duplicate.getMessage().contains("y"),
                duplicate.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> DatasetReader.read(file("sizes.json", "{\"J\": 3}")));
        assertTrue(none.getMessage().contains("no data arrays"), none.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> DatasetReader.read(dir.resolve("absent.json")));
        assertTrue(missing.getMessage().contains("not found"), missing.getMessage());
    }

    @Test
    void commentLinesAreSkippedAndLinesKeepTheirNumbers() throws IOException {
        Dataset data = DatasetReader.read(file("c.csv", "# source: BDA3\n# units: 2\nname,value\nA,1\n# a note\nB,x\n"));
        assertEquals(java.util.List.of("name", "value"), data.columns());
        assertEquals(2, data.rowCount());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> data.real("value"));
        assertTrue(e.getMessage().contains("c.csv, line 6, column 'value': 'x'"), e.getMessage());
        IllegalArgumentException onlyComments = assertThrows(IllegalArgumentException.class,
                () -> DatasetReader.read(file("only.csv", "# nothing\n# here\n")));
        assertTrue(onlyComments.getMessage().contains("the file is empty (2 comment lines starting with '#' skipped)"),
                onlyComments.getMessage());
    }

    @Test
    void semicolonsAndTabsAreFoundWithoutBeingTold() throws IOException {
        Dataset semicolons = DatasetReader.read(file("s.csv", "y;sigma;label\n28;14,5;\"a;b\"\n-3;1,25e1;c\n"));
        assertEquals(java.util.List.of("y", "sigma", "label"), semicolons.columns());
        // decimal commas, as R's read.csv2 reads them
        assertArrayEquals(new double[] {14.5, 12.5}, semicolons.real("sigma"));
        assertEquals("a;b", semicolons.text("label").get(0));
        Dataset tabs = DatasetReader.read(file("t.txt", "y\tn\n1\t5\n"));
        assertArrayEquals(new int[] {5}, tabs.integer("n"));
        // a comma in a comma file is never a decimal comma
        Dataset commas = DatasetReader.read(file("k.csv", "y,label\n1,\"2,5\"\n"));
        assertEquals("2,5", commas.text("label").get(0));
    }

    @Test
    void rowsSeparatedOtherwiseThanTheHeaderAreNamed() throws IOException {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DatasetReader.read(file("m.csv", "school,effect,stderr\nA;28;15\nB;8;10\n")));
        assertTrue(e.getMessage().contains("m.csv, line 2: 1 cell but the header (line 1) has 3 columns [school, effect,"
                + " stderr]; the row seems separated by ';', the header by ','"), e.getMessage());
        IllegalArgumentException quoted = assertThrows(IllegalArgumentException.class,
                () -> DatasetReader.read(file("q.csv", "a,b\n\"x,y\",1,2\n")));
        assertTrue(quoted.getMessage().contains("a cell in double quotes may hold the separator ','"),
                quoted.getMessage());
        IllegalArgumentException open = assertThrows(IllegalArgumentException.class,
                () -> DatasetReader.read(file("o.csv", "a,b\n\"x,1\n")));
        assertTrue(open.getMessage().contains("o.csv, line 2: a quoted cell is not closed"), open.getMessage());
    }

    @Test
    void aByteOrderMarkCrlfLineEndsAndQuotedCellsAreReadAsIfPlain() throws IOException {
        Path path = dir.resolve("excel.csv");
        Files.write(path, "\uFEFFname,value\r\n\"Smith, J\",3\r\n\"say \"\"hi\"\"\",4\r\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Dataset data = DatasetReader.read(path);
        assertEquals(java.util.List.of("name", "value"), data.columns());
        assertEquals("Smith, J", data.text("name").get(0));
        assertEquals("say \"hi\"", data.text("name").get(1));
        assertArrayEquals(new int[] {3, 4}, data.integer("value"));
        assertEquals("line 3", data.rowLocation(1));
    }
}
