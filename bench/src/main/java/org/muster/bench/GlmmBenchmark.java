package org.muster.bench;

import java.util.concurrent.TimeUnit;
import org.muster.core.api.CompiledModel;
import org.muster.core.api.ModelEvaluator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One log-density gradient of the formula model {@code y ~ x + (1 + x | g)} (Bernoulli, logit link) on
 * simulated data, 100 observations per group: N = 10,000 (J = 100) and N = 100,000 (J = 1,000), so the
 * two sizes show how the cost grows with N.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class GlmmBenchmark {

    static final long SEED = 20_261_121L;

    /** Number of observations; groups are a hundredth of it. */
    @Param({"10000", "100000"})
    public int observations;

    private ModelEvaluator evaluator;
    private double[] x;
    private double[] gradient;

    @Setup
    public void setUp() {
        CompiledModel compiled = GlmmLogistic.model(observations / 100, 100, SEED).compile();
        evaluator = compiled.newEvaluator();
        x = RandomPoint.normal(compiled.dimension(), 0.5, SEED);
        gradient = new double[compiled.dimension()];
    }

    /** The log density and its gradient, what one leapfrog step costs. */
    @Benchmark
    public double logDensityGradient() {
        return evaluator.logDensityGradient(x, gradient);
    }
}
