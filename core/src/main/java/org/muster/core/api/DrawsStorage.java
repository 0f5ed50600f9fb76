package org.muster.core.api;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a fit keeps its draws: in memory while they fit a budget, else in a temporary file that the
 * summaries read back column by column (see {@link Draws.Builder}). The values are the same either way,
 * bit for bit; only memory and speed differ.
 *
 * @param memoryBytes how many bytes of draws a fit may hold in memory, at least 1; a fit whose draws
 *     (chains x variables x draws x 8 bytes) exceed it streams them to disk, buffering about this many
 *     bytes while the chains run and reading about as many back at a time
 * @param directory where the temporary file goes (the run's output folder, say); empty for the system's
 *     temporary folder. The file is unlinked as soon as it is open, so nothing is left behind, not even
 *     after a crash
 */
public record DrawsStorage(long memoryBytes, Optional<Path> directory) {

    /** The system property that sets the default budget: bytes, or with a suffix k, m or g (powers of 1024). */
    public static final String MEMORY_PROPERTY = "muster.draws.memory";

    /** The default budget's share of the maximum heap when the property is not set. */
    public static final double HEAP_FRACTION = 0.25;

    public DrawsStorage {
        if (memoryBytes < 1) {
            throw new IllegalArgumentException("the draws' memory budget must be at least 1 byte, got " + memoryBytes);
        }
        Objects.requireNonNull(directory, "directory");
    }

    /**
     * The default: the budget from system property {@value #MEMORY_PROPERTY} if set, else a quarter of the
     * maximum heap ({@code -Xmx}); the system's temporary folder.
     *
     * @throws IllegalArgumentException if the property is set but is not a size
     */
    public static DrawsStorage defaults() {
        String property = System.getProperty(MEMORY_PROPERTY);
        long bytes = property == null || property.isBlank()
                ? Math.max(1, (long) (Runtime.getRuntime().maxMemory() * HEAP_FRACTION))
                : parseSize(property, "-D" + MEMORY_PROPERTY);
        return new DrawsStorage(bytes, Optional.empty());
    }

    /** The same budget, the temporary file in {@code directory}. */
    public DrawsStorage in(Path directory) {
        return new DrawsStorage(memoryBytes, Optional.of(directory));
    }

    /** Another budget, the same folder. */
    public DrawsStorage withMemory(long bytes) {
        return new DrawsStorage(bytes, directory);
    }

    /**
     * A size such as {@code 512m}, {@code 2g}, {@code 65536} or {@code 64k} (suffixes k, m, g, t are powers
     * of 1024, either case, an optional trailing b).
     *
     * @param what names the setting in the error, e.g. {@code --draws-memory}
     * @throws IllegalArgumentException naming the setting and the text if it is not a positive size
     */
    public static long parseSize(String text, String what) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.endsWith("b")) {
            t = t.substring(0, t.length() - 1);
        }
        long unit = 1;
        if (!t.isEmpty()) {
            char last = t.charAt(t.length() - 1);
            int shift = switch (last) {
                case 'k' -> 10;
                case 'm' -> 20;
                case 'g' -> 30;
                case 't' -> 40;
                default -> 0;
            };
            if (shift > 0) {
                unit = 1L << shift;
                t = t.substring(0, t.length() - 1);
            }
        }
        try {
            long value = Long.parseLong(t.trim());
            if (value < 1 || value > Long.MAX_VALUE / unit) {
                throw new NumberFormatException();
            }
            return value * unit;
        } catch (NumberFormatException e) {
            String shown = text.length() > 60 ? text.substring(0, 60) + "..." : text;
            throw new IllegalArgumentException(what + " must be a size such as 512m, 2g or 65536 (bytes), got '"
                    + shown + "'");
        }
    }
}
