package org.muster.models.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ColumnMappingTest {

    @Test
    void parsesPairsAndSkips() {
        ColumnMapping mapping = ColumnMapping.parse("y=tumors, n=rats,skip=experiment");
        assertEquals(Map.of("y", "tumors", "n", "rats"), mapping.columns());
        assertEquals(Set.of("experiment"), mapping.skipped());
        assertEquals("tumors", mapping.columnFor("y"));
        assertEquals("unit", mapping.columnFor("unit"));
        assertEquals("y=tumors,n=rats,skip=experiment", mapping.toString());
    }

    @Test
    void malformedOrConflictingMappingsAreErrors() {
        for (String bad : List.of("y", "y=", "=tumors", "y=tumors,,n=rats", "")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ColumnMapping.parse(bad));
            assertTrue(e.getMessage().startsWith("--map"), e.getMessage());
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ColumnMapping.parse("y=a,y=b")).getMessage()
                .contains("'y' is mapped twice"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ColumnMapping.parse("y=a,n=a")).getMessage()
                .contains("column 'a' is mapped to both 'y' and 'n'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ColumnMapping.parseAll(List.of("y=a", "y=b")))
                .getMessage().contains("mapped twice"));
    }

    @Test
    void theUsersMappingOverridesABuiltInOne() {
        ColumnMapping builtIn = ColumnMapping.parse("y=Hits,n=AtBats,unit=LastName,skip=FirstName");
        ColumnMapping merged = builtIn.overriddenBy(ColumnMapping.parse("unit=FirstName,skip=LastName"));
        assertEquals(Map.of("y", "Hits", "n", "AtBats", "unit", "FirstName"), merged.columns());
        assertEquals(Set.of("LastName"), merged.skipped());
    }
}
