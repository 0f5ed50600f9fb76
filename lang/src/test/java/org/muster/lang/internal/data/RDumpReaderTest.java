package org.muster.lang.internal.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.muster.lang.internal.text.SourceText;
import org.muster.lang.spi.ModelFileException;

class RDumpReaderTest {

    private static DataTable read(String text) {
        return RDumpReader.read(new SourceText("d.R", text));
    }

    private static DataArray get(DataTable table, String name) {
        return table.get(name).orElseThrow();
    }

    @Test
    void readsAssignmentsInEveryQuotingStyle() {
        DataTable t = read("\"N\" <- 10\nx <- c(1, NA, -3.5, 1e-3, 2L)\n`alpha.c` = TRUE; 'y' <- FALSE\n");
        assertEquals(List.of("N", "x", "alpha.c", "y"), t.names());
        assertArrayEquals(new int[0], get(t, "N").dimensions());
        assertEquals(10, get(t, "N").value(0));
        assertArrayEquals(new int[] {5}, get(t, "x").dimensions());
        assertArrayEquals(new double[] {1, Double.NaN, -3.5, 1e-3, 2}, get(t, "x").values());
        assertEquals(1, get(t, "alpha.c").value(0));
        assertEquals(0, get(t, "y").value(0));
    }

    @Test
    void structuresAreColumnMajor() {
        DataTable t = read("Y <- structure(c(1, 2, 3, 4, 5, 6), .Dim = c(2, 3))\nZ <- structure(1:6, dim = 2:3)\n"
                + "W <- structure(c(1,2,3,4), .Dim = as.integer(c(2, 2)), .Dimnames = list(c(\"a\", \"b\"), NULL))");
        DataArray y = get(t, "Y");
        assertArrayEquals(new int[] {2, 3}, y.dimensions());
        assertEquals("Y[2,1]", y.memberName(1));
        assertEquals(2, y.value(1));
        assertArrayEquals(y.values(), get(t, "Z").values());
        assertArrayEquals(new int[] {2, 2}, get(t, "W").dimensions());
    }

    @Test
    void readsBugsListsAndDataFrames() {
        DataTable t = read("list(N = 3, y = c(1, 2, 3), M = structure(c(1, 0, 0, 1), .Dim = c(2, 2)))");
        assertEquals(List.of("N", "y", "M"), t.names());
        DataTable frame = read("d <- structure(list(a = c(1, 2), b = c(NA, 4L)), class = \"data.frame\","
                + " row.names = c(NA, -2L))");
        assertEquals(List.of("a", "b"), frame.names());
        assertArrayEquals(new double[] {Double.NaN, 4}, get(frame, "b").values());
    }

    @Test
    void readsStringsRangesAndEmptyVectors() {
        DataTable t = read(".RNG.name <- \"base::Mersenne-Twister\"\n.RNG.seed <- 314\nk <- 3:1\ne <- integer(0)\n"
                + "n <- -2:1\ninf <- c(-Inf, Inf)\nh <- 0x10L");
        assertEquals("base::Mersenne-Twister", get(t, ".RNG.name").text());
        assertArrayEquals(new double[] {3, 2, 1}, get(t, "k").values());
        assertEquals(0, get(t, "e").size());
        assertArrayEquals(new double[] {-2, -1, 0, 1}, get(t, "n").values());
        assertArrayEquals(new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY}, get(t, "inf").values());
        assertEquals(16, get(t, "h").value(0));
    }

    @Test
    void longPlainVectorsReadAsTheGeneralPathReadsThem() {
        // 40 plain numbers (the one-pass path, past its first buffer) against the same with a range at the end
        // (the general path): the same values, signs and all.
        StringBuilder plain = new StringBuilder("x <- c(");
        double[] expected = new double[42];
        for (int i = 0; i < 40; i++) {
            expected[i] = (i % 3 == 0 ? -1 : 1) * (i + 0.25);
            plain.append(i == 0 ? "" : ", ").append(i % 3 == 0 ? "-" : i % 3 == 1 ? "+" : "").append(i + 0.25);
        }
        expected[40] = 1;
        expected[41] = 2;
        String mixed = plain + ", 1:2)\n";
        DataTable t = read(plain + ")\ny <- " + mixed.substring(5) + "z <- c(-0, 1)\n");
        double[] x = get(t, "x").values();
        assertArrayEquals(java.util.Arrays.copyOf(expected, 40), x);
        assertArrayEquals(expected, get(t, "y").values());
        assertEquals(Double.doubleToLongBits(-0.0), Double.doubleToLongBits(get(t, "z").value(0)));
        assertArrayEquals(new int[] {40}, get(t, "x").dimensions());
    }

    @Test
    void numbersReadAsParseDoubleReadsThem() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        String[] fixed = {"0", "0.0", "007", "1.", ".5", "0.1", "0.3", "123456789012345", "1234567890123456",
            "0.000000000000000000000001", "9007199254740993", "3.14159265358979", "2.2250738585072014e-308", "1e22", "1E-5"};
        StringBuilder text = new StringBuilder();
        java.util.List<String> numbers = new java.util.ArrayList<>(List.of(fixed));
        for (int i = 0; i < 2000; i++) {
            numbers.add(String.format(java.util.Locale.ROOT, "%." + random.nextInt(0, 17) + "f",
                    Math.pow(10, random.nextInt(-6, 9)) * random.nextDouble()));
        }
        for (int i = 0; i < numbers.size(); i++) {
            text.append("v").append(i).append(" <- ").append(numbers.get(i)).append('\n');
        }
        DataTable t = read(text.toString());
        for (int i = 0; i < numbers.size(); i++) {
            assertEquals(Double.doubleToLongBits(Double.parseDouble(numbers.get(i))),
                    Double.doubleToLongBits(get(t, "v" + i).value(0)), numbers.get(i));
        }
    }

    @Test
    void errorsPointAtTheOffendingText() {
        ModelFileException e = assertThrows(ModelFileException.class, () -> read("N <- 10\nx <- c(1, 2 3)\n"));
        assertEquals("d.R:2:13: expected ',' or ')' in c(...) but found '3'\n  x <- c(1, 2 3)\n              ^",
                e.getMessage());
        assertTrue(assertThrows(ModelFileException.class, () -> read("x <- structure(c(1, 2, 3), .Dim = c(2, 2))"))
                .getMessage().startsWith("d.R:1:35: .Dim = c(2, 2) holds 4 values but the structure has 3"));
        assertTrue(assertThrows(ModelFileException.class, () -> read("x <- matrix(1:4, 2)")).getMessage()
                .startsWith("d.R:1:6: 'matrix(...)' is not part of R's dump format"));
        assertTrue(assertThrows(ModelFileException.class, () -> read("x <- 1\nx <- 2")).getMessage()
                .startsWith("d.R:2:1: 'x' is given twice; it was already given at line 1"));
        assertTrue(assertThrows(ModelFileException.class, () -> read("x <- c(1, \"a\")")).getMessage()
                .contains("mixes strings and numbers"));
    }
}
