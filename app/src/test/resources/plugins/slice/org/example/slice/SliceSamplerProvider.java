package org.example.slice;

import java.util.List;
import org.muster.core.spi.InferenceMethod;
import org.muster.core.spi.InferenceMethodProvider;
import org.muster.core.spi.MethodOption;
import org.muster.core.spi.MethodOptions;

/** Provides {@code slice}: coordinate-wise slice sampling, a test plugin on the chain SPI. */
public final class SliceSamplerProvider implements InferenceMethodProvider {

    static final String ID = "slice";
    private static final MethodOption WIDTH = MethodOption.positive("width", 2.0,
            "initial width of each coordinate's slice interval, on the unconstrained scale");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Coordinate-wise slice sampling with stepping out and shrinkage (test plugin)";
    }

    @Override
    public List<MethodOption> options() {
        return List.of(WIDTH);
    }

    @Override
    public InferenceMethod create(MethodOptions options) {
        options.check(ID, options());
        return new SliceSampler(options.getDouble(WIDTH.name(), 2.0));
    }
}
