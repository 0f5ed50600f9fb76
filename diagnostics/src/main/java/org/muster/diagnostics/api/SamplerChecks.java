package org.muster.diagnostics.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.muster.core.api.Draws;

/**
 * Checks of a Hamiltonian sampler's behaviour from its per-draw statistics, named as Stan names them:
 * divergent transitions ({@code divergent__}), the energy Bayesian fraction of missing information
 * (E-BFMI, from {@code energy__}; Betancourt 2016, "Diagnosing suboptimal cotangent disintegrations in
 * Hamiltonian Monte Carlo"), transitions that reached the maximum tree depth ({@code treedepth__}) and the
 * mean acceptance statistic ({@code accept_stat__}). A statistic a sampler does not report is absent:
 * its flag is false, its counts 0 and its per-chain values NaN.
 *
 * @param chains one entry per chain
 * @param hasDivergences whether {@code divergent__} was reported
 * @param hasEnergy whether {@code energy__} was reported
 * @param hasTreeDepth whether {@code treedepth__} was reported
 * @param hasAcceptStat whether {@code accept_stat__} was reported
 * @param maxTreeDepth the sampler's maximum tree depth ({@code max_depth}; 10, Stan's default, when the
 *     settings do not say), or 0 without tree depths
 */
public record SamplerChecks(List<ChainChecks> chains, boolean hasDivergences, boolean hasEnergy, boolean hasTreeDepth,
        boolean hasAcceptStat, int maxTreeDepth) {

    /** Stan's default maximum tree depth. */
    public static final int DEFAULT_MAX_TREE_DEPTH = 10;

    public SamplerChecks {
        chains = List.copyOf(chains);
    }

    /**
     * The checks of one chain.
     *
     * @param chain 1-based chain number
     * @param draws draws in the chain
     * @param divergences divergent transitions
     * @param treeDepthSaturated transitions whose tree depth reached the maximum
     * @param ebfmi E-BFMI, NaN without energies or with fewer than two draws
     * @param meanAcceptStat mean of {@code accept_stat__}, NaN without it
     */
    public record ChainChecks(int chain, int draws, int divergences, int treeDepthSaturated, double ebfmi,
            double meanAcceptStat) {
    }

    /**
     * The checks from per-draw sampler statistics.
     *
     * @param statistics per-draw statistics, one chain per chain of the fit (the {@code __} columns)
     * @param settings the method's settings, CmdStan names ({@code max_depth} is read)
     * @throws IllegalArgumentException if {@code max_depth} is not a whole number
     */
    public static SamplerChecks of(Draws statistics, Map<String, String> settings) {
        int divergent = statistics.indexOf("divergent__");
        int energy = statistics.indexOf("energy__");
        int treeDepth = statistics.indexOf("treedepth__");
        int accept = statistics.indexOf("accept_stat__");
        int maxDepth = treeDepth < 0 ? 0 : maxTreeDepth(settings);
        List<ChainChecks> chains = new ArrayList<>();
        for (int c = 0; c < statistics.chains(); c++) {
            int divergences = divergent < 0 ? 0 : count(statistics.chain(c, divergent), 0.5);
            int saturated = treeDepth < 0 ? 0 : count(statistics.chain(c, treeDepth), maxDepth - 0.5);
            double ebfmi = energy < 0 ? Double.NaN : ebfmi(statistics.chain(c, energy));
            double acceptance = accept < 0 ? Double.NaN : mean(statistics.chain(c, accept));
            chains.add(new ChainChecks(c + 1, statistics.iterations(), divergences, saturated, ebfmi, acceptance));
        }
        return new SamplerChecks(chains, divergent >= 0, energy >= 0, treeDepth >= 0, accept >= 0, maxDepth);
    }

    private static int maxTreeDepth(Map<String, String> settings) {
        String value = settings.get("max_depth");
        if (value == null) {
            return DEFAULT_MAX_TREE_DEPTH;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting max_depth is not a whole number: '" + value + "'", e);
        }
    }

    /**
     * E-BFMI of one chain's energies: the mean squared change of energy between draws over the variance
     * of the energy, {@code sum (E_n - E_{n-1})^2 / sum (E_n - mean E)^2}, as CmdStan computes it.
     *
     * @param energy not modified
     * @return NaN with fewer than two draws or no variation in energy
     */
    public static double ebfmi(double[] energy) {
        if (energy.length < 2) {
            return Double.NaN;
        }
        double mean = mean(energy);
        double changes = 0;
        double deviations = 0;
        for (int i = 0; i < energy.length; i++) {
            double d = energy[i] - mean;
            deviations += d * d;
            if (i > 0) {
                double change = energy[i] - energy[i - 1];
                changes += change * change;
            }
        }
        return deviations > 0 ? changes / deviations : Double.NaN;
    }

    private static int count(double[] values, double above) {
        int count = 0;
        for (double v : values) {
            if (v > above) {
                count++;
            }
        }
        return count;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** Draws over all chains. */
    public int draws() {
        return chains.stream().mapToInt(ChainChecks::draws).sum();
    }

    /** Divergent transitions over all chains. */
    public int divergences() {
        return chains.stream().mapToInt(ChainChecks::divergences).sum();
    }

    /** The share of transitions that diverged, 0 to 1; NaN without draws. */
    public double divergentShare() {
        return draws() == 0 ? Double.NaN : (double) divergences() / draws();
    }

    /** Transitions over all chains whose tree depth reached the maximum. */
    public int treeDepthSaturated() {
        return chains.stream().mapToInt(ChainChecks::treeDepthSaturated).sum();
    }

    /** The mean acceptance statistic over all draws; NaN without it. */
    public double meanAcceptStat() {
        if (!hasAcceptStat || draws() == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (ChainChecks chain : chains) {
            sum += chain.meanAcceptStat() * chain.draws();
        }
        return sum / draws();
    }
}
