package org.muster.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextInputTest {

    private static final TextInput.Limits LIMITS = new TextInput.Limits(1 << 20, 100);

    @TempDir
    Path dir;

    private Path write(String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content);
        return file;
    }

    private static List<String> lines(TextInput.Lines in) {
        List<String> out = new ArrayList<>();
        for (String line = in.next(); line != null; line = in.next()) {
            out.add(line);
        }
        return out;
    }

    private static String message(Runnable read) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, read::run);
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().length() < 300, e.getMessage());
        return e.getMessage();
    }

    @Test
    void linesEndInLfCrlfOrCrAndAByteOrderMarkIsSkipped() throws IOException {
        Path file = write("a.csv", "\uFEFFa,b\r\n1,2\r\n3,4\r5,6\n\nlast".getBytes(StandardCharsets.UTF_8));
        try (TextInput.Lines in = TextInput.open(file, "data file", LIMITS)) {
            assertEquals(List.of("a,b", "1,2", "3,4", "5,6", "", "last"), lines(in));
            assertTrue(in.hadByteOrderMark());
            assertTrue(in.hadCarriageReturns());
            assertEquals(6, in.lineNumber());
        }
    }

    @Test
    void aCrlfSplitAcrossBlocksIsOneLineEnd() throws IOException {
        // the first block of 65536 bytes ends in CR, the next begins with LF
        String first = "x".repeat(99) + "\n";
        StringBuilder text = new StringBuilder();
        while (text.length() + first.length() < (1 << 16) - 1) {
            text.append(first);
        }
        text.append("y".repeat((1 << 16) - 1 - text.length())).append("\r\nz");
        Path file = write("b.csv", text.toString().getBytes(StandardCharsets.US_ASCII));
        try (TextInput.Lines in = TextInput.open(file, "data file", new TextInput.Limits(1 << 20, 1 << 16))) {
            List<String> lines = lines(in);
            assertEquals("z", lines.get(lines.size() - 1));
            assertFalse(lines.get(lines.size() - 2).isEmpty());
        }
    }

    @Test
    void binaryFilesAreRecognized() throws IOException {
        assertTrue(message(() -> TextInput.readAll(Path.of("/dev/zero"), "data file", 1 << 20))
                .contains("looks like a binary file"));
        Path nul = write("n.csv", new byte[] {'a', ',', 'b', '\n', 1, 0, 2});
        assertTrue(message(() -> lines(TextInput.open(nul, "data file", LIMITS)))
                .contains("n.csv: looks like a binary file (a zero byte at offset 5)"));
        Path gzip = write("g.csv", new byte[] {0x1F, (byte) 0x8B, 8, 0});
        assertTrue(message(() -> lines(TextInput.open(gzip, "data file", LIMITS))).contains("gzip"));
        Path zip = write("x.csv", new byte[] {'P', 'K', 3, 4, 20, 0});
        assertTrue(message(() -> lines(TextInput.open(zip, "data file", LIMITS))).contains("xlsx"));
        Path utf16 = write("u.csv", "\uFEFFa,b\n".getBytes(StandardCharsets.UTF_16LE));
        assertTrue(message(() -> lines(TextInput.open(utf16, "data file", LIMITS))).contains("UTF-16"));
    }

    @Test
    void bytesThatAreNotUtf8AreNamedWithTheirLine() throws IOException {
        byte[] latin1 = "name,x\nok,1\nJos\u00e9,2\n".getBytes(StandardCharsets.ISO_8859_1);
        Path file = write("l.csv", latin1);
        String message = message(() -> lines(TextInput.open(file, "data file", LIMITS)));
        assertTrue(message.contains("l.csv, line 3: byte 0xE9 at offset 15 is not UTF-8"), message);
        assertFalse(message.contains("Input length"), message);
    }

    @Test
    void theLineAndSizeLimitsHold() throws IOException {
        Path longLine = write("long.csv", ("a,b\n" + "x".repeat(101) + "\n").getBytes(StandardCharsets.US_ASCII));
        assertTrue(message(() -> lines(TextInput.open(longLine, "data file", LIMITS)))
                .contains("long.csv, line 2: longer than 100 characters, the most a line of a data file may have"));
        Path big = write("big.csv", "1\n".repeat(600).getBytes(StandardCharsets.US_ASCII));
        assertTrue(message(() -> lines(TextInput.open(big, "data file", new TextInput.Limits(1024, 100))))
                .contains("big.csv: larger than 1 KiB, the most a data file may hold"));
        assertTrue(message(() -> TextInput.readAll(Path.of("/dev/zero"), "data file", 1024)).contains("binary"));
    }

    @Test
    void missingFilesAndFoldersAreNamed() {
        assertTrue(message(() -> TextInput.open(dir.resolve("none.csv"), "data file", LIMITS))
                .endsWith("none.csv: no such file"));
        assertTrue(message(() -> TextInput.open(dir, "data file", LIMITS)).contains("is a folder"));
    }

    @Test
    void readersOfDecodedTextKeepTheLineLimit() {
        try (TextInput.Lines in = TextInput.open(new StringReader("a\nbb\n"), "built-in", new TextInput.Limits(10, 1))) {
            assertEquals("a", in.next());
            assertTrue(message(in::next).contains("built-in, line 2: longer than 1 characters"));
        }
        try (TextInput.Lines in = TextInput.open(new StringReader(""), "empty", LIMITS)) {
            assertNull(in.next());
        }
    }

    @Test
    void readAllKeepsTheTextAsItIs() throws IOException {
        Path file = write("d.json", "\uFEFF{\"a\": 1,\r\n \"b\": [2]}\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("{\"a\": 1,\r\n \"b\": [2]}\n", TextInput.readAll(file, "data file", 1 << 20));
    }

    @Test
    void excerptsCutLongValuesAndHideControlCharacters() {
        assertEquals("short", TextInput.excerpt("short"));
        String cut = TextInput.excerpt("y".repeat(5_000_000));
        assertTrue(cut.startsWith("yyy") && cut.endsWith("... (5000000 characters)") && cut.length() < 90, cut);
        assertEquals("a?b", TextInput.excerpt("a\u0000b"));
        assertEquals("1 GiB", TextInput.size(1L << 30));
        assertEquals("1000 bytes", TextInput.size(1000));
    }
}
