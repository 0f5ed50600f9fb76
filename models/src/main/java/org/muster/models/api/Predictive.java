package org.muster.models.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.muster.core.api.Draws;
import org.muster.core.api.Model;
import org.muster.core.api.Node;
import org.muster.core.api.NodeKind;
import org.muster.core.api.RandomStreams;

/**
 * Predictive draws of a model. The posterior predictive replicates every observed node at each
 * posterior draw ({@code y_rep[i]}: "what would this unit do again"); a family's
 * {@link GeneratedQuantities} add a new unit drawn from the population ({@code theta_new},
 * {@code y_new}: "what will a new unit do"). The prior predictive draws everything from the priors,
 * the data included. Both are reproducible from the seed.
 */
public final class Predictive {

    /** Mixed into the run's seed so predictive draws do not reuse the sampler's streams. */
    private static final long STREAM_SALT = 0x6A09E667F3BCC909L;

    private Predictive() {
    }

    /** The suffix of replicated observed nodes: {@code y} is replicated as {@code y_rep}. */
    public static final String REPLICATE_SUFFIX = "_rep";

    /**
     * The posterior draws with replicated data and the generated quantities appended as variables.
     *
     * @param posterior draws of every parameter of {@code model} (as a sampler returns them)
     * @throws IllegalArgumentException if the draws lack a parameter, or a draw cannot be made
     */
    public static Draws posterior(Model model, Draws posterior, Optional<GeneratedQuantities> generated, long seed) {
        List<Node> observed = observedNodes(model);
        List<String> added = replicateNames(observed);
        generated.ifPresent(g -> added.addAll(g.names()));
        List<String> names = new ArrayList<>(posterior.variables());
        names.addAll(added);
        Map<String, Integer> index = indexOf(names);
        Map<Node, int[]> parameterColumns = new HashMap<>();
        for (Node parameter : model.parameters()) {
            int[] columns = new int[parameter.size()];
            for (int i = 0; i < columns.length; i++) {
                String member = parameter.memberName(i);
                columns[i] = posterior.indexOf(member);
                if (columns[i] < 0) {
                    throw new IllegalArgumentException("the draws have no variable '" + member
                            + "', a parameter of the model");
                }
            }
            parameterColumns.put(parameter, columns);
        }
        int chains = posterior.chains();
        int iterations = posterior.iterations();
        List<RandomGenerator> streams = RandomStreams.split(seed ^ STREAM_SALT, chains);
        GraphSimulator simulator = new GraphSimulator(model);
        double[][][] values = new double[chains][names.size()][iterations];
        double[] row = new double[names.size()];
        double[] extra = new double[generated.map(g -> g.names().size()).orElse(0)];
        int base = posterior.variables().size();
        double[] posteriorRow = new double[base];
        for (int c = 0; c < chains; c++) {
            RandomGenerator random = streams.get(c);
            for (int t = 0; t < iterations; t++) {
                // the posterior's row first (on disk, draws are read a block of rows at a time)
                posterior.row(c, t, posteriorRow);
                System.arraycopy(posteriorRow, 0, row, 0, base);
                simulator.run(random, (parameter, out) -> {
                    int[] columns = parameterColumns.get(parameter);
                    for (int i = 0; i < out.length; i++) {
                        out[i] = posteriorRow[columns[i]];
                    }
                });
                int k = base;
                for (Node node : observed) {
                    double[] replicate = simulator.replicate(node);
                    System.arraycopy(replicate, 0, row, k, replicate.length);
                    k += replicate.length;
                }
                if (generated.isPresent()) {
                    generated.get().generate(name -> lookup(index, row, name), random, extra);
                    System.arraycopy(extra, 0, row, k, extra.length);
                }
                for (int v = 0; v < names.size(); v++) {
                    values[c][v][t] = row[v];
                }
            }
        }
        return Draws.of(names, values);
    }

    /**
     * Draws from the prior predictive: parameters from their priors, then data given them, then
     * the generated quantities; one chain of {@code draws} independent draws.
     *
     * @throws IllegalArgumentException if a prior cannot be drawn from (an improper prior), naming it
     */
    public static Draws prior(Model model, Optional<GeneratedQuantities> generated, int draws, long seed) {
        if (draws < 1) {
            throw new IllegalArgumentException("draws must be at least 1, got " + draws);
        }
        List<Node> outputs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Node node : model.nodes()) {
            if (node.isNamed() && (node.kind() == NodeKind.PARAMETER || node.kind() == NodeKind.DETERMINISTIC)) {
                outputs.add(node);
                for (int i = 0; i < node.size(); i++) {
                    names.add(node.memberName(i));
                }
            }
        }
        List<Node> observed = observedNodes(model);
        names.addAll(replicateNames(observed));
        generated.ifPresent(g -> names.addAll(g.names()));
        Map<String, Integer> index = indexOf(names);
        RandomGenerator random = RandomStreams.split(seed ^ STREAM_SALT, 1).get(0);
        GraphSimulator simulator = new GraphSimulator(model);
        double[][][] values = new double[1][names.size()][draws];
        double[] row = new double[names.size()];
        double[] extra = new double[generated.map(g -> g.names().size()).orElse(0)];
        for (int t = 0; t < draws; t++) {
            try {
                simulator.run(random, null);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("cannot simulate from the prior: " + e.getMessage()
                        + "; give it a proper prior with --prior", e);
            }
            int k = 0;
            for (Node node : outputs) {
                double[] v = simulator.value(node);
                System.arraycopy(v, 0, row, k, v.length);
                k += v.length;
            }
            for (Node node : observed) {
                double[] v = simulator.value(node);
                System.arraycopy(v, 0, row, k, v.length);
                k += v.length;
            }
            if (generated.isPresent()) {
                generated.get().generate(name -> lookup(index, row, name), random, extra);
                System.arraycopy(extra, 0, row, k, extra.length);
            }
            for (int v = 0; v < names.size(); v++) {
                values[0][v][t] = row[v];
            }
        }
        return Draws.of(names, values);
    }

    /** The names of the replicated data, e.g. {@code y_rep[1]}, ..., for a model's observed nodes. */
    public static List<String> replicateNames(Model model) {
        return replicateNames(observedNodes(model));
    }

    private static List<Node> observedNodes(Model model) {
        return model.nodes().stream().filter(n -> n.kind() == NodeKind.OBSERVED).toList();
    }

    private static List<String> replicateNames(List<Node> observed) {
        List<String> names = new ArrayList<>();
        for (Node node : observed) {
            for (int i = 0; i < node.size(); i++) {
                names.add(node.shape().memberName(node.name() + REPLICATE_SUFFIX, i));
            }
        }
        return names;
    }

    private static Map<String, Integer> indexOf(List<String> names) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            if (index.put(names.get(i), i) != null) {
                throw new IllegalArgumentException("variable '" + names.get(i) + "' would appear twice in the draws");
            }
        }
        return index;
    }

    private static double lookup(Map<String, Integer> index, double[] row, String name) {
        Integer i = index.get(name);
        if (i == null) {
            throw new IllegalArgumentException("the draw has no variable '" + name + "'");
        }
        return row[i];
    }
}
