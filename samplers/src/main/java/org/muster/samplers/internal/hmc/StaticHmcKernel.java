package org.muster.samplers.internal.hmc;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Static HMC (Duane et al. 1987; Neal 2011): a fixed integration time T split into
 * max(1, ⌊T/ε⌋) leapfrog steps, and a Metropolis accept or reject of the end point.
 */
final class StaticHmcKernel implements HamiltonianKernel {

    private static final List<String> STATISTICS = List.of("accept_stat__", "stepsize__", "int_time__",
            "n_leapfrog__", "divergent__", "energy__");

    private final HamiltonianSystem system;
    private final RandomGenerator random;
    private final double integrationTime;
    private final PhasePoint proposal;
    private double acceptStatistic;
    private int leapfrogSteps;
    private boolean divergent;
    private double energy;

    StaticHmcKernel(HamiltonianSystem system, RandomGenerator random, double integrationTime) {
        if (!(integrationTime > 0) || !Double.isFinite(integrationTime)) {
            throw new IllegalArgumentException("int_time must be positive, got " + integrationTime);
        }
        this.system = system;
        this.random = random;
        this.integrationTime = integrationTime;
        this.proposal = new PhasePoint(system.dimension());
    }

    static int steps(double integrationTime, double stepSize) {
        double ratio = integrationTime / stepSize;
        return ratio > 1 ? (int) Math.min(ratio, Integer.MAX_VALUE) : 1;
    }

    @Override
    public void transition(PhasePoint current, double stepSize) {
        system.sampleMomentum(random, current);
        double startEnergy = system.hamiltonian(current);
        leapfrogSteps = steps(integrationTime, stepSize);
        divergent = false;
        // The first step reads the current point and writes the proposal, so the current point needs no copy.
        double endEnergy = system.leapfrog(current, proposal, stepSize);
        int taken = 1;
        while (!(endEnergy - startEnergy > MAX_ENERGY_ERROR) && taken < leapfrogSteps) {
            endEnergy = system.leapfrog(proposal, stepSize);
            taken++;
        }
        if (endEnergy - startEnergy > MAX_ENERGY_ERROR) {
            divergent = true;
            leapfrogSteps = taken;
        }
        double logRatio = startEnergy - endEnergy;
        acceptStatistic = divergent ? 0 : (logRatio >= 0 ? 1 : Math.exp(logRatio));
        if (!divergent && random.nextDouble() < acceptStatistic) {
            current.copyFrom(proposal);
            energy = endEnergy;
        } else {
            energy = startEnergy;
        }
    }

    @Override
    public double acceptStatistic() {
        return acceptStatistic;
    }

    @Override
    public List<String> statisticNames() {
        return STATISTICS;
    }

    @Override
    public void statistics(double stepSize, double[] out) {
        out[0] = acceptStatistic;
        out[1] = stepSize;
        out[2] = integrationTime;
        out[3] = leapfrogSteps;
        out[4] = divergent ? 1 : 0;
        out[5] = energy;
    }
}
