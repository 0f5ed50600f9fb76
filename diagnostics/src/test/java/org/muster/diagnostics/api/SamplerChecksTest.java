package org.muster.diagnostics.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.muster.core.api.Draws;

class SamplerChecksTest {

    static final List<String> NUTS = List.of("lp__", "accept_stat__", "stepsize__", "treedepth__", "n_leapfrog__",
            "divergent__", "energy__");

    /** Two chains of four draws: chain 1 diverges once and hits depth 3 twice; chain 2 is clean. */
    static Draws statistics() {
        double[][][] values = {
            {{-1, -2, -3, -4}, {0.9, 0.8, 0.7, 0.6}, {0.5, 0.5, 0.5, 0.5}, {3, 2, 3, 1}, {7, 3, 7, 1},
                {0, 1, 0, 0}, {10, 12, 11, 15}},
            {{-1, -1, -1, -1}, {1, 1, 0.5, 0.5}, {0.4, 0.4, 0.4, 0.4}, {2, 2, 2, 2}, {3, 3, 3, 3},
                {0, 0, 0, 0}, {5, 5, 6, 6}}};
        return Draws.of(NUTS, values);
    }

    @Test
    void countsDivergencesAndSaturatedTreesPerChain() {
        SamplerChecks checks = SamplerChecks.of(statistics(), Map.of("max_depth", "3"));
        assertTrue(checks.hasDivergences() && checks.hasEnergy() && checks.hasTreeDepth() && checks.hasAcceptStat());
        assertEquals(3, checks.maxTreeDepth());
        assertEquals(8, checks.draws());
        assertEquals(1, checks.divergences());
        assertEquals(0.125, checks.divergentShare());
        assertEquals(2, checks.treeDepthSaturated());
        assertEquals(List.of(1, 0), checks.chains().stream().map(SamplerChecks.ChainChecks::divergences).toList());
        assertEquals(List.of(2, 0), checks.chains().stream().map(SamplerChecks.ChainChecks::treeDepthSaturated).toList());
        assertEquals(0.75, checks.chains().get(0).meanAcceptStat(), 1e-15);
        assertEquals(0.75, checks.chains().get(1).meanAcceptStat(), 1e-15);
        assertEquals(0.75, checks.meanAcceptStat(), 1e-15);
    }

    @Test
    void ebfmiIsSquaredEnergyChangesOverEnergyVariation() {
        // energies 10, 12, 11, 15: changes 2, -1, 4 (squares 21); mean 12, deviations -2, 0, -1, 3 (squares 14)
        SamplerChecks checks = SamplerChecks.of(statistics(), Map.of());
        assertEquals(21.0 / 14.0, checks.chains().get(0).ebfmi(), 1e-15);
        // 5, 5, 6, 6: changes 0, 1, 0; deviations of 0.5 each
        assertEquals(1.0, checks.chains().get(1).ebfmi(), 1e-15);
        assertTrue(Double.isNaN(SamplerChecks.ebfmi(new double[] {3})));
        assertTrue(Double.isNaN(SamplerChecks.ebfmi(new double[] {3, 3, 3})));
    }

    @Test
    void theMaximumTreeDepthDefaultsToStans() {
        SamplerChecks checks = SamplerChecks.of(statistics(), Map.of());
        assertEquals(SamplerChecks.DEFAULT_MAX_TREE_DEPTH, checks.maxTreeDepth());
        assertEquals(0, checks.treeDepthSaturated());
        var e = assertThrows(IllegalArgumentException.class, () -> SamplerChecks.of(statistics(), Map.of("max_depth", "ten")));
        assertTrue(e.getMessage().contains("max_depth"), e.getMessage());
    }

    @Test
    void statisticsASamplerDoesNotReportAreAbsent() {
        // random-walk Metropolis reports lp__, accept_stat__ and stepsize__ only
        Draws metropolis = Draws.of(List.of("lp__", "accept_stat__", "stepsize__"),
                new double[][][] {{{-1, -2}, {0.2, 0.4}, {1, 1}}});
        SamplerChecks checks = SamplerChecks.of(metropolis, Map.of());
        assertFalse(checks.hasDivergences() || checks.hasEnergy() || checks.hasTreeDepth());
        assertEquals(0, checks.divergences());
        assertTrue(Double.isNaN(checks.chains().get(0).ebfmi()));
        assertEquals(0.3, checks.meanAcceptStat(), 1e-15);
    }
}
