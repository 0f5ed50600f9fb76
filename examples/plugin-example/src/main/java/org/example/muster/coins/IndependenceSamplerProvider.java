package org.example.muster.coins;

import java.util.Set;
import org.muster.core.spi.InferenceMethod;
import org.muster.core.spi.InferenceMethodProvider;
import org.muster.core.spi.MethodOptions;

/** Provides {@code independence}: an independence Metropolis–Hastings sampler with a normal proposal. */
public final class IndependenceSamplerProvider implements InferenceMethodProvider {

    static final String ID = "independence";
    private static final String SCALE = "scale";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Independence Metropolis-Hastings, normal proposal fitted in warmup (example plugin; small models only)";
    }

    @Override
    public InferenceMethod create(MethodOptions options) {
        options.requireKnown(ID, Set.of(SCALE));
        double scale = options.getDouble(SCALE, 1.5);
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("option " + SCALE + " of method " + ID + " must be a positive number, got "
                    + scale);
        }
        return new IndependenceSampler(scale);
    }
}
