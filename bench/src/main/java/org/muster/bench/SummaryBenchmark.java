package org.muster.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.muster.core.api.Draws;
import org.muster.diagnostics.api.Convergence;
import org.muster.diagnostics.api.Summaries;
import org.muster.diagnostics.api.SummaryRow;
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
 * Cost of the posterior summary per variable: mean, sd, quantiles, MCSE of mean, sd and quantiles,
 * rank-normalized R-hat, bulk and tail ESS ({@code Summaries.summarize}), for {@value #VARIABLES}
 * variables of 4 chains, on the calling thread. Draws are AR(1) chains: {@code autocorrelation} 0 is
 * well-mixed (Geyer's sequence ends after a few lags), 0.9 and 0.99 mix slowly (autocovariances by FFT).
 * Times are per variable ({@code @OperationsPerInvocation}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SummaryBenchmark {

    static final int VARIABLES = 200;
    static final int CHAINS = 4;
    static final long SEED = 20_251_121L;

    @Param({"1000"})
    public int drawsPerChain;

    @Param({"0.0", "0.9", "0.99"})
    public double autocorrelation;

    private Draws draws;
    private double[][] chains;

    @Setup
    public void setUp() {
        draws = autoregressive(VARIABLES, CHAINS, drawsPerChain, autocorrelation, SEED);
        chains = draws.variable(0);
    }

    /** Draws of AR(1) chains {@code x_t = rho x_{t-1} + e_t}, e standard normal, started at stationarity. */
    static Draws autoregressive(int variables, int chains, int draws, double rho, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> names = new ArrayList<>();
        double[][][] values = new double[chains][variables][draws];
        for (int v = 0; v < variables; v++) {
            names.add("theta[" + (v + 1) + "]");
            for (int c = 0; c < chains; c++) {
                double x = normal(random) / Math.sqrt(1 - rho * rho);
                for (int i = 0; i < draws; i++) {
                    x = rho * x + normal(random);
                    values[c][v][i] = x;
                }
            }
        }
        return Draws.of(names, values);
    }

    private static double normal(SplittableRandom random) {
        // Box-Muller: one standard normal from two uniforms
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    /** The whole summary of every variable; reported per variable. */
    @Benchmark
    @OperationsPerInvocation(VARIABLES)
    public List<SummaryRow> summarize() {
        return Summaries.summarize(draws);
    }

    /** One ESS (of the mean) of one variable: the autocovariance part alone. */
    @Benchmark
    public double essMean() {
        return Convergence.essMean(chains);
    }
}
