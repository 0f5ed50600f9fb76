package org.muster.samplers.internal.collapsed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.muster.core.api.ChainReport;
import org.muster.core.api.CompiledModel;
import org.muster.core.api.Draws;
import org.muster.core.api.Model;
import org.muster.core.api.Node;
import org.muster.core.api.NodeKind;
import org.muster.core.api.PosteriorDraws;
import org.muster.core.api.conjugate.CollapsibleLayer;
import org.muster.core.api.conjugate.LinearGaussianLayer;
import org.muster.core.spi.FitListener;
import java.util.random.RandomGenerator;
import org.muster.core.spi.ChainRunner;
import org.muster.core.spi.ChainTarget;
import org.muster.core.spi.InferenceMethod;
import org.muster.core.spi.MarkovChain;
import org.muster.core.spi.MarkovChainMethod;
import org.muster.core.spi.MethodOption;
import org.muster.core.spi.InferenceMethodProvider;
import org.muster.core.spi.MethodOptions;
import org.muster.core.spi.RunConfig;
import org.muster.samplers.internal.hmc.NutsChains;

/**
 * Provides {@code collapsed}: the model's unit layer (beta-binomial, gamma-Poisson, normal-normal, or
 * the Gaussian group effects of a linear mixed model), found in the graph, is integrated out in closed
 * form; NUTS with Stan's warmup samples the remaining parameters from their marginal posterior, and after
 * each transition every unit is drawn exactly from its conditional (BDA3 §5.3 and §5.5). Options are
 * NUTS's. The draws hold every output of the model, as {@code nuts} gives them, and the
 * Rao–Blackwellized conditional means of the outputs affine in the layer.
 */
public final class CollapsedProvider implements InferenceMethodProvider {

    static final String ID = "collapsed";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Collapsed NUTS: the unit layer (beta-binomial, gamma-Poisson, normal-normal, linear mixed model group"
                + " effects) integrated out in closed form, NUTS on the hyperparameters' marginal posterior, units drawn"
                + " exactly from their conditionals after each transition; NUTS's options";
    }

    @Override
    public List<String> explain(Model model, MethodOptions options) {
        List<CollapsibleLayer> layers = requireLayers(model);
        List<String> lines = new ArrayList<>();
        for (CollapsibleLayer layer : layers) {
            lines.add(layer.parameter().name() + ": integrated out in closed form (" + layer.describe()
                    + "), drawn exactly from its conditional after each transition");
        }
        List<String> remaining = remaining(model, layers);
        lines.add(remaining.isEmpty() ? "no other parameters: every draw is exact and independent"
                : String.join(", ", remaining) + ": NUTS on their marginal posterior");
        return lines;
    }

    private static List<String> remaining(Model model, List<CollapsibleLayer> layers) {
        Set<Node> integrated = layers.stream().map(CollapsibleLayer::parameter).collect(Collectors.toSet());
        return model.parameters().stream().filter(p -> !integrated.contains(p)).map(Node::name).toList();
    }

    /** NUTS's options: they tune the chain on the marginal posterior. */
    @Override
    public List<MethodOption> options() {
        return NutsChains.declared();
    }

    @Override
    public InferenceMethod create(MethodOptions options) {
        options.check(ID, options());
        NutsChains nuts = NutsChains.parse(ID, options);
        return (model, config, listener) -> fit(nuts, model, config, listener);
    }

    private static PosteriorDraws fit(NutsChains nuts, Model model, RunConfig config, FitListener listener) {
        model.requireNoDiscreteParameters(ID);
        List<CollapsibleLayer> layers = requireLayers(model);
        CompiledModel compiled = model.compile();
        int[] free = MarginalDensity.freeCoordinates(compiled, layers);
        List<Integer> conditional = conditionalOutputs(model, compiled, layers);
        List<String> conditionalNames = conditional.stream().map(compiled.outputNames()::get).toList();
        Draws.Builder conditionalMeans = Draws.builder(conditionalNames, config.chains(), config.draws(), config.storage());
        int[] outputs = conditional.stream().mapToInt(Integer::intValue).toArray();
        Map<String, String> settings = new LinkedHashMap<>(nuts.settings(config.warmup()));
        settings.put("collapsed", layers.stream().map(CollapsibleLayer::describe).collect(Collectors.joining("; ")));
        // the shared runner runs the chains; this fit's own state (the conditional means) is the chains'
        MarkovChainMethod chains = new MarkovChainMethod() {
            @Override
            public String id() {
                return ID;
            }

            @Override
            public Map<String, String> settings(Model m, RunConfig c) {
                return settings;
            }

            @Override
            public boolean usesGradient() {
                return true;
            }

            @Override
            public MarkovChain newChain(ChainTarget target, RandomGenerator random, double[] initialPoint,
                    RunConfig c) {
                return new CollapsedChain((marginal, stream, phi) -> nuts.newChain(marginal, stream, phi, c.warmup()),
                        new MarginalDensity(compiled, layers, free), target.evaluator(), random, initialPoint, free,
                        outputs, conditionalMeans, target.chain());
            }
        };
        PosteriorDraws draws = ChainRunner.run(chains, model, config, listener);
        Optional<Draws> means = Optional.empty();
        if (!conditionalNames.isEmpty()) {
            int[] kept = draws.chains().stream().mapToInt(ChainReport::chain).map(c -> c - 1).toArray();
            means = Optional.of(conditionalMeans.build(kept));
        }
        return new PosteriorDraws(draws.methodId(), draws.draws(), draws.samplerStatistics(), draws.chains(),
                draws.cancelled(), draws.settings(), means);
    }

    /**
     * The model's collapsible layers.
     *
     * @throws IllegalArgumentException saying which node would need to be conjugate, if there is none
     */
    static List<CollapsibleLayer> requireLayers(Model model) {
        List<CollapsibleLayer> layers = CollapsibleLayer.findAll(model);
        if (!layers.isEmpty()) {
            return layers;
        }
        throw new IllegalArgumentException(ID + " needs a layer of unit"
                + " parameters to integrate out in closed form: a parameter whose only stochastic child is an observed"
                + " node conjugate to it (beta-binomial or bernoulli, gamma-Poisson with exposures, normal-normal with"
                + " known sds) or normal effects entering a normal mean linearly (gaussian mixed models); this model has"
                + " none: " + diagnosis(model));
    }

    /** Why the likeliest unit parameters (the largest vectors) are not a layer. */
    private static String diagnosis(Model model) {
        int largest = model.parameters().stream().mapToInt(Node::size).max().orElse(0);
        List<String> reasons = new ArrayList<>();
        for (Node p : model.parameters()) {
            if (p.size() != largest) {
                continue;
            }
            Set<Node> children = model.stochasticChildren(p);
            String family = p.distribution().orElseThrow().name();
            if (p.distribution().orElseThrow() instanceof org.muster.core.api.distributions.Normal) {
                reasons.add(LinearGaussianLayer.whyNot(model, p).orElse(p.name() + " is not a layer"));
            } else if (children.size() != 1 || children.iterator().next().kind() != NodeKind.OBSERVED) {
                reasons.add(p.name() + " ~ " + family + " enters " + children.stream().map(Node::name)
                        .collect(Collectors.joining(", ")) + ", not one observed node");
            } else {
                Node child = children.iterator().next();
                reasons.add(child.name() + " ~ " + child.distribution().orElseThrow().name() + " is not conjugate to "
                        + p.name() + " ~ " + family + " (it would need to be " + conjugateChild(family) + ")");
            }
        }
        return reasons.isEmpty() ? "it has no parameters" : String.join("; ", reasons);
    }

    private static String conjugateChild(String family) {
        return switch (family) {
            case "beta" -> "binomial or bernoulli with the unit's value as its probability";
            case "gamma" -> "poisson with the unit's value (times data exposures) as its rate";
            default -> "binomial under a beta, poisson under a gamma, or normal under a normal";
        };
    }

    /**
     * The model's outputs affine in one layer's parameter (that depend on it and no other layer's): at the
     * layers' conditional means they take their own conditional means.
     */
    private static List<Integer> conditionalOutputs(Model model, CompiledModel compiled, List<CollapsibleLayer> layers) {
        List<Integer> out = new ArrayList<>();
        int k = 0;
        for (Node node : model.nodes()) {
            if (!node.isNamed() || (node.kind() != NodeKind.PARAMETER && node.kind() != NodeKind.DETERMINISTIC)) {
                continue;
            }
            List<Node> entered = layers.stream().map(CollapsibleLayer::parameter).filter(p -> model.dependsOn(node, p))
                    .toList();
            boolean affine = entered.size() == 1 && LinearGaussianLayer.isAffineIn(model, node, entered.get(0));
            for (int i = 0; i < node.size(); i++) {
                if (affine) {
                    out.add(k);
                }
                k++;
            }
        }
        if (k != compiled.outputNames().size()) {
            throw new IllegalStateException("outputs " + k + " != " + compiled.outputNames().size());
        }
        return out;
    }
}
