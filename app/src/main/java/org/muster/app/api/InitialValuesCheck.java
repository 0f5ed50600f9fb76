package org.muster.app.api;

import java.util.LinkedHashMap;
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

/** Checks initial values against the model they start: names, sizes, and each member against its support. */
final class InitialValuesCheck {

    private static final Pattern BOUND = Pattern.compile("(lower|upper)\\((.+)\\)");
    private static final Pattern INTERVAL = Pattern.compile("interval\\((.+), (.+)\\)");

    private InitialValuesCheck() {
    }

    /**
     * Checks the values against a model: every name is a parameter, every parameter given has all its
     * members, and every member is inside the parameter's support.
     *
     * @param values by parameter name; not modified
     * @param where which chain the values are for ({@code " (chain 2)"}), empty for every chain
     * @throws FitPipeline.InitialValuesException naming the parameter, the member (from 1) and the support
     */
    static void check(Map<String, double[]> values, CompiledModel compiled, String where) {
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
                throw new FitPipeline.InitialValuesException("'" + TextInput.excerpt(name) + "'" + where + " is not a parameter of the"
                        + " model" + (derived ? " but a quantity derived from them" : "") + "; its parameters are "
                        + TextInput.excerpts(new TreeSet<>(parameters.keySet())));
            }
            double[] given = entry.getValue();
            if (given.length != node.size()) {
                throw new FitPipeline.InitialValuesException("'" + TextInput.excerpt(name) + "'" + where + " has " + given.length
                        + (given.length == 1 ? " value" : " values") + " but the parameter has " + node.size()
                        + (node.size() == 1 ? " member" : " members (" + node.memberName(0) + " to "
                                + node.memberName(node.size() - 1) + ")"));
            }
            checkSupport(where, node, given, compiled.unconstrainedBlock(node));
        }
    }

    private static void checkSupport(String where, Node node, double[] given, UnconstrainedBlock block) {
        Transform transform = block.transform();
        int size = node.size();
        double[] scratch = new double[Math.max(1, transform.freeSize(size))];
        boolean elementwise = transform.freeSize(size) == size && transform.freeSize(1) == 1;
        if (elementwise) {
            for (int i = 0; i < size; i++) {
                if (!inside(transform, given, i, 1, scratch)) {
                    String member = size == 1 ? "'" + node.name() + "'"
                            : "'" + node.name() + "' member " + (i + 1) + " (" + node.memberName(i) + ")";
                    throw new FitPipeline.InitialValuesException(member + where + " = " + number(given[i])
                            + " is outside its support: " + support(transform, node.memberName(i)));
                }
            }
        } else if (!inside(transform, given, 0, size, scratch)) {
            try {
                transform.unconstrain(given, 0, scratch, 0, size);
            } catch (IllegalArgumentException e) {
                throw new FitPipeline.InitialValuesException("'" + node.name() + "'" + where + " is outside its support ("
                        + transform.name() + "): " + TextInput.excerpt(e.getMessage(), 160));
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
