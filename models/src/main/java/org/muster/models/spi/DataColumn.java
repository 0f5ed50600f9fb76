package org.muster.models.spi;

/**
 * A column a model family reads from its data.
 *
 * @param name header name in the file
 * @param type what the cells must be, e.g. {@code "real"}, {@code "positive real"}, {@code "integer >= 0"}
 * @param description what the column means
 */
public record DataColumn(String name, String type, String description) {
}
