package org.muster.lang.internal.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.muster.lang.internal.text.SourceText;
import org.muster.lang.spi.ModelFileException;

class JsonDataReaderTest {

    private static DataTable read(String text) {
        return JsonDataReader.read(new SourceText("d.json", text));
    }

    @Test
    void nestedArraysAreRowsAndStoredColumnMajor() {
        DataTable t = read("{\"N\": 2, \"y\": [1, null, 3], \"X\": [[1, 2, 3], [4, 5, 6]], \".RNG.name\": \"x\"}");
        assertEquals(2, t.get("N").orElseThrow().value(0));
        assertArrayEquals(new double[] {1, Double.NaN, 3}, t.get("y").orElseThrow().values());
        DataArray x = t.get("X").orElseThrow();
        assertArrayEquals(new int[] {2, 3}, x.dimensions());
        assertArrayEquals(new double[] {1, 4, 2, 5, 3, 6}, x.values());
        assertEquals("x", t.get(".RNG.name").orElseThrow().text());
    }

    @Test
    void raggedArraysAndBadSyntaxAreErrorsWithAPosition() {
        ModelFileException e = assertThrows(ModelFileException.class, () -> read("{\"X\": [[1, 2], [3]]}"));
        assertTrue(e.getMessage().startsWith("d.json:1:18: 'X' is not rectangular: an array at depth 2 has 1 entries"), e.getMessage());
        e = assertThrows(ModelFileException.class, () -> read("{\"a\": 1,\n \"b\": }"));
        assertTrue(e.getMessage().startsWith("d.json:2:7: not valid JSON"), e.getMessage());
    }
}
