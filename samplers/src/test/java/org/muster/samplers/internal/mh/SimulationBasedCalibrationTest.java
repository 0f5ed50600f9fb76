package org.muster.samplers.internal.mh;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.muster.samplers.internal.chains.SimulationBasedCalibration;

/**
 * Simulation-based calibration of adaptive random-walk Metropolis on a small hierarchical normal, its
 * draws thinned to every 40th (they are strongly autocorrelated).
 */
@Tag("statistical")
class SimulationBasedCalibrationTest {

    @Test
    void ranksOfMuAndTauAreUniform() {
        SimulationBasedCalibration.assertRanksOfMuAndTauAreUniform(new MetropolisProvider(), 1000, 40);
    }
}
