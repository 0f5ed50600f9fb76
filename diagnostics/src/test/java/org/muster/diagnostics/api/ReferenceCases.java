package org.muster.diagnostics.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The validation cases in the test resources' {@code validation/diagnostics} (copied from the team's
 * {@code shared/validation}; see the README there): draws as {@code chain,draw,x} CSV and what the R
 * package posterior 1.4.0 computes for them, in {@code expected.json}.
 */
final class ReferenceCases {

    private static final String DIRECTORY = "/validation/diagnostics/";

    private ReferenceCases() {
    }

    /** expected.json's {@code cases} object. */
    static JsonNode expected() {
        try {
            return new ObjectMapper().readTree(resource("expected.json")).get("cases");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> names() {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = expected().fieldNames(); it.hasNext();) {
            names.add(it.next());
        }
        return names;
    }

    /** A case's draws as [chain][iteration], chains in the order of their numbers. */
    static double[][] draws(String name) {
        List<String> lines;
        try {
            lines = new String(resource(name + ".csv").readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<Integer, List<Double>> chains = new TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            chains.computeIfAbsent(Integer.parseInt(cells[0]), c -> new ArrayList<>()).add(Double.parseDouble(cells[2]));
        }
        return chains.values().stream().map(c -> c.stream().mapToDouble(Double::doubleValue).toArray())
                .toArray(double[][]::new);
    }

    private static InputStream resource(String file) throws IOException {
        InputStream in = ReferenceCases.class.getResourceAsStream(DIRECTORY + file);
        if (in == null) {
            throw new IOException("no test resource " + DIRECTORY + file);
        }
        return in;
    }
}
