package org.muster.samplers.internal.gibbs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.muster.core.api.Model;
import org.muster.core.spi.InferenceMethod;
import org.muster.core.spi.InferenceMethodProvider;
import org.muster.core.spi.MethodOptions;
import org.muster.samplers.internal.chains.ChainRunner;

/**
 * Provides {@code gibbs}: a sweep over the parameter nodes, each drawn in closed form where its
 * children are conjugate to it and slice-sampled otherwise; no gradient is needed. {@link #explain}
 * lists the update each node gets.
 */
public final class GibbsProvider implements InferenceMethodProvider {

    static final String ID = "gibbs";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Gibbs sampling: conjugate closed-form draws where the graph allows, slice sampling elsewhere";
    }

    @Override
    public List<String> explain(Model model) {
        return GibbsPlan.explain(model);
    }

    @Override
    public InferenceMethod create(MethodOptions options) {
        options.requireKnown(ID, Set.of());
        return (model, config, listener) -> {
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("algorithm", ID);
            settings.put("updates", String.join("; ", GibbsPlan.explain(model)));
            return ChainRunner.run(ID, settings, false, model, config, listener,
                    (target, random, init) -> new GibbsChain(target, random, init, GibbsPlan.updates(model.compile())));
        };
    }
}
