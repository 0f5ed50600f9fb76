package org.muster.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class MethodOptionChoiceTest {

    private static final MethodOption METRIC = MethodOption.choice("metric", "diag_e", List.of("diag_e", "dense_e"),
            List.of("diag", "dense"), "the metric");

    @Test
    void aChoiceAcceptsItsWordsAndAliasesInAnyCaseAndListsOnlyTheWords() {
        for (String accepted : List.of("diag_e", "DENSE_E", " dense ", "Diag")) {
            METRIC.check("nuts", accepted);
        }
        assertEquals("diag_e|dense_e", METRIC.range());
        assertEquals(List.of("diag", "dense"), METRIC.aliases());
        assertEquals("option metric=riemann of method nuts must be one of diag_e|dense_e",
                assertThrows(IllegalArgumentException.class, () -> METRIC.check("nuts", "riemann")).getMessage());
    }

    @Test
    void builtInStyleOptionsSayTheirRangeAndDefault() {
        assertEquals("max_depth ([1, 30], default 10): maximum tree depth",
                MethodOption.integer("max_depth", 10, 1, 30, "maximum tree depth").toString());
        assertEquals("target_accept ((0, 1)): acceptance rate",
                MethodOption.number("target_accept", null, 0, true, 1, true, "acceptance rate").toString());
    }
}
