package org.muster.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MethodOptionsTest {

    @Test
    void typedReadersTakeDefaultsAndNameTheOptionOnBadValues() {
        MethodOptions options = MethodOptions.of(Map.of("n", "5", "x", "0.25", "flag", "no", "bad", "maybe",
                "zero", "0", "word", "five"));
        assertEquals(5, options.getInt("n", 1, 1));
        assertEquals(7, options.getInt("absent", 7, 1));
        assertEquals(0.25, options.getPositive("x", 1));
        assertFalse(options.getBoolean("flag", true));
        assertTrue(options.getBoolean("absent", true));
        assertEquals("option n must be at least 6, got 5",
                assertThrows(IllegalArgumentException.class, () -> options.getInt("n", 1, 6)).getMessage());
        assertEquals("option zero must be positive, got 0.0",
                assertThrows(IllegalArgumentException.class, () -> options.getPositive("zero", 1)).getMessage());
        assertEquals("option bad must be true or false, got 'maybe'",
                assertThrows(IllegalArgumentException.class, () -> options.getBoolean("bad", true)).getMessage());
        assertEquals("option word=five: expected an integer",
                assertThrows(IllegalArgumentException.class, () -> options.getInt("word", 1, 0)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> options.requireKnown("m", Set.of("n")))
                .getMessage().startsWith("unknown option 'bad' for method m"));
    }
}
