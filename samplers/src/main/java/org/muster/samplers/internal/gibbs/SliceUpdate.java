package org.muster.samplers.internal.gibbs;

import java.util.Arrays;
import java.util.List;
import org.muster.core.api.UnconstrainedBlock;

/**
 * Univariate slice sampling of each unconstrained coordinate of a parameter node in turn, with the
 * stepping-out and shrinkage procedures of Neal (2003), "Slice sampling", Annals of Statistics 31(3),
 * 705–767 (figures 3 and 5). Stepping out at most {@value #MAX_STEPS} widths, with the budget split at
 * random between the two sides, and shrinking toward the current point keep detailed balance for any
 * width, so the width may be tuned freely during warmup: it is set to twice the mean absolute move of
 * the coordinate so far (from the 20th warmup iteration on; 1 before), then fixed for sampling.
 *
 * <p>Each point it tries costs the terms of the node's Markov blanket only (about five points per
 * coordinate per sweep once the width is tuned): for a node whose members can be evaluated one at a
 * time ({@link org.muster.core.api.MarkovBlanket#memberwise()}), the terms of the one member, so a sweep
 * over a plate of n members costs O(n); otherwise the node's whole blanket.
 */
final class SliceUpdate implements NodeUpdate {

    static final int MAX_STEPS = 32;
    private static final int ADAPT_AFTER = 20;
    private static final double MIN_WIDTH = 1e-8;

    private final UnconstrainedBlock block;
    private final double[] widths;
    private final double[] sumOfMoves;
    private int adaptedIterations;
    private Sweep.Conditional conditional;

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
        if (conditional == null || !conditional.of(sweep)) {
            conditional = sweep.conditional(List.of(block.parameter()));
        }
        sweep.computeValues();
        boolean memberwise = conditional.memberwise();
        double[] x = sweep.position;
        var random = sweep.random;
        double current = memberwise ? Double.NaN : sweep.blanketLogDensity(conditional);
        for (int c = 0; c < widths.length; c++) {
            int k = block.offset() + c;
            double x0 = x[k];
            double start = memberwise ? sweep.memberLogDensity(conditional, c) : current;
            // The slice level: log of a uniform height under the density, -Exp(1) below the current value.
            double logLevel = start + Math.log1p(-random.nextDouble());
            double width = widths[c];
            double left = x0 - width * random.nextDouble();
            double right = left + width;
            int leftSteps = (int) (MAX_STEPS * random.nextDouble());
            int rightSteps = MAX_STEPS - 1 - leftSteps;
            while (leftSteps-- > 0 && logDensityAt(sweep, c, k, left) > logLevel) {
                left -= width;
            }
            while (rightSteps-- > 0 && logDensityAt(sweep, c, k, right) > logLevel) {
                right += width;
            }
            double x1;
            double logDensity;
            while (true) {
                x1 = left + (right - left) * random.nextDouble();
                logDensity = logDensityAt(sweep, c, k, x1);
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
                    logDensity = start;
                    break;
                }
            }
            x[k] = x1;
            current = logDensity;
            if (sweep.warmup()) {
                sumOfMoves[c] += Math.abs(x1 - x0);
            }
        }
        sweep.positionChanged();
        if (sweep.warmup()) {
            adaptedIterations++;
            if (adaptedIterations >= ADAPT_AFTER) {
                for (int c = 0; c < widths.length; c++) {
                    widths[c] = Math.max(2 * sumOfMoves[c] / adaptedIterations, MIN_WIDTH);
                }
            }
        }
    }

    /**
     * The blanket's terms with coordinate k (member c of the node) set to {@code value}, the position left
     * as it was: the member's terms for a memberwise blanket, else the node's.
     */
    private double logDensityAt(Sweep sweep, int c, int k, double value) {
        double[] x = sweep.position;
        double saved = x[k];
        x[k] = value;
        double lp = conditional.memberwise() ? sweep.memberLogDensity(conditional, c)
                : sweep.blanketLogDensity(conditional);
        x[k] = saved;
        return lp;
    }
}
