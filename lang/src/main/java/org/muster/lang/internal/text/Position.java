package org.muster.lang.internal.text;

/**
 * Where a piece of text sits in its source: 1-based line and column of its first character and its
 * length in characters (at least 1 for the caret).
 */
public record Position(int line, int column, int length) {

    /** A position for the file as a whole (no line). */
    public static final Position NONE = new Position(0, 0, 1);

    public Position {
        length = Math.max(1, length);
    }

    /** The span from this position's start to the end of {@code end}, when both are on one line. */
    public Position through(Position end) {
        if (end.line != line || end.column + end.length < column) {
            return this;
        }
        return new Position(line, column, end.column + end.length - column);
    }
}
