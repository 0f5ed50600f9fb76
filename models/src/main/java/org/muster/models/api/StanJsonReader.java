package org.muster.models.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Stan's JSON data format: one object whose members are variables, each a number (a size such
 * as {@code J}, or a constant) or an array of numbers (one entry per unit). Arrays become the columns
 * of a {@link Dataset}. {@code NaN} and {@code Infinity} are read (CmdStan writes them) so that the
 * typed readers can reject them with the variable and entry named.
 */
final class StanJsonReader {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private StanJsonReader() {
    }

    static Dataset read(Path path) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("data file not found: " + path + " (built-in datasets: "
                    + DatasetReader.builtInNames() + ")");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read data file " + path + ": " + e.getMessage());
        }
        return parse(text, path.toString());
    }

    static Dataset parse(String text, String source) {
        if (text.isBlank()) {
            throw new IllegalArgumentException(source + ": the file is empty; expected a JSON object of data"
                    + " variables, e.g. {\"y\": [1, 2], \"n\": [5, 6]}");
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(source + ": not valid JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException(source + ": cannot parse JSON: " + e.getMessage());
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
            JsonNode value = field.getValue();
            if (value.isArray()) {
                List<String> cells = new ArrayList<>(value.size());
                for (int i = 0; i < value.size(); i++) {
                    JsonNode element = value.get(i);
                    if (element.isContainerNode()) {
                        throw new IllegalArgumentException(source + ", variable '" + name + "', entry " + (i + 1)
                                + ": expected a number but found " + (element.isArray() ? "an array" : "an object")
                                + "; only one-dimensional arrays of numbers are read");
                    }
                    cells.add(element.isNull() ? "null" : element.asText());
                }
                if (first != null && cells.size() != columns.get(first).size()) {
                    throw new IllegalArgumentException(source + ": variable '" + name + "' has " + cells.size()
                            + " entries but '" + first + "' has " + columns.get(first).size()
                            + "; every array must have one entry per unit");
                }
                if (first == null) {
                    first = name;
                }
                columns.put(name, cells);
            } else if (value.isObject()) {
                throw new IllegalArgumentException(source + ", variable '" + name
                        + "': expected a number or an array of numbers but found an object");
            } else {
                scalars.put(name, value.isNull() ? "null" : value.asText());
            }
        }
        if (columns.isEmpty()) {
            throw new IllegalArgumentException(source + ": no data arrays; expected variables such as"
                    + " {\"y\": [1, 2], \"n\": [5, 6]}" + (scalars.isEmpty() ? "" : ", found only " + scalars.keySet()));
        }
        if (columns.get(first).isEmpty()) {
            throw new IllegalArgumentException(source + ": the arrays are empty; there is no data");
        }
        return Dataset.ofVariables(source, columns, scalars);
    }
}
