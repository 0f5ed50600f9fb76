package org.muster.em.internal.optim;

import java.util.Arrays;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;

/** Standard errors of positive parameters estimated on the log scale. */
public final class LogScaleStandardErrors {

    private LogScaleStandardErrors() {
    }

    /**
     * Delta method at a minimum of {@code objective} over log-parameters: with H the Hessian there (by
     * central differences of the gradient), se(exp(x_i)) = exp(x_i) sqrt((H⁻¹)_ii). At a stationary
     * point this equals the inverse Hessian on the natural scale. NaN entries when H is not positive definite.
     *
     * @param logParameters not modified
     */
    public static double[] standardErrors(DifferentiableObjective objective, double[] logParameters) {
        int n = logParameters.length;
        double[] se = new double[n];
        Arrays.fill(se, Double.NaN);
        RealMatrix covariance;
        try {
            covariance = new CholeskyDecomposition(
                    new Array2DRowRealMatrix(FiniteDifferences.hessian(objective, logParameters)),
                    1e-12, 1e-14).getSolver().getInverse();
        } catch (NonPositiveDefiniteMatrixException e) {
            return se;
        }
        for (int i = 0; i < n; i++) {
            se[i] = Math.exp(logParameters[i]) * Math.sqrt(covariance.getEntry(i, i));
        }
        return se;
    }
}
