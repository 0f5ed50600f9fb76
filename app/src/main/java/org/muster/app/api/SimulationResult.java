package org.muster.app.api;

import java.util.List;
import java.util.Optional;

/**
 * What one simulation of simulation-based calibration gave: the ranks of every parameter, or the error that
 * kept it from a fit. Immutable.
 *
 * @param simulation the simulation's number, from 1
 * @param seed its seed
 * @param rows one per parameter; empty when there is an error or the fit was cancelled
 * @param error what went wrong (a fit that failed on these simulated data), if anything
 * @param cancelled whether the fit was cut short, so that it has no ranks
 */
public record SimulationResult(int simulation, long seed, List<CalibrationRow> rows, Optional<String> error,
        boolean cancelled) {

    public SimulationResult {
        rows = List.copyOf(rows);
    }

    /** Whether the simulation gave ranks. */
    public boolean completed() {
        return error.isEmpty() && !cancelled;
    }
}
