package org.muster.samplers.internal.hmc;

import java.util.List;

/**
 * One Hamiltonian Monte Carlo transition for a fixed step size and metric; the tuning is handed in by
 * the adaptation, never changed here. Reports what the last transition did, as Stan's sampler
 * statistics.
 */
interface HamiltonianKernel {

    /** A transition whose energy error exceeds this is divergent (Stan's {@code max_deltaH}). */
    double MAX_ENERGY_ERROR = 1000;

    /**
     * Moves the chain: draws a momentum, integrates, and leaves the selected point in {@code z}.
     *
     * @param z modified: on entry the current position with its log density and gradient; on exit the
     *     new state (with the momentum at the selected point)
     * @param stepSize leapfrog step size, positive
     */
    void transition(PhasePoint z, double stepSize);

    /** The Metropolis acceptance statistic of the last transition, in [0, 1] (drives step-size adaptation). */
    double acceptStatistic();

    /** Per-draw statistic names after {@code lp__}, ending in {@code __}, Stan's order. */
    List<String> statisticNames();

    /** @param out modified: the last transition's statistics in {@link #statisticNames()} order */
    void statistics(double stepSize, double[] out);
}
