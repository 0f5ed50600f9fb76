package org.muster.samplers.internal.hmc;

import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The No-U-Turn sampler (Hoffman & Gelman 2014) in the form Stan uses (Betancourt 2017): the
 * trajectory doubles forward or backward in time until the generalized no-U-turn criterion fails —
 * checked over the whole tree and across the boundaries between sub-trees — or the maximum depth is
 * reached. The next state is drawn multinomially from the trajectory's points, weighted by e^(−H):
 * uniformly within each new sub-tree, then biased toward the newest sub-tree at the top level. A leapfrog
 * step whose energy error exceeds {@link #MAX_ENERGY_ERROR} ends the transition as divergent.
 *
 * <p>Every buffer, including one set per tree level for the recursion, is allocated once: a transition
 * allocates nothing.
 */
final class NutsKernel implements HamiltonianKernel {

    private static final List<String> STATISTICS = List.of("accept_stat__", "stepsize__", "treedepth__",
            "n_leapfrog__", "divergent__", "energy__");

    private final HamiltonianSystem system;
    private final RandomGenerator random;
    private final int maxDepth;

    private final PhasePoint z;
    private final PhasePoint forwardEnd;
    private final PhasePoint backwardEnd;
    private final PhasePoint sample;
    private final PhasePoint propose;

    private final double[] rho;
    private final double[] rhoForward;
    private final double[] rhoBackward;
    private final double[] pForwardForward;
    private final double[] pForwardBackward;
    private final double[] pBackwardForward;
    private final double[] pBackwardBackward;
    private final double[] pSharpForwardForward;
    private final double[] pSharpForwardBackward;
    private final double[] pSharpBackwardForward;
    private final double[] pSharpBackwardBackward;

    // Locals of buildTree at each depth (index = depth of the tree being built).
    private final double[][] pSharpInitEnd;
    private final double[][] pInitEnd;
    private final double[][] rhoInit;
    private final double[][] pFinalBegin;
    private final double[][] pSharpFinalBegin;
    private final double[][] rhoFinal;
    private final PhasePoint[] proposeFinal;
    private final double[] treeLogWeight;

    private double energyStart;
    private int leapfrogSteps;
    private double sumAcceptProbability;
    private boolean divergent;
    private int depth;
    private double acceptStatistic;
    private double energy;
    private double epsilon;

    NutsKernel(HamiltonianSystem system, RandomGenerator random, int maxDepth) {
        if (maxDepth < 1) {
            throw new IllegalArgumentException("max_depth must be at least 1, got " + maxDepth);
        }
        this.system = system;
        this.random = random;
        this.maxDepth = maxDepth;
        int d = system.dimension();
        z = new PhasePoint(d);
        forwardEnd = new PhasePoint(d);
        backwardEnd = new PhasePoint(d);
        sample = new PhasePoint(d);
        propose = new PhasePoint(d);
        rho = new double[d];
        rhoForward = new double[d];
        rhoBackward = new double[d];
        pForwardForward = new double[d];
        pForwardBackward = new double[d];
        pBackwardForward = new double[d];
        pBackwardBackward = new double[d];
        pSharpForwardForward = new double[d];
        pSharpForwardBackward = new double[d];
        pSharpBackwardForward = new double[d];
        pSharpBackwardBackward = new double[d];
        pSharpInitEnd = new double[maxDepth][d];
        pInitEnd = new double[maxDepth][d];
        rhoInit = new double[maxDepth][d];
        pFinalBegin = new double[maxDepth][d];
        pSharpFinalBegin = new double[maxDepth][d];
        rhoFinal = new double[maxDepth][d];
        proposeFinal = new PhasePoint[maxDepth];
        for (int k = 0; k < maxDepth; k++) {
            proposeFinal[k] = new PhasePoint(d);
        }
        treeLogWeight = new double[maxDepth];
    }

    @Override
    public void transition(PhasePoint current, double stepSize) {
        epsilon = stepSize;
        z.copyFrom(current);
        system.sampleMomentum(random, z);
        system.velocity(z, pSharpForwardForward);
        System.arraycopy(pSharpForwardForward, 0, pSharpForwardBackward, 0, rho.length);
        System.arraycopy(pSharpForwardForward, 0, pSharpBackwardForward, 0, rho.length);
        System.arraycopy(pSharpForwardForward, 0, pSharpBackwardBackward, 0, rho.length);
        System.arraycopy(z.momentum, 0, pForwardForward, 0, rho.length);
        System.arraycopy(z.momentum, 0, pForwardBackward, 0, rho.length);
        System.arraycopy(z.momentum, 0, pBackwardForward, 0, rho.length);
        System.arraycopy(z.momentum, 0, pBackwardBackward, 0, rho.length);
        System.arraycopy(z.momentum, 0, rho, 0, rho.length);
        forwardEnd.copyFrom(z);
        backwardEnd.copyFrom(z);
        sample.copyFrom(z);

        double logSumWeight = 0;
        energyStart = system.hamiltonian(z);
        leapfrogSteps = 0;
        sumAcceptProbability = 0;
        divergent = false;
        depth = 0;

        while (depth < maxDepth) {
            Arrays.fill(rhoForward, 0);
            Arrays.fill(rhoBackward, 0);
            boolean valid;
            if (random.nextDouble() > 0.5) {
                z.copyFrom(forwardEnd);
                System.arraycopy(rho, 0, rhoBackward, 0, rho.length);
                System.arraycopy(pForwardBackward, 0, pBackwardForward, 0, rho.length);
                System.arraycopy(pSharpForwardBackward, 0, pSharpBackwardForward, 0, rho.length);
                valid = buildTree(depth, propose, pSharpForwardBackward, pSharpForwardForward, rhoForward,
                        pForwardBackward, pForwardForward, 1);
                forwardEnd.copyFrom(z);
            } else {
                z.copyFrom(backwardEnd);
                System.arraycopy(rho, 0, rhoForward, 0, rho.length);
                System.arraycopy(pBackwardForward, 0, pForwardBackward, 0, rho.length);
                System.arraycopy(pSharpBackwardForward, 0, pSharpForwardBackward, 0, rho.length);
                valid = buildTree(depth, propose, pSharpBackwardForward, pSharpBackwardBackward, rhoBackward,
                        pBackwardForward, pBackwardBackward, -1);
                backwardEnd.copyFrom(z);
            }
            if (!valid) {
                break;
            }
            double subtreeLogWeight = treeLogWeight[depth];
            depth++;
            // Biased progressive sampling: prefer the new sub-tree.
            if (subtreeLogWeight > logSumWeight) {
                sample.copyFrom(propose);
            } else if (random.nextDouble() < Math.exp(subtreeLogWeight - logSumWeight)) {
                sample.copyFrom(propose);
            }
            logSumWeight = logSumExp(logSumWeight, subtreeLogWeight);

            for (int i = 0; i < rho.length; i++) {
                rho[i] = rhoBackward[i] + rhoForward[i];
            }
            boolean persist = noUTurn(pSharpBackwardBackward, pSharpForwardForward, rho, null);
            persist &= noUTurn(pSharpBackwardBackward, pSharpForwardBackward, rhoBackward, pForwardBackward);
            persist &= noUTurn(pSharpBackwardForward, pSharpForwardForward, rhoForward, pBackwardForward);
            if (!persist) {
                break;
            }
        }
        acceptStatistic = leapfrogSteps > 0 ? sumAcceptProbability / leapfrogSteps : 0;
        current.copyFrom(sample);
        energy = system.hamiltonian(current);
    }

    /**
     * Extends the trajectory by 2^depth leapfrog steps from {@link #z} and picks a proposal among them.
     * The sub-tree's log weight is left in {@code treeLogWeight[depth]}.
     *
     * @return false when the sub-tree diverged or turned back on itself (it is then discarded)
     */
    private boolean buildTree(int level, PhasePoint proposal, double[] pSharpBegin, double[] pSharpEnd, double[] rhoOut,
            double[] pBegin, double[] pEnd, int sign) {
        if (level == 0) {
            system.leapfrog(z, sign * epsilon);
            leapfrogSteps++;
            double h = system.hamiltonianAndVelocity(z, pSharpBegin);
            if (h - energyStart > MAX_ENERGY_ERROR) {
                divergent = true;
            }
            double logWeight = energyStart - h;
            treeLogWeight[0] = logWeight;
            sumAcceptProbability += logWeight > 0 ? 1 : Math.exp(logWeight);
            proposal.copyFrom(z);
            System.arraycopy(pSharpBegin, 0, pSharpEnd, 0, pSharpEnd.length);
            for (int i = 0; i < rhoOut.length; i++) {
                rhoOut[i] += z.momentum[i];
            }
            System.arraycopy(z.momentum, 0, pBegin, 0, pBegin.length);
            System.arraycopy(z.momentum, 0, pEnd, 0, pEnd.length);
            return !divergent;
        }
        double[] sharpInitEnd = pSharpInitEnd[level];
        double[] initEnd = pInitEnd[level];
        double[] rInit = rhoInit[level];
        Arrays.fill(rInit, 0);
        if (!buildTree(level - 1, proposal, pSharpBegin, sharpInitEnd, rInit, pBegin, initEnd, sign)) {
            return false;
        }
        double initLogWeight = treeLogWeight[level - 1];

        PhasePoint finalProposal = proposeFinal[level];
        double[] finalBegin = pFinalBegin[level];
        double[] sharpFinalBegin = pSharpFinalBegin[level];
        double[] rFinal = rhoFinal[level];
        Arrays.fill(rFinal, 0);
        if (!buildTree(level - 1, finalProposal, sharpFinalBegin, pSharpEnd, rFinal, finalBegin, pEnd, sign)) {
            return false;
        }
        double finalLogWeight = treeLogWeight[level - 1];

        // Multinomial sampling within the sub-tree.
        double subtreeLogWeight = logSumExp(initLogWeight, finalLogWeight);
        treeLogWeight[level] = subtreeLogWeight;
        if (finalLogWeight > subtreeLogWeight) {
            proposal.copyFrom(finalProposal);
        } else if (random.nextDouble() < Math.exp(finalLogWeight - subtreeLogWeight)) {
            proposal.copyFrom(finalProposal);
        }

        for (int i = 0; i < rhoOut.length; i++) {
            rhoOut[i] += rInit[i] + rFinal[i];
        }
        // The criterion over the sub-tree, then across the boundary between its two halves.
        boolean persist = noUTurn(pSharpBegin, pSharpEnd, rInit, rFinal);
        persist &= noUTurn(pSharpBegin, sharpFinalBegin, rInit, finalBegin);
        persist &= noUTurn(sharpInitEnd, pSharpEnd, rFinal, initEnd);
        return persist;
    }

    /** The generalized no-U-turn criterion for the span (a + b): p♯₋·ρ > 0 and p♯₊·ρ > 0. */
    private static boolean noUTurn(double[] pSharpMinus, double[] pSharpPlus, double[] a, double[] b) {
        double minus = 0;
        double plus = 0;
        for (int i = 0; i < a.length; i++) {
            double r = b == null ? a[i] : a[i] + b[i];
            minus += pSharpMinus[i] * r;
            plus += pSharpPlus[i] * r;
        }
        return minus > 0 && plus > 0;
    }

    private static double logSumExp(double a, double b) {
        if (a == Double.NEGATIVE_INFINITY) {
            return b;
        }
        if (b == Double.NEGATIVE_INFINITY) {
            return a;
        }
        double max = Math.max(a, b);
        return max + Math.log1p(Math.exp(-Math.abs(a - b)));
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
        out[2] = depth;
        out[3] = leapfrogSteps;
        out[4] = divergent ? 1 : 0;
        out[5] = energy;
    }
}
