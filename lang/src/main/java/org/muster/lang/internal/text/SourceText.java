package org.muster.lang.internal.text;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.muster.lang.spi.ModelFileException;

/**
 * The text of one input file with its name as the user gave it, able to make an error that shows the
 * offending line with a caret under the offending text.
 */
public final class SourceText {

    private final String name;
    private final String text;
    private final List<Integer> lineStarts = new ArrayList<>();

    public SourceText(String name, String text) {
        this.name = name;
        this.text = text;
        lineStarts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lineStarts.add(i + 1);
            }
        }
    }

    /**
     * Reads a file as UTF-8.
     *
     * @param what what the file should be, for the message when it cannot be read ("model file")
     * @throws ModelFileException if it does not exist or cannot be read
     */
    public static SourceText read(Path path, String what) {
        try {
            return new SourceText(path.toString(), Files.readString(path, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw wholeFile(path.toString(), what + " not found");
        } catch (MalformedInputException e) {
            throw wholeFile(path.toString(), "cannot read the " + what + ": it is not UTF-8 text");
        } catch (IOException e) {
            throw wholeFile(path.toString(), "cannot read the " + what + ": " + e.getMessage());
        }
    }

    /** An error about a file as a whole, with no line to show. */
    public static ModelFileException wholeFile(String file, String problem) {
        return new ModelFileException(file, 0, 0, problem, file + ": " + problem);
    }

    public String name() {
        return name;
    }

    public String text() {
        return text;
    }

    /** The position of the character at {@code offset} with the given length. */
    public Position position(int offset, int length) {
        int line = lineOf(offset);
        return new Position(line + 1, offset - lineStarts.get(line) + 1, length);
    }

    /** The text of 1-based line {@code line}, without its line break. */
    public String line(int line) {
        if (line < 1 || line > lineStarts.size()) {
            return "";
        }
        int start = lineStarts.get(line - 1);
        int end = line < lineStarts.size() ? lineStarts.get(line) - 1 : text.length();
        String s = text.substring(start, Math.max(start, end));
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    /** The source text at a position (on its line). */
    public String textAt(Position position) {
        String line = line(position.line());
        int start = Math.min(line.length(), position.column() - 1);
        return line.substring(start, Math.min(line.length(), start + position.length()));
    }

    /**
     * An error at a position: {@code file:line:column: problem}, then the line and a caret under the
     * text (tabs kept so the caret lines up).
     */
    public ModelFileException error(Position position, String problem) {
        if (position == null || position.line() == 0) {
            return wholeFile(name, problem);
        }
        String line = line(position.line());
        StringBuilder caret = new StringBuilder("  ");
        for (int i = 0; i < position.column() - 1 && i < line.length(); i++) {
            caret.append(line.charAt(i) == '\t' ? '\t' : ' ');
        }
        int width = Math.max(1, Math.min(position.length(), Math.max(1, line.length() - position.column() + 1)));
        caret.append("^".repeat(width));
        String message = name + ":" + position.line() + ":" + position.column() + ": " + problem + "\n  " + line
                + "\n" + caret;
        return new ModelFileException(name, position.line(), position.column(), problem, message);
    }

    private int lineOf(int offset) {
        int low = 0;
        int high = lineStarts.size() - 1;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (lineStarts.get(mid) <= offset) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low;
    }
}
