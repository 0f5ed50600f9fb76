package org.muster.samplers.internal.gibbs;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.muster.core.api.CompiledModel;
import org.muster.core.api.ConjugatePair;
import org.muster.core.api.Conjugacy;
import org.muster.core.api.Model;
import org.muster.core.api.Node;
import org.muster.core.api.Operation;

/**
 * Chooses the update of each parameter node, in the model's creation order, as JAGS does: a
 * Metropolis block for nodes the user groups into one, updated where its first node comes; a
 * closed-form conjugate draw when every stochastic child of the node depends on it through one of
 * the conjugate pairs the model reports (all of the same kind) and each child member depends on a
 * single member of the node; an exact draw by enumeration for a discrete node; slice sampling otherwise.
 */
final class GibbsPlan {

    /**
     * Metropolis steps per sweep of a block by default: a random walk moves little per step, and a step
     * costs one model evaluation, about what the sweep's other updates cost together.
     */
    static final int DEFAULT_BLOCK_STEPS = 5;

    /** Conjugate kinds this sampler draws in closed form. */
    private static final Set<Conjugacy> DRAWN = Set.of(Conjugacy.BETA_BINOMIAL, Conjugacy.GAMMA_POISSON,
            Conjugacy.NORMAL_NORMAL, Conjugacy.GAMMA_NORMAL_PRECISION, Conjugacy.INVERSE_GAMMA_NORMAL_VARIANCE,
            Conjugacy.DIRICHLET_CATEGORICAL);

    private GibbsPlan() {
    }

    /** Fresh updates (with their own tuning and buffers) for one chain, in sweep order, without blocks. */
    static List<NodeUpdate> updates(CompiledModel compiled) {
        return updates(compiled, List.of(), 0, DEFAULT_BLOCK_STEPS);
    }

    /**
     * Fresh updates (with their own tuning and buffers) for one chain, in sweep order.
     *
     * @param blocks names of parameter nodes to update jointly by Metropolis, one list per block
     * @param warmup warmup iterations, over which the blocks' proposals adapt
     * @throws IllegalArgumentException naming a block member that is not a parameter, or one in two blocks
     */
    static List<NodeUpdate> updates(CompiledModel compiled, List<List<String>> blocks, int warmup, int blockSteps) {
        Model model = compiled.model();
        Map<Node, List<ConjugatePair>> pairsByPrior = new LinkedHashMap<>();
        for (ConjugatePair pair : model.conjugatePairs()) {
            pairsByPrior.computeIfAbsent(pair.prior(), p -> new ArrayList<>()).add(pair);
        }
        Map<Node, List<Node>> blockOf = new LinkedHashMap<>();
        for (List<String> names : blocks) {
            List<Node> members = new ArrayList<>();
            for (String name : names) {
                Node node = model.node(name).filter(n -> model.parameters().contains(n)).orElseThrow(
                        () -> new IllegalArgumentException("block member '" + name + "' is not a parameter of the model; "
                                + "parameters: " + model.parameters().stream().map(Node::name).toList()));
                if (model.discreteParameters().contains(node)) {
                    throw new IllegalArgumentException("block member '" + name + "' is discrete; a Metropolis block"
                            + " moves continuous parameters only (discrete ones are drawn by enumeration)");
                }
                if (blockOf.containsKey(node) || members.contains(node)) {
                    throw new IllegalArgumentException("parameter '" + name + "' is in more than one block");
                }
                members.add(node);
            }
            for (Node member : members) {
                blockOf.put(member, members);
            }
        }
        List<NodeUpdate> updates = new ArrayList<>();
        for (Node parameter : model.parameters()) {
            var block = compiled.unconstrainedBlock(parameter);
            List<Node> members = blockOf.get(parameter);
            if (members != null) {
                Node first = model.parameters().stream().filter(members::contains).findFirst().orElseThrow();
                if (first == parameter) {
                    updates.add(new MetropolisBlockUpdate(
                            members.stream().map(compiled::unconstrainedBlock).toList(), warmup, blockSteps));
                }
                continue;
            }
            if (block.transform().isDiscrete()) {
                updates.add(new EnumerationUpdate(block));
                continue;
            }
            Optional<List<ConjugateUpdate.Link>> links = conjugateLinks(model, parameter,
                    pairsByPrior.getOrDefault(parameter, List.of()));
            if (links.isPresent()) {
                Conjugacy kind = pairsByPrior.get(parameter).get(0).kind();
                updates.add(new ConjugateUpdate(block, kind, links.get()));
            } else if (block.size() > 0) {
                updates.add(new SliceUpdate(block));
            }
        }
        return updates;
    }

    /** One line per update: the node's (or block's) name and its update. */
    static List<String> explain(Model model, List<List<String>> blocks, int blockSteps) {
        return updates(model.compile(), blocks, 0, blockSteps).stream().map(NodeUpdate::explanation).toList();
    }

    /** One line per parameter node, without blocks: its name and its update. */
    static List<String> explain(Model model) {
        return explain(model, List.of(), DEFAULT_BLOCK_STEPS);
    }

    /** The links of a conjugate update of {@code parameter}, or empty if its full conditional is not covered. */
    private static Optional<List<ConjugateUpdate.Link>> conjugateLinks(Model model, Node parameter,
            List<ConjugatePair> pairs) {
        if (pairs.isEmpty()) {
            return Optional.empty();
        }
        Conjugacy kind = pairs.get(0).kind();
        if (!DRAWN.contains(kind) || pairs.stream().anyMatch(p -> p.kind() != kind)) {
            return Optional.empty();
        }
        Set<Node> paired = new HashSet<>();
        List<ConjugateUpdate.Link> links = new ArrayList<>();
        for (ConjugatePair pair : pairs) {
            if (!paired.add(pair.child())) {
                return Optional.empty();
            }
            int[] memberOf = memberOf(parameter, pair);
            if (memberOf == null) {
                return Optional.empty();
            }
            links.add(new ConjugateUpdate.Link(pair.child(), memberOf, pair.multiplier().orElse(null)));
        }
        // Every likelihood term the node enters must be one of the pairs, or the draw would ignore it.
        if (!paired.equals(model.stochasticChildren(parameter))) {
            return Optional.empty();
        }
        return Optional.of(links);
    }

    /** For each member of the pair's child, the member of the parameter it depends on; null if unclear. */
    private static int[] memberOf(Node parameter, ConjugatePair pair) {
        int childSize = pair.child().size();
        int[] memberOf = new int[childSize];
        if (pair.kind() == Conjugacy.DIRICHLET_CATEGORICAL) {
            // One simplex, all of whose members every label depends on: a single joint draw.
            return pair.index().isPresent() ? null : memberOf;
        }
        if (pair.index().isPresent()) {
            int[] index = pair.index().get().gatherIndex().orElseThrow();
            if (index.length != childSize) {
                return null;
            }
            System.arraycopy(index, 0, memberOf, 0, childSize);
        } else if (parameter.size() == childSize) {
            for (int i = 0; i < childSize; i++) {
                memberOf[i] = i;
            }
        } else if (parameter.size() != 1) {
            return null;
        }
        return memberOf;
    }

    /** The node an identity (alias) node stands for. */
    static Node unalias(Node node) {
        Node n = node;
        while (n.operation().orElse(null) == Operation.IDENTITY) {
            n = n.inputs().get(0);
        }
        return n;
    }
}
