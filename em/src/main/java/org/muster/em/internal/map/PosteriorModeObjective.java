package org.muster.em.internal.map;

import org.muster.core.api.ModelEvaluator;
import org.muster.em.internal.optim.DifferentiableObjective;

/**
 * The negative log posterior density over a compiled model's unconstrained coordinates, for a
 * minimizer. Without the Jacobian its minimum is the mode of the density of the constrained
 * parameters (what MAP means, and what Stan's optimizer reports by default); with it, the mode of the
 * density of the unconstrained coordinates. Not thread-safe: owns an evaluator and a buffer.
 */
final class PosteriorModeObjective implements DifferentiableObjective {

    private final ModelEvaluator evaluator;
    private final boolean jacobian;
    private final double[] jacobianGradient;

    PosteriorModeObjective(ModelEvaluator evaluator, boolean jacobian) {
        this.evaluator = evaluator;
        this.jacobian = jacobian;
        this.jacobianGradient = new double[evaluator.dimension()];
    }

    @Override
    public int dimension() {
        return evaluator.dimension();
    }

    @Override
    public double valueGradient(double[] x, double[] gradient) {
        double logDensity = evaluator.logDensityGradient(x, gradient);
        if (!jacobian) {
            logDensity -= evaluator.logJacobianGradient(x, jacobianGradient);
            for (int i = 0; i < gradient.length; i++) {
                gradient[i] -= jacobianGradient[i];
            }
        }
        for (int i = 0; i < gradient.length; i++) {
            gradient[i] = -gradient[i];
        }
        return logDensity == Double.NEGATIVE_INFINITY ? Double.NaN : -logDensity;
    }

    /** The log posterior density at {@code x} (the objective's negative), with or without the Jacobian as configured. */
    double logPosterior(double[] x) {
        return -valueGradient(x, new double[x.length]);
    }
}
