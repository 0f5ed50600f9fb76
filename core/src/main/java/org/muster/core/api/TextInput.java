package org.muster.core.api;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Reads the text files a user gives (data, initial values, Stan CSV draws) as UTF-8, within limits, so
 * that whatever the file holds (a binary file, {@code /dev/zero}, a file saved as UTF-16 or Latin-1, a
 * line of a hundred megabytes) the reader fails with one line naming the file and what was found,
 * never with an {@link OutOfMemoryError} or a decoder's "Input length = 1". A UTF-8 byte order mark is
 * skipped; lines end in LF, CRLF or CR. Every failure is an {@link IllegalArgumentException}.
 *
 * <p>{@link #excerpt(String)} cuts a value echoed into a message to {@value #EXCERPT_LENGTH} characters.
 */
public final class TextInput {

    /** The most characters of a user's value that a message echoes. */
    public static final int EXCERPT_LENGTH = 60;

    private static final int LONG_WORD = 200;
    private static final int LONG_MESSAGE = 2000;
    private static final int BLOCK = 1 << 16;
    private static final long KIB = 1024;

    private TextInput() {
    }

    /**
     * How much a reader takes.
     *
     * @param maxBytes the largest file, in bytes
     * @param maxLineChars the longest line, in characters (line end not counted)
     */
    public record Limits(long maxBytes, int maxLineChars) {

        public Limits {
            if (maxBytes < 1 || maxLineChars < 1) {
                throw new IllegalArgumentException("limits must be positive: " + maxBytes + " bytes, " + maxLineChars
                        + " characters");
            }
        }
    }

    /**
     * A value as a message may echo it: control characters shown as {@code ?}, and anything longer than
     * {@value #EXCERPT_LENGTH} characters cut, with its length said: {@code "aaaa... (5000000 characters)"}.
     */
    public static String excerpt(String value) {
        return excerpt(value, EXCERPT_LENGTH);
    }

    /**
     * As {@link #excerpt(String)}, cut at {@code maxLength} characters (for paths and messages of other
     * libraries, which may rightly be longer than a value).
     */
    public static String excerpt(String value, int maxLength) {
        if (value == null) {
            return "null";
        }
        boolean cut = value.length() > maxLength;
        String kept = cut ? value.substring(0, Math.max(1, maxLength - 3)) : value;
        StringBuilder out = new StringBuilder(kept.length() + 24);
        if (cut && Character.isHighSurrogate(kept.charAt(kept.length() - 1))) {
            kept = kept.substring(0, kept.length() - 1);
        }
        for (int i = 0; i < kept.length(); i++) {
            char c = kept.charAt(i);
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        if (cut) {
            out.append("... (").append(value.length()).append(" characters)");
        }
        return out.toString();
    }

    /**
     * A message with every run of more than {@value #LONG_WORD} characters without a space cut to an
     * {@link #excerpt(String)}, and the whole cut at {@value #LONG_MESSAGE} characters: the last guard of a
     * command line that echoes whatever a user typed or a file held.
     */
    public static String shorten(String message) {
        if (message == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(message.length(), LONG_MESSAGE + 64));
        int i = 0;
        while (i < message.length() && out.length() <= LONG_MESSAGE) {
            int end = i;
            while (end < message.length() && !Character.isWhitespace(message.charAt(end))) {
                end++;
            }
            String word = message.substring(i, end);
            out.append(word.length() > LONG_WORD ? excerpt(word) : word);
            if (end < message.length()) {
                out.append(message.charAt(end));
                end++;
            }
            i = end;
        }
        return i < message.length() ? excerpt(out.toString(), LONG_MESSAGE) : out.toString();
    }

    /** Names for a message, each an {@link #excerpt(String)}, at most ten of them: {@code [a, b, ... (40 in all)]}. */
    public static String excerpts(java.util.Collection<String> names) {
        List<String> shown = names.stream().limit(10).map(TextInput::excerpt).toList();
        return "[" + String.join(", ", shown) + (names.size() > 10 ? ", ... (" + names.size() + " in all)" : "") + "]";
    }

    /** A size for messages: {@code 1 GiB}, {@code 64 MiB}, {@code 512 KiB} or bytes. */
    public static String size(long bytes) {
        String[] units = {"bytes", "KiB", "MiB", "GiB", "TiB"};
        int unit = 0;
        double value = bytes;
        while (value >= KIB && unit < units.length - 1 && (long) value % KIB == 0) {
            value /= KIB;
            unit++;
        }
        return String.format(Locale.ROOT, "%d %s", (long) value, units[unit]);
    }

    /**
     * Reads a whole file as text (for JSON), BOM skipped.
     *
     * @param what what the file is, for messages of a missing file, e.g. {@code "data file"}
     * @throws IllegalArgumentException for a missing or unreadable file, one larger than {@code maxBytes},
     *     binary content or bytes that are not UTF-8, naming the file and where
     */
    public static String readAll(Path file, String what, long maxBytes) {
        try (Lines lines = open(file, what, new Limits(maxBytes, Integer.MAX_VALUE))) {
            return lines.rest();
        }
    }

    /**
     * Opens a file to read line by line.
     *
     * @param what what the file is, for the message of a missing file, e.g. {@code "data file"}
     * @throws IllegalArgumentException for a missing or unreadable file, or one larger than the limit
     */
    public static Lines open(Path file, String what, Limits limits) {
        Objects.requireNonNull(limits, "limits");
        InputStream in;
        try {
            if (Files.isDirectory(file)) {
                throw new IllegalArgumentException(file + ": is a folder, not a " + what);
            }
            if (Files.isRegularFile(file) && Files.size(file) > limits.maxBytes()) {
                throw tooLarge(file.toString(), what, limits.maxBytes());
            }
            in = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such file");
        } catch (AccessDeniedException e) {
            throw new IllegalArgumentException(file + ": cannot read the " + what + ": permission denied");
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read the " + what + ": " + excerpt(e.getMessage()));
        }
        return new Lines(file.toString(), what, in, null, limits);
    }

    /** Reads text that is already decoded (a built-in resource) line by line, within the limits. */
    public static Lines open(Reader reader, String source, Limits limits) {
        return new Lines(source, "file", null, reader, limits);
    }

    private static IllegalArgumentException tooLarge(String source, String what, long maxBytes) {
        return new IllegalArgumentException(source + ": larger than " + size(maxBytes) + ", the most a " + what
                + " may hold");
    }

    /**
     * The lines of one text, read on demand. Not thread-safe; close it when done (a failure closes it too).
     */
    public static final class Lines implements Closeable {

        private final String source;
        private final String what;
        private final InputStream bytesIn;
        private final Reader charsIn;
        private final Limits limits;
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        private final ByteBuffer bytes = ByteBuffer.allocate(BLOCK);
        private final CharBuffer chars = CharBuffer.allocate(BLOCK);
        private final StringBuilder line = new StringBuilder();
        private long bytesRead;
        private boolean endOfBytes;
        private boolean endOfChars;
        private boolean started;
        private boolean skipLineFeed;
        private boolean byteOrderMark;
        private boolean carriageReturns;
        private int lineNumber;
        private IllegalArgumentException pendingError;

        private Lines(String source, String what, InputStream bytesIn, Reader charsIn, Limits limits) {
            this.source = source;
            this.what = what;
            this.bytesIn = bytesIn;
            this.charsIn = charsIn;
            this.limits = limits;
            bytes.flip();
            chars.flip();
        }

        /** Where the text comes from, for messages. */
        public String source() {
            return source;
        }

        /** The 1-based number of the line {@link #next()} returned last (0 before the first). */
        public int lineNumber() {
            return lineNumber;
        }

        /** Whether the text began with a UTF-8 byte order mark (skipped). */
        public boolean hadByteOrderMark() {
            return byteOrderMark;
        }

        /** Whether some line so far ended in CR or CRLF (Windows line ends, read as line ends). */
        public boolean hadCarriageReturns() {
            return carriageReturns;
        }

        /**
         * The next line without its line end, or null at the end of the text.
         *
         * @throws IllegalArgumentException for a line longer than the limit, a file larger than the limit,
         *     binary content or bytes that are not UTF-8, naming the file and line
         */
        public String next() {
            line.setLength(0);
            boolean any = false;
            while (true) {
                if (!chars.hasRemaining() && !fill()) {
                    if (!any) {
                        return null;
                    }
                    lineNumber++;
                    return line.toString();
                }
                while (chars.hasRemaining()) {
                    char c = chars.get();
                    if (skipLineFeed) {
                        skipLineFeed = false;
                        if (c == '\n') {
                            continue;
                        }
                    }
                    any = true;
                    if (c == '\n' || c == '\r') {
                        if (c == '\r') {
                            carriageReturns = true;
                            skipLineFeed = true;
                        }
                        lineNumber++;
                        return line.toString();
                    }
                    if (line.length() >= limits.maxLineChars()) {
                        throw fail(new IllegalArgumentException(source + ", line " + (lineNumber + 1)
                                + ": longer than " + String.format(Locale.ROOT, "%,d", limits.maxLineChars())
                                + " characters, the most a line of a " + what + " may have"));
                    }
                    line.append(c);
                }
            }
        }

        /** The rest of the text as it is, line ends included. */
        String rest() {
            StringBuilder all = new StringBuilder();
            if (skipLineFeed && chars.hasRemaining() && chars.get(chars.position()) == '\n') {
                chars.get();
            }
            while (chars.hasRemaining() || fill()) {
                all.append(chars);
                chars.position(chars.limit());
            }
            return all.toString();
        }

        /** Decodes more characters; false at the end of the text. */
        private boolean fill() {
            if (pendingError != null) {
                throw fail(pendingError);
            }
            if (endOfChars) {
                return false;
            }
            try {
                chars.clear();
                if (charsIn != null) {
                    int n = charsIn.read(chars);
                    chars.flip();
                    if (n < 0) {
                        endOfChars = true;
                        return false;
                    }
                } else {
                    decode();
                }
            } catch (IOException e) {
                throw fail(new IllegalArgumentException(source + ": cannot read: " + excerpt(e.getMessage())));
            } catch (UncheckedIOException e) {
                throw fail(new IllegalArgumentException(source + ": cannot read: " + excerpt(e.getMessage())));
            }
            if (!started && chars.hasRemaining()) {
                started = true;
                if (chars.get(chars.position()) == '\uFEFF') {
                    byteOrderMark = true;
                    chars.get();
                }
            }
            if (!chars.hasRemaining()) {
                if (pendingError != null) {
                    throw fail(pendingError);
                }
                return fill();
            }
            return true;
        }

        /** Decodes into {@code chars} (left flipped for reading) what the next bytes give, or sets the end. */
        private void decode() throws IOException {
            while (chars.position() == 0) {
                CoderResult result = decoder.decode(bytes, chars, endOfBytes);
                if (result.isError()) {
                    pendingError = notUtf8();
                    break;
                }
                if (result.isOverflow()) {
                    break;
                }
                if (endOfBytes) {
                    decoder.flush(chars);
                    endOfChars = true;
                    break;
                }
                if (chars.position() == 0) {
                    readBytes();
                }
            }
            chars.flip();
        }

        private void readBytes() throws IOException {
            bytes.compact();
            int start = bytes.position();
            int n = bytesIn.read(bytes.array(), start, bytes.remaining());
            if (n < 0) {
                endOfBytes = true;
                bytes.flip();
                return;
            }
            if (bytesRead == 0 && n > 0) {
                checkStart(bytes.array(), start, n);
            }
            for (int i = start; i < start + n; i++) {
                if (bytes.array()[i] == 0) {
                    bytes.flip();
                    throw fail(new IllegalArgumentException(source + ": looks like a binary file (a zero byte at offset "
                            + (bytesRead + i - start) + "), not UTF-8 text"));
                }
            }
            bytesRead += n;
            if (bytesRead > limits.maxBytes()) {
                bytes.flip();
                throw fail(tooLarge(source, what, limits.maxBytes()));
            }
            bytes.position(start + n);
            bytes.flip();
        }

        /** Names the formats people give by mistake, from the first bytes. */
        private void checkStart(byte[] b, int offset, int n) {
            int b0 = n > 0 ? b[offset] & 0xFF : -1;
            int b1 = n > 1 ? b[offset + 1] & 0xFF : -1;
            int b2 = n > 2 ? b[offset + 2] & 0xFF : -1;
            int b3 = n > 3 ? b[offset + 3] & 0xFF : -1;
            String found = null;
            if (b0 == 0xFF && b1 == 0xFE || b0 == 0xFE && b1 == 0xFF) {
                found = "is UTF-16 text (it starts with the byte order mark " + hex(b0) + " " + hex(b1)
                        + "); save it as UTF-8";
            } else if (b0 == 0x1F && b1 == 0x8B) {
                found = "is gzip-compressed; decompress it first (gunzip)";
            } else if (b0 == 'P' && b1 == 'K' && b2 == 3 && b3 == 4) {
                found = "looks like a zip archive (an Excel .xlsx workbook?), not text; save the sheet as CSV";
            } else if (b0 == 0xD0 && b1 == 0xCF && b2 == 0x11 && b3 == 0xE0) {
                found = "looks like an old Excel .xls workbook, not text; save the sheet as CSV";
            } else if (b0 == 'P' && b1 == 'A' && b2 == 'R' && b3 == '1') {
                found = "looks like a Parquet file, not text; write it as CSV";
            } else if (b0 == '%' && b1 == 'P' && b2 == 'D' && b3 == 'F') {
                found = "looks like a PDF file, not text";
            }
            if (found != null) {
                throw fail(new IllegalArgumentException(source + ": " + found));
            }
        }

        private IllegalArgumentException notUtf8() {
            int at = bytes.position();
            int bad = bytes.get(at) & 0xFF;
            int linesSoFar = lineNumber;
            for (int i = 0; i < chars.position(); i++) {
                // lines of this block the caller has not read yet
                char c = chars.get(i);
                if (c == '\n' && !(i == 0 && skipLineFeed) || c == '\r' && (i + 1 >= chars.position() || chars.get(i + 1) != '\n')) {
                    linesSoFar++;
                }
            }
            long offset = bytesRead - bytes.limit() + at;
            return new IllegalArgumentException(source + ", line " + (linesSoFar + 1) + ": byte " + hex(bad)
                    + " at offset " + offset + " is not UTF-8 (the file may be Latin-1 or Windows-1252); save the "
                    + what + " as UTF-8");
        }

        private IllegalArgumentException fail(IllegalArgumentException e) {
            pendingError = e;
            close();
            return e;
        }

        private static String hex(int b) {
            return String.format(Locale.ROOT, "0x%02X", b);
        }

        @Override
        public void close() {
            try {
                if (bytesIn != null) {
                    bytesIn.close();
                }
                if (charsIn != null) {
                    charsIn.close();
                }
            } catch (IOException e) {
                // nothing was written; a failed close loses nothing
            }
        }
    }
}
