package org.muster.bench;

import static org.muster.core.api.Distributions.normal;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import org.muster.core.api.Fit;
import org.muster.core.api.Model;
import org.muster.core.api.ModelBuilder;
import org.muster.core.spi.FitListener;
import org.muster.core.spi.InferenceMethod;
import org.muster.core.spi.InferenceMethodProvider;
import org.muster.core.spi.MethodOptions;
import org.muster.core.spi.RunConfig;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Time of one NUTS transition, through the {@code nuts} provider as a fit runs it: one chain of
 * {@value #DRAWS} draws with no warmup, a fixed step size and the unit metric, from a fixed seed, so every
 * invocation takes the same trajectories (the same number of leapfrog steps, printed by
 * {@code NutsBenchmarkTest}). On {@code normal-10} (a 10-dimensional standard normal, a gradient of a few
 * nanoseconds) the time is almost all NUTS's own per-step work; on {@code eight-schools} it adds the
 * gradient that {@link EightSchoolsBenchmark} times alone.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class NutsBenchmark {

    static final int DRAWS = 2000;
    static final long SEED = 20_261_121L;

    @Param({"eight-schools", "normal-10"})
    public String model;

    private InferenceMethod nuts;
    private Model target;
    private RunConfig config;

    @Setup
    public void setUp() {
        target = model(model);
        target.compile();
        nuts = method();
        config = config();
    }

    static Model model(String name) {
        if (name.equals("eight-schools")) {
            return EightSchools.model();
        }
        ModelBuilder b = Model.builder();
        b.stochastic("x", 10, normal(0, 1));
        return b.build();
    }

    static InferenceMethod method() {
        InferenceMethodProvider provider = ServiceLoader.load(InferenceMethodProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.id().equals("nuts")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no nuts provider on the class path"));
        return provider.create(MethodOptions.of(Map.of("metric", "unit_e", "stepsize", "0.3")));
    }

    static RunConfig config() {
        return RunConfig.builder().chains(1).warmup(0).draws(DRAWS).seed(SEED).build();
    }

    /** One chain of {@value #DRAWS} transitions, reported per transition. */
    @Benchmark
    @OperationsPerInvocation(DRAWS)
    public Fit transition() {
        return nuts.fit(target, config, FitListener.NONE);
    }
}
