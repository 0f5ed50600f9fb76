package org.muster.samplers.internal.hmc;

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
 * <p>The points of the trajectory live in a pool allocated once (a transition allocates nothing): a leapfrog
 * step writes a fresh point from the pool, and the tree refers to its points (the proposal of each sub-tree,
 * the points at each sub-tree's ends, whose momenta and velocities the no-U-turn criterion reads) by reference,
 * counting the references so a point goes back to the pool when nothing holds it. Choosing a proposal or
 * moving an end of the trajectory swaps references; the only copy is of the selected point into the chain's
 * state at the end of a transition. Arithmetic and random numbers are those of a copying implementation
 * (Stan's), step for step, so the draws do not depend on this bookkeeping.
 */
final class NutsKernel implements HamiltonianKernel {

    private static final List<String> STATISTICS = List.of("accept_stat__", "stepsize__", "treedepth__",
            "n_leapfrog__", "divergent__", "energy__");

    private final HamiltonianSystem system;
    private final RandomGenerator random;
    private final int maxDepth;

    /** Every point a tree of {@link #maxDepth} can hold at once; {@link #free} lists (by index) those nothing refers to. */
    private final PhasePoint[] pool;
    private final int[] free;
    private int freeCount;

    /** Σp over the whole trajectory so far. */
    private final double[] rho;
    /** Σp of the sub-tree built at the top level. */
    private final double[] rhoSubtree;
    /** Σp of the two halves of a sub-tree being built at each level (index = level of that sub-tree). */
    private final double[][] rhoInit;
    private final double[][] rhoFinal;

    /** The chain's state handed to {@link #transition}: the starting point, never returned to the pool. */
    private PhasePoint start;
    /** The end of the trajectory the next leapfrog step starts from. */
    private PhasePoint z;
    /** The points at the ends of the forward and backward sub-trajectories (Stan's fwd_fwd, fwd_bck, ...). */
    private PhasePoint forwardForward;
    private PhasePoint forwardBackward;
    private PhasePoint backwardForward;
    private PhasePoint backwardBackward;
    private PhasePoint sample;

    // What the last buildTree call built; each of the three points carries one reference for it.
    private PhasePoint builtProposal;
    private PhasePoint builtBegin;
    private PhasePoint builtEnd;
    private double[] builtRho;
    private double builtLogWeight;

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
        // Held at most at once: the sample and the four sub-trajectory ends, z, three points (the first half's
        // proposal and ends) in each of the at most maxDepth - 1 levels of recursion above a leaf, and the
        // leaf's new point.
        pool = new PhasePoint[3 * maxDepth + 4];
        for (int k = 0; k < pool.length; k++) {
            pool[k] = new PhasePoint(d);
            pool[k].poolIndex = k;
        }
        free = new int[pool.length];
        rho = new double[d];
        rhoSubtree = new double[d];
        rhoInit = new double[maxDepth][d];
        rhoFinal = new double[maxDepth][d];
    }

    private PhasePoint acquire() {
        if (freeCount == 0) {
            throw new IllegalStateException("NUTS point pool exhausted (a bug: the pool holds every point a tree of depth "
                    + maxDepth + " needs)");
        }
        return pool[free[--freeCount]];
    }

    private void release(PhasePoint point) {
        if (--point.references == 0 && point != start) {
            free[freeCount++] = point.poolIndex;
        }
    }

    /** Returns {@code point} for a field that held {@code held}: one more reference to the one, one fewer to the other. */
    private PhasePoint reassign(PhasePoint held, PhasePoint point) {
        point.references++;
        release(held);
        return point;
    }

    @Override
    public void transition(PhasePoint current, double stepSize) {
        epsilon = stepSize;
        for (int k = 0; k < free.length; k++) {
            free[k] = k;
        }
        freeCount = free.length;
        start = current;
        system.sampleMomentum(random, current);
        energyStart = system.hamiltonianAndVelocity(current);
        System.arraycopy(current.momentum, 0, rho, 0, rho.length);
        current.references = 6;
        forwardForward = current;
        forwardBackward = current;
        backwardForward = current;
        backwardBackward = current;
        sample = current;
        z = current;

        double logSumWeight = 0;
        leapfrogSteps = 0;
        sumAcceptProbability = 0;
        divergent = false;
        depth = 0;

        while (depth < maxDepth) {
            boolean forward = random.nextDouble() > 0.5;
            boolean valid;
            if (forward) {
                z = reassign(z, forwardForward);
                backwardForward = reassign(backwardForward, forwardBackward);
                valid = buildTree(depth, 1, rhoSubtree);
            } else {
                z = reassign(z, backwardBackward);
                forwardBackward = reassign(forwardBackward, backwardForward);
                valid = buildTree(depth, -1, rhoSubtree);
            }
            if (!valid) {
                break;
            }
            if (forward) {
                release(forwardBackward);
                release(forwardForward);
                forwardBackward = builtBegin;
                forwardForward = builtEnd;
            } else {
                release(backwardForward);
                release(backwardBackward);
                backwardForward = builtBegin;
                backwardBackward = builtEnd;
            }
            double subtreeLogWeight = builtLogWeight;
            depth++;
            // Biased progressive sampling: prefer the new sub-tree.
            if (subtreeLogWeight > logSumWeight || random.nextDouble() < Math.exp(subtreeLogWeight - logSumWeight)) {
                release(sample);
                sample = builtProposal;
            } else {
                release(builtProposal);
            }
            logSumWeight = logSumExp(logSumWeight, subtreeLogWeight);

            // Across the boundary between the old trajectory and the new sub-tree, then over the whole.
            double[] rhoForward = forward ? builtRho : rho;
            double[] rhoBackward = forward ? rho : builtRho;
            boolean persist = noUTurn(backwardBackward.velocity, forwardBackward.velocity, rhoBackward,
                    forwardBackward.momentum);
            persist &= noUTurn(backwardForward.velocity, forwardForward.velocity, rhoForward, backwardForward.momentum);
            double[] added = builtRho;
            for (int i = 0; i < rho.length; i++) {
                rho[i] += added[i];
            }
            persist &= noUTurn(backwardBackward.velocity, forwardForward.velocity, rho, null);
            if (!persist) {
                break;
            }
        }
        acceptStatistic = leapfrogSteps > 0 ? sumAcceptProbability / leapfrogSteps : 0;
        if (sample != current) {
            current.copyFrom(sample);
        }
        energy = current.hamiltonian;
        start = null;
    }

    /**
     * Extends the trajectory by 2^level leapfrog steps from {@link #z} and picks a proposal among them. Leaves
     * what it built in the {@code built*} fields.
     *
     * @param rhoOut modified for level ≥ 1: Σp over the sub-tree (a leaf's Σp is its own momentum)
     * @return false when the sub-tree diverged or turned back on itself (it is then discarded)
     */
    private boolean buildTree(int level, int sign, double[] rhoOut) {
        if (level == 0) {
            PhasePoint next = acquire();
            double h = system.leapfrog(z, next, sign * epsilon);
            release(z);
            z = next;
            leapfrogSteps++;
            if (h - energyStart > MAX_ENERGY_ERROR) {
                divergent = true;
            }
            double logWeight = energyStart - h;
            builtLogWeight = logWeight;
            sumAcceptProbability += logWeight > 0 ? 1 : Math.exp(logWeight);
            // Held by z and as the proposal, begin and end of this one-point tree.
            next.references = 4;
            builtProposal = next;
            builtBegin = next;
            builtEnd = next;
            builtRho = next.momentum;
            return !divergent;
        }
        if (!buildTree(level - 1, sign, rhoInit[level])) {
            return false;
        }
        PhasePoint initProposal = builtProposal;
        PhasePoint initBegin = builtBegin;
        PhasePoint initEnd = builtEnd;
        double[] rInit = builtRho;
        double initLogWeight = builtLogWeight;

        if (!buildTree(level - 1, sign, rhoFinal[level])) {
            return false;
        }
        PhasePoint finalProposal = builtProposal;
        PhasePoint finalBegin = builtBegin;
        PhasePoint finalEnd = builtEnd;
        double[] rFinal = builtRho;
        double finalLogWeight = builtLogWeight;

        // Multinomial sampling within the sub-tree.
        double subtreeLogWeight = logSumExp(initLogWeight, finalLogWeight);
        PhasePoint proposal;
        if (finalLogWeight > subtreeLogWeight || random.nextDouble() < Math.exp(finalLogWeight - subtreeLogWeight)) {
            proposal = finalProposal;
            release(initProposal);
        } else {
            proposal = initProposal;
            release(finalProposal);
        }

        for (int i = 0; i < rhoOut.length; i++) {
            rhoOut[i] = rInit[i] + rFinal[i];
        }
        // The criterion over the sub-tree, then across the boundary between its two halves.
        boolean persist = noUTurn(initBegin.velocity, finalEnd.velocity, rhoOut, null);
        persist &= noUTurn(initBegin.velocity, finalBegin.velocity, rInit, finalBegin.momentum);
        persist &= noUTurn(initEnd.velocity, finalEnd.velocity, rFinal, initEnd.momentum);
        release(initEnd);
        release(finalBegin);
        builtProposal = proposal;
        builtBegin = initBegin;
        builtEnd = finalEnd;
        builtRho = rhoOut;
        builtLogWeight = subtreeLogWeight;
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
