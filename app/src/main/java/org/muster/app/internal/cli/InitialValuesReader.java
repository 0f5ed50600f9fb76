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

    /**
     * Checks the values against a model: every name is a parameter, every parameter given has all its
     * members, and every member is inside the parameter's support.
     *
     * @param values by parameter name, as {@link #read(Path)} gives them; not modified
     * @throws IllegalArgumentException naming the file, the parameter, the member (from 1) and the support
     */
    static void check(Path file, Map<String, double[]> values, CompiledModel compiled) {
        String label = "--init " + TextInput.excerpt(file.toString(), 200);
        Map<String, Node> parameters = new LinkedHashMap<>();
        for (Node node : compiled.model().parameters()) {
            parameters.put(node.name(), node);
        }
        for (Map.Entry<String, double[]> entry : values.entrySet()) {
            String name = entry.getKey();
            Node node = parameters.get(name);
            if (node == null) {
                boolean derived = compiled.outputNames().stream()
                        .anyMatch(output -> output.equals(name) || output.startsWith(name + "["));
                throw new IllegalArgumentException(label + ": '" + TextInput.excerpt(name) + "' is not a parameter of the"
                        + " model" + (derived ? " but a quantity derived from them" : "") + "; its parameters are "
                        + TextInput.excerpts(new TreeSet<>(parameters.keySet())));
            }
            double[] given = entry.getValue();
            if (given.length != node.size()) {
                throw new IllegalArgumentException(label + ": '" + TextInput.excerpt(name) + "' has " + given.length
                        + (given.length == 1 ? " value" : " values") + " but the parameter has " + node.size()
                        + (node.size() == 1 ? " member" : " members (" + node.memberName(0) + " to "
                                + node.memberName(node.size() - 1) + ")"));
            }
            checkSupport(label, node, given, compiled.unconstrainedBlock(node));
        }
    }

    private static void checkSupport(String label, Node node, double[] given, UnconstrainedBlock block) {
        Transform transform = block.transform();
        int size = node.size();
        double[] scratch = new double[Math.max(1, transform.freeSize(size))];
        boolean elementwise = transform.freeSize(size) == size && transform.freeSize(1) == 1;
        if (elementwise) {
            for (int i = 0; i < size; i++) {
                if (!inside(transform, given, i, 1, scratch)) {
                    String member = size == 1 ? "'" + node.name() + "'"
                            : "'" + node.name() + "' member " + (i + 1) + " (" + node.memberName(i) + ")";
                    throw new IllegalArgumentException(label + ": " + member + " = " + number(given[i])
                            + " is outside its support: " + support(transform, node.memberName(i)));
                }
            }
        } else if (!inside(transform, given, 0, size, scratch)) {
            try {
                transform.unconstrain(given, 0, scratch, 0, size);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(label + ": '" + node.name() + "' is outside its support ("
                        + transform.name() + "): " + TextInput.excerpt(e.getMessage(), 160), e);
            }
        }
    }

    private static boolean inside(Transform transform, double[] given, int offset, int size, double[] scratch) {
        try {
            transform.unconstrain(given, offset, scratch, 0, size);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The support of an elementwise transform in words: {@code tau > 0}, {@code 0 < p < 1}, a finite number. */
    private static String support(Transform transform, String member) {
        String name = transform.name();
        Matcher bound = BOUND.matcher(name);
        if (bound.matches()) {
            return member + (bound.group(1).equals("lower") ? " > " : " < ") + bound.group(2);
        }
        Matcher interval = INTERVAL.matcher(name);
        if (interval.matches()) {
            return interval.group(1) + " < " + member + " < " + interval.group(2);
        }
        if (name.equals("identity")) {
            return member + " must be a finite number";
        }
        return member + " in " + name;
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%s", value);
    }
}
