package org.muster.samplers.internal.hmc;

import java.util.random.RandomGenerator;
import org.muster.core.api.LogDensity;
import org.muster.core.spi.InferenceMethod;
import org.muster.core.spi.InferenceMethodProvider;
import org.muster.core.spi.MethodOptions;
import org.muster.samplers.internal.chains.ChainRunner;

/** What NUTS and static HMC share: options, the chain's assembly and the run. */
abstract class HamiltonianProvider implements InferenceMethodProvider {

    /** Whether this provider's engine is NUTS (else static HMC). */
    abstract boolean nuts();

    @Override
    public InferenceMethod create(MethodOptions methodOptions) {
        HamiltonianOptions options = HamiltonianOptions.parse(id(), nuts(), methodOptions);
        return (model, config, listener) -> {
            model.requireNoDiscreteParameters(id());
            return ChainRunner.run(id(), options.settings(config.warmup()), true, model, config, listener,
                    (target, random, init) -> chain(options, target, random, init, config.warmup()));
        };
    }

    /** Assembles one chain: metric, kernel, adaptation. */
    static HamiltonianChain chain(HamiltonianOptions options, LogDensity target, RandomGenerator random, double[] init,
            int warmup) {
        int d = target.dimension();
        Metric metric = options.metric().equals("dense_e") ? DenseMetric.unit(d) : DiagonalMetric.unit(d);
        HamiltonianSystem system = new HamiltonianSystem(target, metric);
        HamiltonianKernel kernel = options.nuts() ? new NutsKernel(system, random, options.maxDepth())
                : new StaticHmcKernel(system, random, options.integrationTime());
        // The unit metric is never re-estimated: its schedule has no slow windows.
        boolean adaptMetric = !options.metric().equals("unit_e");
        WarmupSchedule schedule = new WarmupSchedule(adaptMetric ? warmup : 0, options.initBuffer(), options.termBuffer(),
                options.window());
        return new HamiltonianChain(system, kernel, random, init, new StepSizeAdaptation(options.adaptDelta()), schedule,
                options.stepSize(), options.adaptEngaged() ? warmup : 0);
    }
}
