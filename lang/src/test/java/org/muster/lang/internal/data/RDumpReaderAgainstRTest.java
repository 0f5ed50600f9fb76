package org.muster.lang.internal.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.muster.lang.internal.text.SourceText;

/** The R dump reader on files R itself wrote (see the README beside the fixtures). */
class RDumpReaderAgainstRTest {

    private static String resource(String name) throws IOException {
        try (InputStream in = RDumpReaderAgainstRTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"r-dump.R", "r-dput.R", "r-list.R"})
    void readsWhatRWroteAsRHoldsIt(String file) throws IOException {
        DataTable table = RDumpReader.read(new SourceText(file, resource(file)));
        List<String> expected = resource("r-expected.tsv").lines().toList();
        assertEquals(expected.size(), table.names().size());
        for (String line : expected) {
            String[] fields = line.split("\t", -1);
            DataArray array = table.get(fields[0]).orElseThrow(() -> new AssertionError(fields[0] + " not read"));
            int[] dimensions = fields[1].isEmpty() ? new int[0]
                    : Arrays.stream(fields[1].split(",")).mapToInt(Integer::parseInt).toArray();
            assertArrayEquals(dimensions, array.dimensions(), fields[0]);
            String[] values = fields[2].split(" ");
            assertEquals(values.length, array.size(), fields[0]);
            for (int i = 0; i < values.length; i++) {
                double actual = array.value(i);
                if (values[i].equals("NA")) {
                    assertEquals(Double.NaN, actual, fields[0] + "[" + i + "]");
                } else {
                    double want = Double.parseDouble(values[i]);
                    // dput prints 15 significant digits, dump 17.
                    assertEquals(want, actual, 1e-14 * Math.abs(want), array.memberName(i));
                }
            }
        }
    }

    @Test
    void aDataFrameGivesOneVectorPerColumn() throws IOException {
        DataTable table = RDumpReader.read(new SourceText("r-frame.R", resource("r-frame.R")));
        assertEquals(List.of("a", "b"), table.names());
        assertArrayEquals(new double[] {1.5, 2, Double.NaN}, table.get("a").orElseThrow().values());
        assertArrayEquals(new double[] {3, Double.NaN, 5}, table.get("b").orElseThrow().values());
    }
}
