package org.muster.models.spi;

/**
 * A column a model family reads from its data, by the family's own name for it ({@code y}); a file
 * may call it something else and say so with {@code --map y=tumors}.
 *
 * @param name the family's name for the column
 * @param type what the cells must be, e.g. {@code "real"}, {@code "positive real"}, {@code "integer >= 0"}
 * @param description what the column means
 * @param optional whether the data may leave it out
 */
public record DataColumn(String name, String type, String description, boolean optional) {

    /** A column the data must have. */
    public DataColumn(String name, String type, String description) {
        this(name, type, description, false);
    }

    /** A column the data may leave out. */
    public static DataColumn optional(String name, String type, String description) {
        return new DataColumn(name, type, description, true);
    }
}
