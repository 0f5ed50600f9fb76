package org.muster.app.api;

import org.muster.core.api.Draws;
import org.muster.core.api.PosteriorDraws;

/**
 * A deliberately wrong sampler for calibration tests: it fits as the spec says, then moves every variable's
 * draws up by a fraction of that variable's posterior sd, as a sampler with a biased kernel would.
 */
final class ShiftedDraws implements Calibration.Fitter {

    private final double sds;

    /** @param sds how far to move the draws, in posterior sds */
    ShiftedDraws(double sds) {
        this.sds = sds;
    }

    @Override
    public PosteriorDraws fit(org.muster.models.spi.FamilyModel model, FitSpec spec, long seed,
            org.muster.core.spi.FitListener listener) {
        PosteriorDraws fit = Calibration.DEFAULT_FITTER.fit(model, spec, seed, listener);
        Draws draws = fit.draws();
        double[][][] values = new double[draws.chains()][draws.variables().size()][];
        for (int v = 0; v < draws.variables().size(); v++) {
            double[] pooled = draws.pooled(v);
            double mean = 0;
            for (double x : pooled) {
                mean += x / pooled.length;
            }
            double variance = 0;
            for (double x : pooled) {
                variance += (x - mean) * (x - mean) / (pooled.length - 1);
            }
            double shift = sds * Math.sqrt(variance);
            for (int c = 0; c < draws.chains(); c++) {
                double[] chain = draws.chain(c, v).clone();
                for (int t = 0; t < chain.length; t++) {
                    chain[t] += shift;
                }
                values[c][v] = chain;
            }
        }
        return new PosteriorDraws(fit.methodId(), Draws.of(draws.variables(), values), fit.samplerStatistics(),
                fit.chains(), fit.cancelled(), fit.settings());
    }
}
