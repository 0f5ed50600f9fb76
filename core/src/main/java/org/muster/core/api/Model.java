package org.muster.core.api;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.muster.core.api.distributions.Bernoulli;
import org.muster.core.api.distributions.Beta;
import org.muster.core.api.distributions.Binomial;
import org.muster.core.api.distributions.Categorical;
import org.muster.core.api.distributions.Dirichlet;
import org.muster.core.api.distributions.DistributionKernel;
import org.muster.core.api.distributions.Gamma;
import org.muster.core.api.distributions.InverseGamma;
import org.muster.core.api.distributions.Normal;
import org.muster.core.api.distributions.Poisson;
import org.muster.core.internal.Compiler;
import org.muster.core.internal.NodeSpec;

/**
 * An immutable directed acyclic graph of data, stochastic and deterministic nodes: a hierarchical
 * model. Build one with {@link #builder()}, compile it to a log density with {@link #compile()}, and
 * ask it the structural questions samplers need (parents, children, Markov blankets, conjugate pairs).
 */
public final class Model {

    private final List<Node> nodes;
    private final Map<String, Node> byName = new HashMap<>();
    private final List<List<Node>> children;
    /** For each node, the ids of the parameter nodes it depends on (itself included for parameters). */
    private final BitSet[] parameterAncestors;
    private final List<List<Node>> updateBlocks;
    private volatile CompiledModel compiled;

    Model(List<Node> nodes, List<List<Node>> updateBlocks) {
        this.nodes = List.copyOf(nodes);
        this.updateBlocks = updateBlocks.stream().map(List::copyOf).toList();
        List<List<Node>> kids = new ArrayList<>();
        parameterAncestors = new BitSet[nodes.size()];
        for (Node node : this.nodes) {
            kids.add(new ArrayList<>());
            if (node.isNamed()) {
                byName.put(node.name(), node);
            }
            BitSet ancestors = new BitSet();
            for (Node input : node.inputs()) {
                kids.get(input.id()).add(node);
                ancestors.or(parameterAncestors[input.id()]);
            }
            if (node.kind() == NodeKind.PARAMETER) {
                ancestors.set(node.id());
            }
            parameterAncestors[node.id()] = ancestors;
        }
        List<List<Node>> frozen = new ArrayList<>();
        for (List<Node> k : kids) {
            frozen.add(Collections.unmodifiableList(k));
        }
        this.children = Collections.unmodifiableList(frozen);
    }

    /** A new, empty builder. */
    public static ModelBuilder builder() {
        return new ModelBuilder();
    }

    /**
     * The blocks of parameters the model's author marked to be updated jointly by samplers that update
     * one node at a time ({@link ModelBuilder#updateJointly}); empty when none.
     */
    public List<List<Node>> updateBlocks() {
        return updateBlocks;
    }

    /** All nodes in creation (topological) order, anonymous expression nodes included. */
    public List<Node> nodes() {
        return nodes;
    }

    /** The named node with this name. */
    public Optional<Node> node(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The named node with this name, or an exception listing the names there are. */
    public Node requireNode(String name) {
        Node node = byName.get(name);
        if (node == null) {
            throw new IllegalArgumentException("no node named '" + name + "'; the model has " + byName.keySet());
        }
        return node;
    }

    /** The free parameters in creation order. */
    public List<Node> parameters() {
        return nodes.stream().filter(n -> n.kind() == NodeKind.PARAMETER).toList();
    }

    /**
     * The parameters with a discrete distribution (mixture indicators, counts): only methods that
     * update them by whole steps, such as Gibbs, can fit a model that has them.
     */
    public List<Node> discreteParameters() {
        return parameters().stream()
                .filter(n -> n.distribution().map(d -> d.support().isDiscrete()).orElse(false)).toList();
    }

    /**
     * Throws unless the model has no discrete parameters, for methods that need a gradient.
     *
     * @param methodId the method, for the message
     * @throws IllegalArgumentException naming the discrete parameters and what to do instead
     */
    public void requireNoDiscreteParameters(String methodId) {
        List<Node> discrete = discreteParameters();
        if (!discrete.isEmpty()) {
            throw new IllegalArgumentException(methodId + " cannot fit discrete parameters: "
                    + discrete.stream().map(n -> n.name() + " ~ " + n.distribution().orElseThrow().name()).toList()
                    + "; use --method gibbs (it updates them by enumerating their values), or marginalize them out");
        }
    }

    /** The direct inputs of a node (operands or distribution arguments). */
    public List<Node> parents(Node node) {
        return node.inputs();
    }

    /** The nodes that take this node as a direct input. */
    public List<Node> children(Node node) {
        return children.get(node.id());
    }

    /** Whether {@code node}'s value changes with parameter {@code parameter}. */
    public boolean dependsOn(Node node, Node parameter) {
        return parameterAncestors[node.id()].get(parameter.id());
    }

    /** Whether a node's value is fixed by the data alone (depends on no parameter). */
    public boolean isDataOnly(Node node) {
        return parameterAncestors[node.id()].isEmpty();
    }

    /** The nearest stochastic nodes a node depends on, looking through deterministic nodes. */
    public Set<Node> stochasticParents(Node node) {
        Set<Node> out = new LinkedHashSet<>();
        for (Node input : node.inputs()) {
            collectStochasticAncestors(input, out);
        }
        return out;
    }

    /** The nearest stochastic nodes that depend on a node, looking through deterministic nodes. */
    public Set<Node> stochasticChildren(Node node) {
        Set<Node> out = new LinkedHashSet<>();
        for (Node child : children(node)) {
            collectStochasticDescendants(child, out);
        }
        return out;
    }

    /**
     * The Markov blanket of a stochastic node: its stochastic parents, its stochastic children and the
     * children's other stochastic parents. Given these, the node is independent of the rest of the graph.
     */
    public Set<Node> markovBlanket(Node node) {
        Set<Node> out = new LinkedHashSet<>(stochasticParents(node));
        for (Node child : stochasticChildren(node)) {
            out.add(child);
            out.addAll(stochasticParents(child));
        }
        out.remove(node);
        return out;
    }

    /** Every conjugate prior–child pair in the graph, in creation order of the children. */
    public List<ConjugatePair> conjugatePairs() {
        List<ConjugatePair> pairs = new ArrayList<>();
        for (Node child : nodes) {
            if (!child.isStochastic()) {
                continue;
            }
            DistributionKernel k = child.distribution().orElseThrow();
            if (k instanceof Binomial) {
                directLink(child, 1, Beta.class, Conjugacy.BETA_BINOMIAL, false).ifPresent(pairs::add);
            } else if (k instanceof Bernoulli) {
                directLink(child, 0, Beta.class, Conjugacy.BETA_BINOMIAL, false).ifPresent(pairs::add);
            } else if (k instanceof Poisson) {
                directLink(child, 0, Gamma.class, Conjugacy.GAMMA_POISSON, true).ifPresent(pairs::add);
            } else if (k instanceof Categorical) {
                directLink(child, 0, Dirichlet.class, Conjugacy.DIRICHLET_CATEGORICAL, false).ifPresent(pairs::add);
            } else if (k instanceof Normal) {
                directLink(child, 0, Normal.class, Conjugacy.NORMAL_NORMAL, false).ifPresent(pairs::add);
                scaleLink(child).ifPresent(pairs::add);
            }
        }
        return pairs;
    }

    /**
     * Compiles the graph into a flat program with reverse-mode gradient (done once and cached).
     *
     * @throws IllegalArgumentException if a parameter cannot be sampled on an unconstrained space (a
     *     discrete parameter, a uniform prior with parameter-dependent bounds), naming the node
     */
    public CompiledModel compile() {
        CompiledModel c = compiled;
        if (c == null) {
            synchronized (this) {
                c = compiled;
                if (c == null) {
                    c = new CompiledModel(this, Compiler.compile(specifications()));
                    compiled = c;
                }
            }
        }
        return c;
    }

    // ---- internals ----

    private List<NodeSpec> specifications() {
        List<NodeSpec> specs = new ArrayList<>(nodes.size());
        for (Node node : nodes) {
            specs.add(new NodeSpec(node.id(), node.name(), NodeSpec.Kind.valueOf(node.kind().name()),
                    node.shape().rows(), node.shape().columns(),
                    node.operation().map(o -> NodeSpec.OpCode.valueOf(o.name())).orElse(null),
                    node.distribution().orElse(null), node.inputs().stream().mapToInt(Node::id).toArray(),
                    node.valuesShared(), node.indexShared(), isDataOnly(node), node.function().orElse(null)));
        }
        return specs;
    }

    private void collectStochasticAncestors(Node node, Set<Node> out) {
        if (node.isStochastic()) {
            out.add(node);
        } else if (node.kind() == NodeKind.DETERMINISTIC) {
            for (Node input : node.inputs()) {
                collectStochasticAncestors(input, out);
            }
        }
    }

    private void collectStochasticDescendants(Node node, Set<Node> out) {
        if (node.isStochastic()) {
            out.add(node);
        } else {
            for (Node child : children(node)) {
                collectStochasticDescendants(child, out);
            }
        }
    }

    private static Node unalias(Node node) {
        Node n = node;
        while (n.operation().orElse(null) == Operation.IDENTITY) {
            n = n.inputs().get(0);
        }
        return n;
    }

    private boolean otherArgumentsFree(Node child, int argument, Node prior) {
        for (int i = 0; i < child.inputs().size(); i++) {
            if (i != argument && dependsThroughDeterministic(child.inputs().get(i), prior)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code node} is {@code prior} or computed from it through deterministic nodes only. A
     * stochastic node in between is conditioned on in a full conditional (as mu in y ~ N(mu, tau^-1/2)
     * with mu ~ N(m, tau^-1/2)), so it does not break conjugacy the way a deterministic function does.
     */
    private boolean dependsThroughDeterministic(Node node, Node prior) {
        if (node == prior) {
            return true;
        }
        if (node.kind() != NodeKind.DETERMINISTIC || !dependsOn(node, prior)) {
            return false;
        }
        for (Node input : node.inputs()) {
            if (dependsThroughDeterministic(input, prior)) {
                return true;
            }
        }
        return false;
    }

    /** Matches argument {@code argument} of {@code child} as {@code P}, {@code P.at(idx)} or (if allowed) {@code e * P}. */
    private Optional<ConjugatePair> directLink(Node child, int argument, Class<? extends DistributionKernel> priorKernel,
            Conjugacy kind, boolean allowMultiplier) {
        Node arg = unalias(child.inputs().get(argument));
        Node multiplier = null;
        if (allowMultiplier && arg.operation().orElse(null) == Operation.MULTIPLY) {
            Node a = unalias(arg.inputs().get(0));
            Node b = unalias(arg.inputs().get(1));
            if (isDataOnly(a) && !isDataOnly(b)) {
                multiplier = a;
                arg = b;
            } else if (isDataOnly(b) && !isDataOnly(a)) {
                multiplier = b;
                arg = a;
            } else {
                return Optional.empty();
            }
        }
        Node gather = null;
        if (arg.operation().orElse(null) == Operation.GATHER) {
            gather = arg;
            arg = unalias(arg.inputs().get(0));
        }
        if (arg.kind() != NodeKind.PARAMETER || !priorKernel.isInstance(arg.distribution().orElseThrow())) {
            return Optional.empty();
        }
        if (!otherArgumentsFree(child, argument, arg)) {
            return Optional.empty();
        }
        return Optional.of(new ConjugatePair(arg, child, kind, Optional.ofNullable(gather), Optional.ofNullable(multiplier)));
    }

    /** Matches a normal child's scale as {@code P^(-1/2)}, {@code 1/sqrt(P)} (gamma precision) or {@code sqrt(P)} (inverse-gamma variance). */
    private Optional<ConjugatePair> scaleLink(Node child) {
        Node sigma = unalias(child.inputs().get(1));
        Operation op = sigma.operation().orElse(null);
        Node prior = null;
        Conjugacy kind = null;
        if (op == Operation.SQRT) {
            prior = unalias(sigma.inputs().get(0));
            kind = Conjugacy.INVERSE_GAMMA_NORMAL_VARIANCE;
        } else if (op == Operation.POW && isConstant(unalias(sigma.inputs().get(1)), -0.5)) {
            prior = unalias(sigma.inputs().get(0));
            kind = Conjugacy.GAMMA_NORMAL_PRECISION;
        } else if (op == Operation.DIVIDE && isConstant(unalias(sigma.inputs().get(0)), 1.0)
                && unalias(sigma.inputs().get(1)).operation().orElse(null) == Operation.SQRT) {
            prior = unalias(unalias(sigma.inputs().get(1)).inputs().get(0));
            kind = Conjugacy.GAMMA_NORMAL_PRECISION;
        }
        if (prior == null || prior.kind() != NodeKind.PARAMETER || !prior.shape().isScalar()) {
            return Optional.empty();
        }
        DistributionKernel k = prior.distribution().orElseThrow();
        boolean matches = kind == Conjugacy.GAMMA_NORMAL_PRECISION ? k instanceof Gamma : k instanceof InverseGamma;
        if (!matches || !otherArgumentsFree(child, 1, prior)) {
            return Optional.empty();
        }
        return Optional.of(new ConjugatePair(prior, child, kind, Optional.empty(), Optional.empty()));
    }

    private static boolean isConstant(Node node, double value) {
        return node.kind() == NodeKind.DATA && node.size() == 1 && node.valuesShared()[0] == value;
    }
}
