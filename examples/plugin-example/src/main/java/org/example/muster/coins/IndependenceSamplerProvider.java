package org.example.muster.coins;

import java.util.List;
import org.muster.core.spi.InferenceMethod;
import org.muster.core.spi.InferenceMethodProvider;
import org.muster.core.spi.MethodOption;
import org.muster.core.spi.MethodOptions;

/** Provides {@code independence}: an independence Metropolis–Hastings sampler with a normal proposal. */
public final class IndependenceSamplerProvider implements InferenceMethodProvider {

    static final String ID = "independence";
    private static final MethodOption SCALE = MethodOption.positive("scale", 1.5,
            "how much wider than the warmup states' spread the proposal is");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Independence Metropolis-Hastings, normal proposal fitted in warmup (example plugin; small models only)";
    }

    /** The one option, {@code scale}, declared so that the application can list it and check a value before fitting. */
    @Override
    public List<MethodOption> options() {
        return List.of(SCALE);
    }

    @Override
    public InferenceMethod create(MethodOptions options) {
        options.check(ID, options());
        return new IndependenceSampler(options.getDouble(SCALE.name(), 1.5));
    }
}
