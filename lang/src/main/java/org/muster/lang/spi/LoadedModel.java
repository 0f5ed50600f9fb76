package org.muster.lang.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.muster.core.api.Draws;
import org.muster.models.spi.FamilyModel;

/**
 * A model file loaded with its data and initial values: the model to fit and what a fit of it needs
 * beyond the graph. Immutable.
 *
 * @param model the model, as a family would have built it
 * @param monitors the output columns to summarize and write, in order ({@code theta[1]}, ..., {@code sigma})
 * @param initialValues one map of initial values per initial-values file, by parameter node name: one map
 *     for every chain, or one per chain; empty when no file was given
 * @param notes remarks for the user, such as {@code ".RNG.seed ignored"}
 * @param defaultMethod the method to fit with when the user names none: {@code nuts} when every
 *     unobserved node is continuous, {@code gibbs} when one is discrete
 * @param graph one line per graph node: which of the file's nodes it holds and what it is
 * @param nodeElements for each graph node's name, the file's nodes it holds ({@code theta[1:8]})
 */
public record LoadedModel(FamilyModel model, List<String> monitors, List<Map<String, double[]>> initialValues,
        List<String> notes, String defaultMethod, List<String> graph, Map<String, String> nodeElements) {

    public LoadedModel {
        monitors = List.copyOf(monitors);
        initialValues = initialValues.stream().<Map<String, double[]>>map(Map::copyOf).toList();
        notes = List.copyOf(notes);
        graph = List.copyOf(graph);
        nodeElements = Map.copyOf(nodeElements);
    }

    /**
     * The monitored columns of some draws, in monitor order.
     *
     * @throws IllegalArgumentException if the draws lack a monitored column
     */
    public Draws monitored(Draws draws) {
        double[][][] values = new double[draws.chains()][monitors.size()][];
        for (int v = 0; v < monitors.size(); v++) {
            int index = draws.indexOf(monitors.get(v));
            if (index < 0) {
                throw new IllegalArgumentException("the draws have no column '" + monitors.get(v) + "'");
            }
            for (int c = 0; c < draws.chains(); c++) {
                values[c][v] = draws.chain(c, index);
            }
        }
        return Draws.of(monitors, values);
    }

    /**
     * A method's explanation lines ({@code "theta:2: slice sampling"}) with each graph node's name followed
     * by the file's nodes it holds ({@code "theta:2 (theta[2:8]): slice sampling"}).
     */
    public List<String> explainInFileTerms(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            String rewritten = line;
            int colon = line.indexOf(": ");
            if (colon > 0) {
                String name = line.substring(0, colon);
                String elements = nodeElements.get(name);
                if (elements != null && !elements.equals(name)) {
                    rewritten = name + " (" + elements + ")" + line.substring(colon);
                }
            }
            out.add(rewritten);
        }
        return out;
    }
}
