package org.muster.diagnostics.api;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file whole or not at all: the text goes to a temporary file beside it ({@code NAME.partial}),
 * which is then renamed into place, so a crash or kill never leaves half a summary or report, and a
 * reader sees the old file or the new one.
 */
public final class WholeFile {

    /** The suffix of the temporary file a write goes to before it is renamed into place. */
    public static final String PARTIAL_SUFFIX = ".partial";

    /** What writes the file's text. */
    @FunctionalInterface
    public interface Body {
        /** @param out where the text goes; closing it is not needed (and does not close the file) */
        void write(Writer out) throws IOException;
    }

    private WholeFile() {
    }

    /**
     * Writes {@code file} in UTF-8 through a temporary file renamed into place; when {@code body} fails
     * the temporary file is removed and {@code file} is left as it was.
     *
     * @return {@code file}
     * @throws IOException naming the file that could not be written
     */
    public static Path write(Path file, Body body) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + PARTIAL_SUFFIX);
        boolean done = false;
        try {
            try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                body.write(new FilterWriter(out) {
                    @Override
                    public void close() throws IOException {
                        flush();
                    }
                });
            }
            try {
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
            }
            done = true;
            return file;
        } finally {
            if (!done) {
                Files.deleteIfExists(partial);
            }
        }
    }
}
