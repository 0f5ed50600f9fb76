package org.muster.diagnostics.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.muster.diagnostics.internal.NormalQuantile;

class ConvergenceTest {

    @Test
    void eachDiagnosticEqualsItsColumnOfTheSummary() {
        for (String name : ReferenceCases.names()) {
            double[][] chains = ReferenceCases.draws(name);
            SummaryRow row = Summaries.summarize("x", chains);
            assertEquals(row.rhat(), Convergence.rhat(chains), name);
            assertEquals(row.rhatBasic(), Convergence.rhatBasic(chains), name);
            assertEquals(row.essBulk(), Convergence.essBulk(chains), name);
            assertEquals(row.essTail(), Convergence.essTail(chains), name);
            assertEquals(row.essMean(), Convergence.essMean(chains), name);
            assertEquals(row.mcseMean(), MonteCarloError.mean(chains), name);
            assertEquals(row.mcseSd(), MonteCarloError.sd(chains), name);
            assertEquals(row.mcseQ5(), MonteCarloError.quantile(chains, 0.05), name);
            assertEquals(row.mcseQ95(), MonteCarloError.quantile(chains, 0.95), name);
            assertEquals(Math.min(Convergence.essQuantile(chains, 0.05), Convergence.essQuantile(chains, 0.95)),
                    row.essTail(), name);
        }
    }

    @Test
    void aConstantVariableHasNoRhatOrEssButDoesNotFail() {
        double[][] chains = {{1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5}, {1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5}};
        SummaryRow row = Summaries.summarize("sigma", chains);
        assertEquals(1.5, row.mean());
        assertEquals(0.0, row.sd());
        for (double undefined : new double[] {row.rhat(), row.rhatBasic(), row.essBulk(), row.essTail(), row.essMean(),
            row.mcseMean(), row.mcseQ5(), row.mcseQ95()}) {
            assertTrue(Double.isNaN(undefined), row.toString());
        }
    }

    @Test
    void oneStuckChainAmongMovingOnesGivesALargeRhatNotAFailure() {
        double[][] chains = random(4, 200, 8);
        java.util.Arrays.fill(chains[2], 0.7);
        SummaryRow row = Summaries.summarize("alpha", chains);
        assertTrue(row.rhat() > 1.1, row.toString());
        assertTrue(Double.isFinite(row.essBulk()) && Double.isFinite(row.essTail()), row.toString());
        List<DiagnosticWarning> warnings = Warnings.of(List.of(row), 4, java.util.Optional.empty(),
                WarningThresholds.DEFAULT);
        assertEquals(DiagnosticWarning.Kind.RHAT, warnings.get(0).kind());
    }

    @Test
    void oneChainIsJudgedByItsTwoHalves() {
        double[] chain = random(1, 400, 1)[0];
        double[][] halves = {java.util.Arrays.copyOfRange(chain, 0, 200), java.util.Arrays.copyOfRange(chain, 200, 400)};
        assertEquals(Convergence.potentialScaleReduction(halves), Convergence.rhatBasic(new double[][] {chain}), 1e-15);
        assertEquals(Convergence.effectiveSampleSize(halves), Convergence.essMean(new double[][] {chain}), 1e-9);
    }

    @Test
    void oddLengthChainsLeaveOutTheirMiddleDraw() {
        double[][] chains = random(2, 201, 2);
        double[][] halves = new double[4][];
        for (int c = 0; c < 2; c++) {
            halves[c] = java.util.Arrays.copyOfRange(chains[c], 0, 100);
            halves[2 + c] = java.util.Arrays.copyOfRange(chains[c], 101, 201);
        }
        assertEquals(Convergence.potentialScaleReduction(halves), Convergence.rhatBasic(chains), 1e-15);
        assertEquals(Convergence.effectiveSampleSize(halves), Convergence.essMean(chains), 1e-9);
    }

    @Test
    void chainsOfUnequalLengthAreRejected() {
        double[][] chains = {{1, 2, 3, 4}, {1, 2, 3}};
        var e = assertThrows(IllegalArgumentException.class, () -> Convergence.rhat(chains));
        assertTrue(e.getMessage().contains("unequal length") && e.getMessage().contains("chain 2 has 3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Summaries.summarize("mu", chains));
        assertThrows(IllegalArgumentException.class, () -> Convergence.essBulk(new double[0][]));
    }

    @Test
    void nanAndInfiniteDrawsAreRejectedNamingChainAndDraw() {
        var nan = assertThrows(IllegalArgumentException.class,
                () -> Convergence.essBulk(new double[][] {{1, 2, 3}, {4, Double.NaN, 6}}));
        assertTrue(nan.getMessage().contains("draw 2 of chain 2 is NaN"), nan.getMessage());
        var infinite = assertThrows(IllegalArgumentException.class,
                () -> Summaries.summarize("tau", new double[][] {{1, Double.POSITIVE_INFINITY, 3}}));
        assertTrue(infinite.getMessage().contains("variable tau: draw 2 of chain 1 is Infinity"), infinite.getMessage());
    }

    @Test
    void tiedDrawsShareTheirAverageRank() {
        // discrete draws (0..3) tie everywhere: compare with the definition computed naively
        SplittableRandom random = new SplittableRandom(9);
        double[][] chains = new double[3][60];
        for (double[] chain : chains) {
            for (int i = 0; i < chain.length; i++) {
                chain[i] = random.nextInt(4);
            }
        }
        double[][] split = splitNaively(chains);
        double bulk = Convergence.potentialScaleReduction(rankNormalizeNaively(split));
        double[][] folded = new double[split.length][];
        for (int c = 0; c < split.length; c++) {
            folded[c] = java.util.Arrays.stream(split[c]).map(v -> Math.abs(v - medianOf(chains))).toArray();
        }
        double tail = Convergence.potentialScaleReduction(rankNormalizeNaively(folded));
        assertEquals(Math.max(bulk, tail), Convergence.rhat(chains), 1e-14);
        assertEquals(Convergence.effectiveSampleSize(rankNormalizeNaively(split)), Convergence.essBulk(chains), 1e-9);
    }

    static double medianOf(double[][] chains) {
        double[] all = java.util.Arrays.stream(chains).flatMapToDouble(java.util.Arrays::stream).sorted().toArray();
        int n = all.length;
        return n % 2 == 1 ? all[n / 2] : (all[n / 2 - 1] + all[n / 2]) / 2;
    }

    static double[][] splitNaively(double[][] chains) {
        int half = chains[0].length / 2;
        int n = chains[0].length;
        double[][] out = new double[2 * chains.length][];
        for (int c = 0; c < chains.length; c++) {
            out[c] = java.util.Arrays.copyOfRange(chains[c], 0, half);
            out[chains.length + c] = java.util.Arrays.copyOfRange(chains[c], n - half, n);
        }
        return out;
    }

    /** Average ranks by counting, in O(S^2), then Blom's normal scores. */
    static double[][] rankNormalizeNaively(double[][] chains) {
        double[] all = java.util.Arrays.stream(chains).flatMapToDouble(java.util.Arrays::stream).toArray();
        int s = all.length;
        double[][] out = new double[chains.length][];
        for (int c = 0; c < chains.length; c++) {
            out[c] = new double[chains[c].length];
            for (int i = 0; i < chains[c].length; i++) {
                double v = chains[c][i];
                int below = 0;
                int equal = 0;
                for (double w : all) {
                    below += w < v ? 1 : 0;
                    equal += w == v ? 1 : 0;
                }
                double rank = below + (equal + 1) / 2.0;
                out[c][i] = NormalQuantile.of((rank - 0.375) / (s + 0.25));
            }
        }
        return out;
    }

    static double[][] random(int chains, int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] out = new double[chains][n];
        for (double[] chain : out) {
            for (int i = 0; i < n; i++) {
                chain[i] = random.nextDouble() + random.nextDouble();
            }
        }
        return out;
    }
}
