package org.muster.models.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.muster.core.api.TextInput;

/**
 * Reads Stan's JSON data format: one object whose members are variables, each a number (a size such
 * as {@code J}, or a constant) or an array of numbers (one entry per unit). Arrays become the columns
 * of a {@link Dataset}. {@code NaN} and {@code Infinity} are read (CmdStan writes them) so that the
 * typed readers can reject them with the variable and entry named. A file larger than 256 MiB, binary
 * content or text that is not UTF-8 is refused with one line saying so.
 */
final class StanJsonReader {

    /** The largest JSON data file read, in bytes. */
    static final long MAX_BYTES = 256L << 20;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private StanJsonReader() {
    }

    static Dataset read(Path path) {
        DatasetReader.requireExists(path);
        return parse(TextInput.readAll(path, "data file", MAX_BYTES), path.toString());
    }

    /**
     * The message of a JSON file that does not parse: where, and the parser's reason cut to one short line.
     */
    static IllegalArgumentException notJson(String source, JsonProcessingException e) {
        String reason = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().strip();
        int end = reason.indexOf('\n');
        reason = TextInput.excerpt(end < 0 ? reason : reason.substring(0, end), 160);
        JsonLocation at = e.getLocation();
        return new IllegalArgumentException(source + ": not valid JSON"
                + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr()) + ": " + reason);
    }

    static Dataset parse(String text, String source) {
        if (text.isBlank()) {
            throw new IllegalArgumentException(source + ": the file is empty; expected a JSON object of data"
                    + " variables, e.g. {\"y\": [1, 2], \"n\": [5, 6]}");
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw notJson(source, e);
        } catch (StackOverflowError e) {
            throw new IllegalArgumentException(source + ": not valid data: arrays nested too deep");
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(source + ": expected a JSON object of data variables, e.g."
                    + " {\"y\": [1, 2], \"n\": [5, 6]}");
        }
        Map<String, List<String>> columns = new LinkedHashMap<>();
        Map<String, String> scalars = new LinkedHashMap<>();
        String first = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            String shown = TextInput.excerpt(name);
            JsonNode value = field.getValue();
            if (value.isArray()) {
                List<String> cells = new ArrayList<>(value.size());
                for (int i = 0; i < value.size(); i++) {
                    JsonNode element = value.get(i);
                    if (element.isContainerNode()) {
                        throw new IllegalArgumentException(source + ", variable '" + shown + "', entry " + (i + 1)
                                + ": expected a number but found " + (element.isArray() ? "an array" : "an object")
                                + "; only one-dimensional arrays of numbers are read");
                    }
                    cells.add(element.isNull() ? "null" : element.asText());
                }
                if (first != null && cells.size() != columns.get(first).size()) {
                    throw new IllegalArgumentException(source + ": variable '" + shown + "' has " + cells.size()
                            + " entries but '" + TextInput.excerpt(first) + "' has " + columns.get(first).size()
                            + "; every array must have one entry per unit");
                }
                if (first == null) {
                    first = name;
                }
                columns.put(name, cells);
            } else if (value.isObject()) {
                throw new IllegalArgumentException(source + ", variable '" + shown
                        + "': expected a number or an array of numbers but found an object");
            } else {
                scalars.put(name, value.isNull() ? "null" : value.asText());
            }
        }
        if (columns.isEmpty()) {
            throw new IllegalArgumentException(source + ": no data arrays; expected variables such as"
                    + " {\"y\": [1, 2], \"n\": [5, 6]}" + (scalars.isEmpty() ? ""
                            : ", found only " + DatasetReader.names(List.copyOf(scalars.keySet()))));
        }
        if (columns.get(first).isEmpty()) {
            throw new IllegalArgumentException(source + ": the arrays are empty; there is no data");
        }
        return Dataset.ofVariables(source, columns, scalars);
    }
}
