package org.muster.app.internal.cli;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code --init FILE}: a JSON object of constrained initial values by parameter name, each a
 * number or an array of numbers (nested arrays are read row by row), as CmdStan's init files.
 */
final class InitialValuesReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private InitialValuesReader() {
    }

    static Map<String, double[]> read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("--init: no such file " + file);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("--init " + file + ": not valid JSON at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException("--init: cannot read " + file + ": " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("--init " + file + ": expected a JSON object of initial values by "
                    + "parameter name, e.g. {\"mu\": 0, \"tau\": 1}");
        }
        Map<String, double[]> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            List<Double> flat = new ArrayList<>();
            flatten(file, field.getKey(), field.getValue(), flat);
            values.put(field.getKey(), flat.stream().mapToDouble(Double::doubleValue).toArray());
        }
        return values;
    }

    private static void flatten(Path file, String name, JsonNode node, List<Double> out) {
        if (node.isNumber()) {
            out.add(node.doubleValue());
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                flatten(file, name, element, out);
            }
        } else {
            throw new IllegalArgumentException("--init " + file + ": the value of '" + name
                    + "' must be a number or an array of numbers, got " + node);
        }
    }
}
