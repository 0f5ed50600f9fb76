package org.muster.models.internal.glmm;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.muster.models.api.Dataset;
import org.muster.models.spi.FamilyOptions;

/**
 * A coverage-guided fuzz target of the formula parser and the glmm compiler (Jazzer), on a small table
 * with numeric, count and text columns. In the normal suite it runs in regression mode over the seeds and
 * findings under {@code FormulaParserFuzzTestInputs/}; {@code bench/fuzz.sh formula} fuzzes for real. A
 * formula either builds a model or is refused with an {@link IllegalArgumentException} whose message is
 * one line, then the formula (or a window of it) and a caret under the place.
 */
class FormulaParserFuzzTest {

    private static final Dataset TABLE = new Dataset("table.csv", List.of("y", "x", "z", "k", "n", "g", "h", "e"),
            List.of(new String[] {"1.5", "0", "2", "3", "10", "a", "u", "1.5"},
                    new String[] {"0.5", "1", "-1", "4", "10", "b", "v", "2"},
                    new String[] {"2.5", "0", "0.5", "0", "12", "a", "v", "1"},
                    new String[] {"1.0", "1", "1.5", "7", "9", "c", "u", "0.5"},
                    new String[] {"3.0", "2", "-0.5", "2", "11", "b", "u", "3"},
                    new String[] {"2.0", "2", "0", "5", "10", "c", "v", "1"}),
            new int[] {2, 3, 4, 5, 6, 7});

    @FuzzTest(maxDuration = "10m")
    void formula(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        try {
            FormulaParser.parse(text);
            new GlmmFamily().prepare(TABLE, FamilyOptions.builder().option("formula", text).build()).model().compile();
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            List<String> lines = message == null ? List.of() : message.lines().toList();
            if (lines.isEmpty() || lines.size() > 3 || lines.get(0).isBlank()
                    || lines.stream().anyMatch(line -> line.length() > 400)) {
                throw new AssertionError("a formula error is a line, the formula and a caret, got: " + message, e);
            }
        }
    }
}
