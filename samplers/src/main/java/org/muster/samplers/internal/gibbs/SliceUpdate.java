package org.muster.samplers.internal.gibbs;

import java.util.Arrays;
import org.muster.core.api.UnconstrainedBlock;

/**
 * Univariate slice sampling of each unconstrained coordinate of a parameter node in turn, with the
 * stepping-out and shrinkage procedures of Neal (2003), "Slice sampling", Annals of Statistics 31(3),
 * 705–767 (figures 3 and 5). Stepping out at most {@value #MAX_STEPS} widths, with the budget split at
 * random between the two sides, and shrinking toward the current point keep detailed balance for any
 * width, so the width may be tuned freely during warmup: it is set to twice the mean absolute move of
 * the coordinate so far (from the 20th warmup iteration on; 1 before), then fixed for sampling.
 *
 * <p>This first version evaluates the whole model's log density for every point it tries (about five
 * per coordinate per sweep once the width is tuned), not only the terms of the coordinate's Markov
 * blanket; its cost per sweep grows with the number of sliced coordinates times the model's size.
 */
final class SliceUpdate implements NodeUpdate {

    static final int MAX_STEPS = 32;
    private static final int ADAPT_AFTER = 20;
    private static final double MIN_WIDTH = 1e-8;

    private final UnconstrainedBlock block;
    private final double[] widths;
    private final double[] sumOfMoves;
    private int adaptedIterations;

    SliceUpdate(UnconstrainedBlock block) {
        this.block = block;
        this.widths = new double[block.size()];
        Arrays.fill(widths, 1.0);
        this.sumOfMoves = new double[block.size()];
    }

    @Override
    public String explanation() {
        return block.parameter().name() + ": slice sampling"
                + (block.size() == 1 ? "" : " of each of its " + block.size() + " coordinates in turn")
                + " on the unconstrained scale (stepping out, shrinkage)";
    }

    /** The current widths, one per coordinate (owned by this object; read only). */
    double[] widths() {
        return widths;
    }

    @Override
    public void update(Sweep sweep) {
        double[] x = sweep.position;
        var random = sweep.random;
        for (int c = 0; c < widths.length; c++) {
            int k = block.offset() + c;
            double x0 = x[k];
            // The slice level: log of a uniform height under the density, -Exp(1) below the current value.
            double logLevel = sweep.logDensity() + Math.log1p(-random.nextDouble());
            double width = widths[c];
            double left = x0 - width * random.nextDouble();
            double right = left + width;
            int leftSteps = (int) (MAX_STEPS * random.nextDouble());
            int rightSteps = MAX_STEPS - 1 - leftSteps;
            while (leftSteps-- > 0 && logDensityAt(sweep, k, left) > logLevel) {
                left -= width;
            }
            while (rightSteps-- > 0 && logDensityAt(sweep, k, right) > logLevel) {
                right += width;
            }
            double x1;
            double logDensity;
            while (true) {
                x1 = left + (right - left) * random.nextDouble();
                logDensity = logDensityAt(sweep, k, x1);
                if (logDensity > logLevel) {
                    break;
                }
                if (x1 < x0) {
                    left = x1;
                } else {
                    right = x1;
                }
                if (!(right - left > 1e-12 * (1 + Math.abs(x0)))) {
                    // The interval has shrunk onto the current point (possible only when the density is
                    // not continuous there): staying put is the limit of the shrinkage.
                    x1 = x0;
                    logDensity = Double.NaN;
                    break;
                }
            }
            x[k] = x1;
            if (logDensity == logDensity) {
                sweep.setLogDensity(logDensity);
            } else {
                sweep.positionChanged();
            }
            if (sweep.warmup()) {
                sumOfMoves[c] += Math.abs(x1 - x0);
            }
        }
        if (sweep.warmup()) {
            adaptedIterations++;
            if (adaptedIterations >= ADAPT_AFTER) {
                for (int c = 0; c < widths.length; c++) {
                    widths[c] = Math.max(2 * sumOfMoves[c] / adaptedIterations, MIN_WIDTH);
                }
            }
        }
    }

    /** The log density with coordinate k set to {@code value}, the position left as it was. */
    private static double logDensityAt(Sweep sweep, int k, double value) {
        double[] x = sweep.position;
        double saved = x[k];
        x[k] = value;
        double lp = sweep.logDensityAt(x);
        x[k] = saved;
        return lp;
    }
}
