package org.muster.bench;

import java.util.concurrent.TimeUnit;
import org.muster.diagnostics.api.Convergence;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * How the cost of one ESS grows with the chain length, for slowly mixing chains (AR(1), 0.99) whose
 * Geyer sequence runs to long lags: autocovariances by FFT grow as n log n, where direct sums over all
 * lags would grow as n^2 (16 times the draws: about 16 to 20 times the time, not 256 times).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EssScalingBenchmark {

    @Param({"1000", "4000", "16000"})
    public int drawsPerChain;

    private double[][] chains;

    @Setup
    public void setUp() {
        chains = SummaryBenchmark.autoregressive(1, SummaryBenchmark.CHAINS, drawsPerChain, 0.99, SummaryBenchmark.SEED)
                .variable(0);
    }

    /** The ESS of the mean: split chains, autocovariances, Geyer's sequence (no ranks, no sorting). */
    @Benchmark
    public double essMean() {
        return Convergence.essMean(chains);
    }
}
