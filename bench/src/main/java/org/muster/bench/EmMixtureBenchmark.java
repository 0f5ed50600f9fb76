package org.muster.bench;

import java.util.concurrent.TimeUnit;
import org.muster.em.api.EmResult;
import org.muster.em.api.ExpectationMaximization;
import org.muster.em.api.GaussianMixture;
import org.muster.em.api.NormalMixtureParameters;
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
 * EM iterations on a one-dimensional 3-component normal mixture ({@link MixtureData}, 10^6 points by
 * default): {@value #ITERATIONS} EM iterations from {@link MixtureData#START} per invocation, reported
 * per iteration. An iteration is one M-step and one E-step (a pass over the data); the run also does
 * the E-step at the start, so the score is (11 E-steps + 10 M-steps) / 10, within 10 % of one
 * iteration. The tolerance is 0 and the start far enough from the maximum that all 10 steps run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class EmMixtureBenchmark {

    static final int ITERATIONS = 10;

    @Param({"1000000"})
    public int points;

    private double[] data;
    private GaussianMixture mixture;

    @Setup
    public void setUp() {
        data = MixtureData.simulate(points);
        mixture = new GaussianMixture(new ExpectationMaximization(ITERATIONS, 0));
    }

    @Benchmark
    @OperationsPerInvocation(ITERATIONS)
    public EmResult<NormalMixtureParameters> emIteration() {
        return mixture.fit(data, MixtureData.START);
    }
}
