package org.muster.samplers.internal.hmc;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.muster.samplers.internal.chains.SimulationBasedCalibration;

/** Simulation-based calibration of NUTS on a small hierarchical normal. */
@Tag("statistical")
class SimulationBasedCalibrationTest {

    @Test
    void ranksOfMuAndTauAreUniform() {
        SimulationBasedCalibration.assertRanksOfMuAndTauAreUniform(new NutsProvider(), 500, 10);
    }
}
