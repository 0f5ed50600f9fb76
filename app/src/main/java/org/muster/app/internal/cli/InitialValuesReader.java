package org.muster.app.internal.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.muster.core.api.CompiledModel;
import org.muster.core.api.Node;
import org.muster.core.api.TextInput;
import org.muster.core.api.UnconstrainedBlock;
import org.muster.core.api.transforms.Transform;

/**
 * Reads {@code --init FILE}: a JSON object of constrained initial values by parameter name, each a
 * number or an array of numbers (nested arrays are read row by row), as CmdStan's init files; and checks
 * them against the model before anything runs. Every message starts {@code --init FILE:} and counts a
 * parameter's members from 1. Files larger than {@value #MAX_MEBIBYTES} MiB, binary files and text that is
 * not UTF-8 are refused with one line.
 */
final class InitialValuesReader {

    /** The largest initial values file read, in MiB. */
    static final int MAX_MEBIBYTES = 64;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final Pattern BOUND = Pattern.compile("(lower|upper)\\((.+)\\)");
    private static final Pattern INTERVAL = Pattern.compile("interval\\((.+), (.+)\\)");

    private InitialValuesReader() {
    }

    /**
     * The values by parameter name, flattened row by row.
     *
     * @throws IllegalArgumentException naming the file: missing, unreadable, not JSON, not an object of
     *     numbers and arrays of numbers
     */
    static Map<String, double[]> read(Path file) {
        String label = "--init " + TextInput.excerpt(file.toString(), 200);
        if (!Files.exists(file)) {
            throw new IllegalArgumentException(label + ": no such file");
        }
        String text;
        try {
            text = TextInput.readAll(file, "initial values file", (long) MAX_MEBIBYTES << 20);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--init " + e.getMessage(), e);
        }
        JsonNode root;
        try {
            root = text.isBlank() ? null : JSON.readTree(text);
        } catch (JsonProcessingException e) {
            String reason = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().strip();
            int end = reason.indexOf('\n');
            JsonLocation at = e.getLocation();
            throw new IllegalArgumentException(label + ": not valid JSON"
                    + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr()) + ": "
                    + TextInput.excerpt(end < 0 ? reason : reason.substring(0, end), 160));
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(label + ": expected a JSON object of initial values by "
                    + "parameter name, e.g. {\"mu\": 0, \"tau\": 1}");
        }
        Map<String, double[]> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            List<Double> flat = new ArrayList<>();
            flatten(label, field.getKey(), field.getValue(), flat, 0);
            values.put(field.getKey(), flat.stream().mapToDouble(Double::doubleValue).toArray());
        }
        return values;
    }

    private static void flatten(String label, String name, JsonNode node, List<Double> out, int depth) {
        if (node.isNumber()) {
            out.add(node.doubleValue());
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                flatten(label, name, element, out, depth + 1);
            }
        } else {
            throw new IllegalArgumentException(label + ": '" + TextInput.excerpt(name) + "'"
                    + (depth == 0 ? "" : " entry " + (out.size() + 1)) + " is " + TextInput.excerpt(node.toString())
                    + "; initial values are numbers or arrays of numbers");
        }
    }

}
