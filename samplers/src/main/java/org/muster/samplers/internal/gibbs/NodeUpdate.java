package org.muster.samplers.internal.gibbs;

/**
 * The update one parameter node gets in a Gibbs sweep: a transition that leaves the node's full
 * conditional distribution invariant, so that a sweep over all nodes leaves the posterior invariant.
 * Holds per-chain tuning; each chain has its own instances.
 */
interface NodeUpdate {

    /** The node's name followed by what its update is, e.g. {@code "mu: slice ..."}. */
    String explanation();

    /** Updates the node's coordinates of {@code sweep.position} in place. */
    void update(Sweep sweep);

    /** The name of this update's per-draw statistic (ending in {@code __}), or null when it has none. */
    default String statisticName() {
        return null;
    }

    /** This update's statistic after its last step (an acceptance probability, say). */
    default double statistic() {
        return Double.NaN;
    }
}
