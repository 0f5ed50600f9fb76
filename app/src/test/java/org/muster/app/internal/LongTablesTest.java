package org.muster.app.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class LongTablesTest {

    @Test
    void scalarsStayAndEachVectorKeepsItsFirstMembers() {
        List<String> names = new ArrayList<>(List.of("alpha", "beta"));
        for (int j = 1; j <= 5; j++) {
            names.add("theta[" + j + "]");
        }
        names.add("lp");
        for (int j = 1; j <= 2; j++) {
            names.add("z[" + j + "]");
        }
        LongTables.Shown<String> shown = LongTables.members(names, Function.identity(), 3);
        assertEquals(List.of("alpha", "beta", "theta[1]", "theta[2]", "theta[3]", "lp", "z[1]", "z[2]"), shown.rows());
        assertEquals(Map.of("theta", 2), shown.omitted());
        assertEquals(2, shown.omittedRows());
        assertEquals("theta: 2 more members not shown (summary.csv has every row).", shown.note("summary.csv"));
        assertEquals("", LongTables.members(names, Function.identity(), 5).note("summary.csv"));
    }

    @Test
    void spreadKeepsTheEndsAndIsEven() {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            rows.add(i);
        }
        assertEquals(List.of(0, 25, 50, 75, 100), LongTables.spread(rows, 5));
        assertEquals(rows, LongTables.spread(rows, 101));
    }
}
