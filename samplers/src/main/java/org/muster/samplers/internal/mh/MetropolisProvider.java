package org.muster.samplers.internal.mh;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.muster.core.spi.InferenceMethod;
import org.muster.core.spi.InferenceMethodProvider;
import org.muster.core.spi.MethodOptions;
import org.muster.samplers.internal.chains.ChainRunner;

/** Provides {@code mh}: adaptive random-walk Metropolis on the unconstrained space. */
public final class MetropolisProvider implements InferenceMethodProvider {

    static final String ID = "mh";
    private static final String TARGET_ACCEPT = "target_accept";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Adaptive random-walk Metropolis on the unconstrained space (scale and widths tuned in warmup)";
    }

    private static Map<String, String> settings(double targetAcceptance) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("algorithm", "rwm");
        settings.put("target_accept", targetAcceptance > 0 ? Double.toString(targetAcceptance) : "0.234 (0.44 in 1-d)");
        return settings;
    }

    @Override
    public InferenceMethod create(MethodOptions options) {
        options.requireKnown(ID, Set.of(TARGET_ACCEPT));
        double targetAcceptance = options.getDouble(TARGET_ACCEPT, -1);
        if (targetAcceptance != -1 && !(targetAcceptance > 0 && targetAcceptance < 1)) {
            throw new IllegalArgumentException("option " + TARGET_ACCEPT + " must be in (0, 1), got " + targetAcceptance);
        }
        return (model, config, listener) -> ChainRunner.run(ID, settings(targetAcceptance), false, model, config, listener,
                (target, random, init) -> new MetropolisChain(target, random, init, config.warmup(), targetAcceptance));
    }
}
