package org.muster.samplers.internal.hmc;

import java.util.Map;
import java.util.random.RandomGenerator;
import org.muster.core.api.LogDensity;
import org.muster.core.spi.MethodOptions;
import org.muster.core.spi.MarkovChain;

/**
 * NUTS chains with Stan's warmup on any log density, for methods that run NUTS on a target of their own
 * (collapsed inference: the marginal posterior of the hyperparameters). Same options, settings and chain
 * as {@code nuts}.
 */
public final class NutsChains {

    private final HamiltonianOptions options;

    private NutsChains(HamiltonianOptions options) {
        this.options = options;
    }

    /**
     * Reads NUTS's options ({@code adapt_delta}, {@code max_depth}, {@code metric}, ...) for a method.
     *
     * @throws IllegalArgumentException naming an unknown or bad option
     */
    public static NutsChains parse(String methodId, MethodOptions methodOptions) {
        return new NutsChains(HamiltonianOptions.parse(methodId, true, methodOptions));
    }

    /** NUTS's options, as {@code nuts} declares them. */
    public static java.util.List<org.muster.core.spi.MethodOption> declared() {
        return HamiltonianOptions.declared(true);
    }

    /** The settings as CmdStan writes them, as {@code nuts} reports them. */
    public Map<String, String> settings(int warmup) {
        return options.settings(warmup);
    }

    /**
     * One chain: metric, kernel and adaptation, as {@code nuts} assembles them.
     *
     * @param initialPoint not modified: a point with a finite log density and gradient
     */
    public MarkovChain newChain(LogDensity target, RandomGenerator random, double[] initialPoint, int warmup) {
        return HamiltonianProvider.chain(options, target, random, initialPoint, warmup);
    }
}
