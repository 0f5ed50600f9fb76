package org.muster.em.api;

import java.util.List;

/**
 * EM fits of a normal mixture from several starts.
 *
 * @param best the run with the highest log likelihood
 * @param runs every run that finished, in start order (runs whose component collapsed are left out)
 * @param reachedBest how many runs ended within the tolerance of the best log likelihood; the others
 *     stopped at worse local maxima (EM is local only)
 * @param collapsed how many runs were abandoned because a component collapsed onto a point
 */
public record MixtureFit(EmResult<NormalMixtureParameters> best, List<EmResult<NormalMixtureParameters>> runs,
        int reachedBest, int collapsed) {

    public MixtureFit {
        runs = List.copyOf(runs);
    }

    /** Runs that ended at a worse local maximum than the best. */
    public int worseLocalMaxima() {
        return runs.size() - reachedBest;
    }
}
