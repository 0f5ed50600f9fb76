package org.muster.lang.spi;

/**
 * A mistake in a model, data or initial-values file, located at a line and column of that file. The
 * message's first line names the file, line and column and says what is wrong and what was expected;
 * the next two lines show the offending source line and a caret under the offending text, as
 * compilers print. Command lines print the message and exit with status 2.
 */
public final class ModelFileException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final int column;
    private final String problem;

    /**
     * @param file the file as the user named it
     * @param line 1-based line, or 0 when the mistake is in the file as a whole
     * @param column 1-based column, or 0 when the mistake is in the file as a whole
     * @param problem what is wrong, without the location
     * @param message the whole message: location and problem, then the source line and the caret line
     */
    public ModelFileException(String file, int line, int column, String problem, String message) {
        super(message);
        this.file = file;
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    /** The file as the user named it. */
    public String file() {
        return file;
    }

    /** 1-based line of the mistake, 0 for the file as a whole. */
    public int line() {
        return line;
    }

    /** 1-based column of the mistake, 0 for the file as a whole. */
    public int column() {
        return column;
    }

    /** What is wrong, without location or source lines. */
    public String problem() {
        return problem;
    }
}
