package org.muster.em.internal.mixture;

import java.util.ArrayList;
import java.util.List;
import org.muster.core.api.Model;
import org.muster.core.api.Node;
import org.muster.core.api.NodeKind;
import org.muster.core.api.Operation;

/**
 * A model graph recognized as a one-dimensional normal mixture, the pattern the {@code gaussian-mixture}
 * family states:
 * <ul>
 *   <li>exactly one observed node, distributed {@code normal_mixture(weights, mu, sigma)} (the
 *       distribution's name), whose values are the data;</li>
 *   <li>{@code weights}: a parameter node of K members (a simplex);</li>
 *   <li>{@code sigma}: a parameter node of K members (positive);</li>
 *   <li>{@code mu}: either a parameter node of K members or a deterministic node of K members computed
 *       from parameters that {@code weights} and {@code sigma} do not involve (the family's ordered means,
 *       {@code mu = mu_first + cumulative sums of mu_gap}); the EM means are mapped back onto those
 *       parameters numerically;</li>
 *   <li>no other parameters.</li>
 * </ul>
 * Priors on these parameters are not used: {@code em} maximizes the likelihood, or the posterior under
 * its own conjugate prior.
 *
 * @param data the observed values
 * @param weights the weights parameter
 * @param mu the means node
 * @param sigma the standard deviations parameter
 * @param meanParameters the parameters {@code mu} is computed from ({@code mu} itself when it is a parameter)
 */
record MixtureGraph(double[] data, Node weights, Node mu, Node sigma, List<Node> meanParameters) {

    MixtureGraph {
        data = data.clone();
        meanParameters = List.copyOf(meanParameters);
    }

    @Override
    public double[] data() {
        return data.clone();
    }

    static final String SUPPORTED = "em fits normal mixtures: a model whose only observed node is distributed"
            + " normal_mixture(weights, mu, sigma) with weights and sigma parameters of K members and mu a parameter"
            + " or a function of parameters of its own (as the gaussian-mixture family builds)";

    int components() {
        return weights.size();
    }

    /**
     * Recognizes the pattern in {@code model}.
     *
     * @throws IllegalArgumentException saying what {@code em} supports and what the model has instead
     */
    static MixtureGraph recognize(Model model) {
        List<Node> observed = new ArrayList<>();
        for (Node node : model.nodes()) {
            if (node.kind() == NodeKind.OBSERVED) {
                observed.add(node);
            }
        }
        if (observed.size() != 1) {
            throw unsupported("it has " + observed.size() + " observed nodes " + describe(observed));
        }
        Node y = observed.get(0);
        String distribution = y.distribution().map(d -> d.name()).orElse("?");
        if (!distribution.equals("normal_mixture") || y.inputs().size() != 3) {
            throw unsupported("its observed node " + describe(observed) + " is not a normal mixture");
        }
        Node weights = unalias(y.inputs().get(0));
        Node mu = unalias(y.inputs().get(1));
        Node sigma = unalias(y.inputs().get(2));
        int components = weights.size();
        if (weights.kind() != NodeKind.PARAMETER || sigma.kind() != NodeKind.PARAMETER || sigma.size() != components
                || mu.size() != components) {
            throw unsupported("its mixture's weights and sigma are not parameters of K members each");
        }
        List<Node> meanParameters = new ArrayList<>();
        for (Node parameter : model.parameters()) {
            if (parameter == weights || parameter == sigma) {
                continue;
            }
            if (!model.dependsOn(mu, parameter)) {
                throw unsupported("it has the parameter '" + parameter.name() + "', which is not part of the mixture");
            }
            meanParameters.add(parameter);
        }
        if (model.dependsOn(mu, weights) || model.dependsOn(mu, sigma)) {
            throw unsupported("its means depend on the weights or standard deviations");
        }
        if (meanParameters.isEmpty()) {
            throw unsupported("its means are fixed, not estimated");
        }
        double[] data = y.values().orElseThrow();
        return new MixtureGraph(data, weights, mu, sigma, List.copyOf(meanParameters));
    }

    private static Node unalias(Node node) {
        Node n = node;
        while (n.operation().orElse(null) == Operation.IDENTITY) {
            n = n.inputs().get(0);
        }
        return n;
    }

    private static String describe(List<Node> nodes) {
        List<String> parts = new ArrayList<>();
        for (Node node : nodes) {
            parts.add(node.name() + " ~ " + node.distribution().map(d -> d.name()).orElse("?"));
        }
        return parts.toString();
    }

    private static IllegalArgumentException unsupported(String what) {
        return new IllegalArgumentException(SUPPORTED + "; this model is not one: " + what);
    }
}
