package org.muster.diagnostics.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.muster.core.api.Draws;

class SummariesTest {

    @Test
    void type7QuantilesInterpolateAsR() {
        double[] sorted = {1, 2, 3, 4, 10};
        // R: quantile(c(1,2,3,4,10), c(0, .05, .5, .95, 1)) = 1.0 1.2 3.0 8.8 10.0
        assertEquals(1.0, Quantiles.type7(sorted, 0), 1e-15);
        assertEquals(1.2, Quantiles.type7(sorted, 0.05), 1e-12);
        assertEquals(3.0, Quantiles.type7(sorted, 0.5), 1e-15);
        assertEquals(8.8, Quantiles.type7(sorted, 0.95), 1e-12);
        assertEquals(10.0, Quantiles.type7(sorted, 1), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> Quantiles.type7(new double[0], 0.5));
    }

    @Test
    void quantilesMatchTheReferenceOfThePosteriorPackage() throws IOException {
        // ../shared/validation/diagnostics: draws and what R's posterior package computes for them.
        // Tests run in the module's folder; shared/ sits beside the repository's root.
        Path dir = Path.of("..", "..", "shared", "validation", "diagnostics");
        Path file = dir.resolve("iid_normal.csv");
        List<String> lines = Files.readAllLines(file);
        double[] x = lines.stream().skip(1).mapToDouble(l -> Double.parseDouble(l.split(",")[2])).toArray();
        String json = Files.readString(dir.resolve("expected.json"));
        SummaryRow row = Summaries.summarize("x", x);
        assertEquals(expected(json, "iid_normal", "q5"), row.q5(), 1e-9);
        assertEquals(expected(json, "iid_normal", "q50"), row.q50(), 1e-9);
        assertEquals(expected(json, "iid_normal", "q95"), row.q95(), 1e-9);
        assertEquals(expected(json, "iid_normal", "mean"), row.mean(), 1e-9);
        assertEquals(expected(json, "iid_normal", "sd"), row.sd(), 1e-9);
    }

    /** A number from expected.json: the first {@code "key": value} after the dataset's name. */
    private static double expected(String json, String dataset, String key) {
        int start = json.indexOf("\"" + dataset + "\"");
        int at = json.indexOf("\"" + key + "\"", start);
        int colon = json.indexOf(':', at);
        int end = colon + 1;
        while (end < json.length() && "0123456789+-.eE ".indexOf(json.charAt(end)) >= 0) {
            end++;
        }
        return Double.parseDouble(json.substring(colon + 1, end).trim());
    }

    @Test
    void summarizesEveryVariableOverAllChains() {
        double[][][] values = {{{1, 2, 3}, {0, 0, 0}}, {{4, 5, 6}, {1, 1, 1}}};
        List<SummaryRow> rows = Summaries.summarize(Draws.of(List.of("a", "b[1]"), values));
        assertEquals(2, rows.size());
        assertEquals("b[1]", rows.get(1).variable());
        assertEquals(3.5, rows.get(0).mean(), 1e-15);
        assertEquals(Math.sqrt(3.5), rows.get(0).sd(), 1e-12);
        assertEquals(0.5, rows.get(1).mean(), 1e-15);
    }
}
