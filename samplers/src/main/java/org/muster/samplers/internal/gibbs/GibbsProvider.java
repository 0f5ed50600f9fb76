package org.muster.samplers.internal.gibbs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.muster.core.api.Model;
import org.muster.core.api.Node;
import org.muster.core.spi.ChainTarget;
import org.muster.core.spi.InferenceMethodProvider;
import org.muster.core.spi.MarkovChain;
import org.muster.core.spi.MarkovChainMethod;
import org.muster.core.spi.MethodOption;
import org.muster.core.spi.MethodOptions;
import org.muster.core.spi.RunConfig;

/**
 * Provides {@code gibbs}: a sweep over the parameter nodes, each drawn in closed form where its
 * children are conjugate to it and slice-sampled otherwise; no gradient is needed. {@link #explain}
 * lists the update each node gets. Nodes the model marks with {@code ModelBuilder.updateJointly}, or
 * those the option {@code block=mean,concentration} names (blocks separated by {@code ;}; {@code none}
 * for no blocks), are updated jointly by an adaptive random-walk Metropolis step instead.
 */
public final class GibbsProvider implements InferenceMethodProvider {

    static final String ID = "gibbs";
    /** Option naming Metropolis blocks: node names separated by commas, blocks by semicolons. */
    static final String BLOCK = "block";
    /** Option: Metropolis steps per sweep of each block. */
    static final String BLOCK_STEPS = "block_steps";
    private static final List<MethodOption> OPTIONS = List.of(
            MethodOption.text(BLOCK, null, "nodes updated jointly by a Metropolis step: names separated by commas, blocks"
                    + " by ';', none for no blocks (default: the blocks the model marks)"),
            MethodOption.integer(BLOCK_STEPS, GibbsPlan.DEFAULT_BLOCK_STEPS, 1,
                    "Metropolis steps per sweep for each block"));

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Gibbs sampling: conjugate closed-form draws where the graph allows, slice sampling elsewhere";
    }

    @Override
    public List<MethodOption> options() {
        return OPTIONS;
    }

    @Override
    public List<String> explain(Model model, MethodOptions options) {
        options.check(ID, OPTIONS);
        return GibbsPlan.explain(model, blocks(model, options.asMap().get(BLOCK)),
                options.getInt(BLOCK_STEPS, GibbsPlan.DEFAULT_BLOCK_STEPS, 1));
    }

    @Override
    public MarkovChainMethod create(MethodOptions options) {
        options.check(ID, OPTIONS);
        String blockOption = options.asMap().get(BLOCK);
        int blockSteps = options.getInt(BLOCK_STEPS, GibbsPlan.DEFAULT_BLOCK_STEPS, 1);
        return new MarkovChainMethod() {
            @Override
            public String id() {
                return ID;
            }

            @Override
            public Map<String, String> settings(Model model, RunConfig config) {
                Map<String, String> settings = new LinkedHashMap<>();
                settings.put("algorithm", ID);
                settings.put("updates", String.join("; ", GibbsPlan.explain(model, blocks(model, blockOption),
                        blockSteps)));
                return settings;
            }

            @Override
            public boolean usesGradient() {
                return false;
            }

            @Override
            public boolean updatesDiscreteParameters() {
                return true;
            }

            @Override
            public MarkovChain newChain(ChainTarget target, RandomGenerator random, double[] initialPoint,
                    RunConfig config) {
                List<List<String>> blocks = blocks(target.compiled().model(), blockOption);
                return new GibbsChain(target.evaluator(), random, initialPoint, GibbsPlan.updates(target.compiled(),
                        blocks, config.warmup(), blockSteps));
            }
        };
    }

    /**
     * The Metropolis blocks: the user's option when given ({@code none} for no blocks), else the blocks
     * the model's author marked ({@link Model#updateBlocks()}).
     */
    static List<List<String>> blocks(Model model, String option) {
        if (option == null) {
            return model.updateBlocks().stream().map(block -> block.stream().map(Node::name).toList()).toList();
        }
        return option.strip().equals("none") ? List.of() : blocks(option);
    }

    /** Parses {@code "a,b;c,d"} into blocks [[a, b], [c, d]]. */
    static List<List<String>> blocks(String text) {
        List<List<String>> blocks = new java.util.ArrayList<>();
        for (String block : text.split(";")) {
            List<String> names = java.util.Arrays.stream(block.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                    .toList();
            if (!names.isEmpty()) {
                blocks.add(names);
            }
        }
        return List.copyOf(blocks);
    }
}
