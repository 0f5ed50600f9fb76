package org.muster.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.muster.diagnostics.api.SummaryRow;

class SummaryBenchmarkTest {

    @Test
    void theDrawsAreAutoregressiveChainsWithTheTheoreticalEss() {
        // AR(1): ESS of the mean = S (1 - rho) / (1 + rho); within 15% for 4 x 1000 draws
        for (double rho : new double[] {0.0, 0.9}) {
            SummaryBenchmark benchmark = new SummaryBenchmark();
            benchmark.drawsPerChain = 1000;
            benchmark.autocorrelation = rho;
            benchmark.setUp();
            List<SummaryRow> rows = benchmark.summarize();
            assertEquals(SummaryBenchmark.VARIABLES, rows.size());
            double expected = 4000 * (1 - rho) / (1 + rho);
            double meanEss = rows.stream().mapToDouble(SummaryRow::essMean).average().orElseThrow();
            assertTrue(Math.abs(meanEss - expected) < 0.15 * expected, "rho " + rho + ": ESS " + meanEss);
            assertEquals(rows.get(0).essMean(), benchmark.essMean(), 1e-9);
        }
    }

    @Test
    void scalingBenchmarkRuns() {
        EssScalingBenchmark benchmark = new EssScalingBenchmark();
        benchmark.drawsPerChain = 1000;
        benchmark.setUp();
        double ess = benchmark.essMean();
        // AR(1) with 0.99: about 4000 * 0.01 / 1.99 = 20 effective draws
        assertTrue(ess > 5 && ess < 80, "ESS " + ess);
    }
}
