package org.muster.samplers.internal.hmc;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.muster.core.api.LogDensity;
import org.muster.core.api.Model;
import org.muster.core.spi.ChainTarget;
import org.muster.core.spi.InferenceMethodProvider;
import org.muster.core.spi.MarkovChain;
import org.muster.core.spi.MarkovChainMethod;
import org.muster.core.spi.MethodOption;
import org.muster.core.spi.MethodOptions;
import org.muster.core.spi.RunConfig;

/** What NUTS and static HMC share: options and the chain's assembly; the shared chain runner runs them. */
abstract class HamiltonianProvider implements InferenceMethodProvider {

    /** Whether this provider's engine is NUTS (else static HMC). */
    abstract boolean nuts();

    @Override
    public List<MethodOption> options() {
        return HamiltonianOptions.declared(nuts());
    }

    @Override
    public MarkovChainMethod create(MethodOptions methodOptions) {
        HamiltonianOptions options = HamiltonianOptions.parse(id(), nuts(), methodOptions);
        String id = id();
        return new MarkovChainMethod() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public Map<String, String> settings(Model model, RunConfig config) {
                return options.settings(config.warmup());
            }

            @Override
            public boolean usesGradient() {
                return true;
            }

            @Override
            public MarkovChain newChain(ChainTarget target, RandomGenerator random, double[] initialPoint,
                    RunConfig config) {
                return chain(options, target.evaluator(), random, initialPoint, config.warmup());
            }
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
