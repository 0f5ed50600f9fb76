package org.muster.bench;

import java.util.concurrent.TimeUnit;
import org.muster.core.api.CompiledModel;
import org.muster.core.api.ModelEvaluator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Time of one log-density evaluation of the non-centered eight-schools model (10 coordinates), with
 * and without the gradient, at a fixed random point.
 * One gradient evaluation is what one leapfrog step of HMC or NUTS costs.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class EightSchoolsBenchmark {

    static final long SEED = 20_240_601L;

    private ModelEvaluator evaluator;
    private double[] x;
    private double[] gradient;

    @Setup
    public void setUp() {
        CompiledModel compiled = EightSchools.model().compile();
        evaluator = compiled.newEvaluator();
        x = RandomPoint.normal(compiled.dimension(), 1.0, SEED);
        gradient = new double[compiled.dimension()];
    }

    /** The log density and its gradient (the gradient stays in a field, so it cannot be optimized away). */
    @Benchmark
    public double logDensityGradient() {
        return evaluator.logDensityGradient(x, gradient);
    }

    /** The log density alone: the forward sweep only. */
    @Benchmark
    public double logDensity() {
        return evaluator.logDensity(x);
    }
}
