package org.muster.core.api.transforms;

/**
 * Stan's stick-breaking map from {@code K - 1} reals onto the open K-simplex (Stan Reference
 * Manual, "Constraint Transforms", unit simplex). With 1-based k,
 * {@code z_k = invLogit(x_k - log(K - k))}, {@code y_k = (1 - Σ_{j<k} y_j) z_k} for k &lt; K and
 * {@code y_K} the remaining stick; the offset {@code log(K - k)} makes {@code x = 0} the uniform
 * simplex. log|J| = Σ_k log(z_k (1 - z_k) (1 - Σ_{j<k} y_j)), the Jacobian of x onto the first
 * {@code K - 1} entries.
 *
 * <p>The remaining stick is carried as a running sum of {@code log(1 - z_k)} rather than by
 * subtraction, so small entries keep full relative precision and the log-Jacobian stays finite for
 * |x| up to about 700.
 */
public final class Simplex implements Transform {

    /** Entries of a valid simplex must sum to 1 within this tolerance. */
    public static final double SUM_TOLERANCE = 1e-8;

    static final Simplex INSTANCE = new Simplex();

    private Simplex() {
    }

    @Override
    public String name() {
        return "simplex";
    }

    @Override
    public int freeSize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a simplex needs at least 1 entry, got " + size);
        }
        return size - 1;
    }

    @Override
    public double constrain(double[] x, int xOffset, double[] y, int yOffset, int size) {
        freeSize(size);
        double logRemaining = 0.0;
        double logJacobian = 0.0;
        for (int k = 0; k < size - 1; k++) {
            double u = x[xOffset + k] - Math.log(size - 1 - k);
            double logZ = TransformMath.logInvLogit(u);
            double logOneMinusZ = TransformMath.logInvLogit(-u);
            y[yOffset + k] = Math.exp(logRemaining + logZ);
            logJacobian += logZ + logOneMinusZ + logRemaining;
            logRemaining += logOneMinusZ;
        }
        y[yOffset + size - 1] = Math.exp(logRemaining);
        return logJacobian;
    }

    @Override
    public void unconstrain(double[] y, int yOffset, double[] x, int xOffset, int size) {
        freeSize(size);
        double sum = 0.0;
        for (int k = 0; k < size; k++) {
            double value = y[yOffset + k];
            if (!(value > 0) || value == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("entry " + k + " = " + TransformMath.format(value)
                        + " is not above the lower bound 0 of a simplex entry");
            }
            sum += value;
        }
        if (!(Math.abs(sum - 1.0) <= SUM_TOLERANCE)) {
            throw new IllegalArgumentException("simplex entries sum to " + sum
                    + ", not 1 within " + SUM_TOLERANCE);
        }
        // logit(z_k) = log y_k - log(Σ_{j>k} y_j): the tail sum avoids 1 - Σ_{j<=k} y_j cancelling.
        double tail = y[yOffset + size - 1];
        for (int k = size - 2; k >= 0; k--) {
            double value = y[yOffset + k];
            x[xOffset + k] = Math.log(value) - Math.log(tail) + Math.log(size - 1 - k);
            tail += value;
        }
    }

    @Override
    public void backward(double[] x, int xOffset, double[] y, int yOffset, double[] yAdjoint,
            int yAdjointOffset, double[] xAdjoint, int xAdjointOffset, int size,
            double jacobianWeight) {
        // d/du_m: y_m gets factor (1 - z_m), every later entry the factor -z_m; the log-Jacobian has
        // log z_m + log(1 - z_m) once and log(1 - z_m) in each later remaining-stick term.
        double laterWeighted = yAdjoint[yAdjointOffset + size - 1] * y[yOffset + size - 1];
        for (int m = size - 2; m >= 0; m--) {
            double u = x[xOffset + m] - Math.log(size - 1 - m);
            double z = TransformMath.invLogit(u);
            double oneMinusZ = TransformMath.invLogit(-u);
            double weighted = yAdjoint[yAdjointOffset + m] * y[yOffset + m];
            xAdjoint[xAdjointOffset + m] += weighted * oneMinusZ - z * laterWeighted
                    + jacobianWeight * (oneMinusZ - z * (size - 1 - m));
            laterWeighted += weighted;
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
