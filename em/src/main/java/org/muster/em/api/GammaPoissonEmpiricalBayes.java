package org.muster.em.api;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.special.Gamma;
import org.muster.core.api.Conjugacy;
import org.muster.core.api.conjugate.ConjugateForms;
import org.muster.em.internal.optim.DifferentiableObjective;
import org.muster.em.internal.optim.Lbfgs;
import org.muster.em.internal.optim.LogScaleStandardErrors;
import org.muster.em.internal.optim.OptimizationResult;

/**
 * Type-II maximum likelihood for k_j ~ Poisson(e_j lambda_j), lambda_j ~ Gamma(shape a, rate b): with
 * the rates integrated out each count is negative binomial,
 * p(k_j) = Γ(a + k_j) / (Γ(a) k_j!) (b / (b + e_j))^a (e_j / (b + e_j))^k_j, by the closed forms of
 * {@link ConjugateForms}. Arrays are not modified.
 */
public final class GammaPoissonEmpiricalBayes {

    static final String TYPE_TWO = "type-II maximum likelihood";
    /** log shape beyond this means the counts show no spread beyond Poisson noise. */
    private static final double SATURATED_LOG = 15;

    private GammaPoissonEmpiricalBayes() {
    }

    /** log p(k | shape, rate): the sum of the negative binomial log probabilities. */
    public static double logMarginalLikelihood(int[] counts, double[] exposures, double shape, double rate) {
        requireData(counts, exposures);
        double sum = 0;
        for (int j = 0; j < counts.length; j++) {
            int k = counts[j];
            double e = exposures[j];
            double leading = (k == 0 ? 0 : k * Math.log(e)) - Gamma.logGamma(k + 1.0);
            sum += ConjugateForms.gammaPoissonLogMarginal(leading, shape, rate,
                    shape + k, rate + e);
        }
        return sum;
    }

    /**
     * Maximizes the marginal likelihood over (log shape, log rate) by L-BFGS with its exact gradient,
     * from the gamma whose mean is the pooled rate and whose shape is 1. Standard errors come from the
     * inverse Hessian of the log marginal likelihood by the delta method.
     *
     * <p>When the counts show no spread beyond Poisson noise the maximum is at shape → ∞ (complete
     * pooling); the result then has NaN hyperparameters and a warning saying so.
     */
    public static GammaPoissonEstimate typeTwoMaximumLikelihood(int[] counts, double[] exposures) {
        requireData(counts, exposures);
        double totalCount = 0;
        double totalExposure = 0;
        for (int j = 0; j < counts.length; j++) {
            totalCount += counts[j];
            totalExposure += exposures[j];
        }
        double pooledRate = Math.max(totalCount, 0.5) / totalExposure;
        DifferentiableObjective negativeLogMarginal = new DifferentiableObjective() {
            private final double[] unitShape = new double[1];
            private final double[] unitRate = new double[1];

            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public double valueGradient(double[] x, double[] gradient) {
                double shape = Math.exp(x[0]);
                double rate = Math.exp(x[1]);
                double dShape = 0;
                double dRate = 0;
                for (int j = 0; j < counts.length; j++) {
                    ConjugateForms.logMarginalGradient(Conjugacy.GAMMA_POISSON, shape, rate, counts[j], exposures[j],
                            unitShape, unitRate, 0);
                    dShape += unitShape[0];
                    dRate += unitRate[0];
                }
                gradient[0] = -shape * dShape;
                gradient[1] = -rate * dRate;
                return -logMarginalLikelihood(counts, exposures, shape, rate);
            }
        };
        OptimizationResult result = Lbfgs.defaults().minimize(negativeLogMarginal, new double[] {0, -Math.log(pooledRate)});
        double[] x = result.point();
        List<String> warnings = new ArrayList<>();
        if (Math.abs(x[0]) > SATURATED_LOG) {
            warnings.add("the marginal likelihood keeps rising as the gamma's shape grows: the counts show no spread"
                    + " beyond Poisson noise, so the type-II maximum is complete pooling (every rate "
                    + pooledRate + ") and no finite (shape, rate) is reported");
            return new GammaPoissonEstimate(TYPE_TWO, Double.NaN, Double.NaN, Double.NaN, Double.NaN, -result.value(),
                    warnings);
        }
        if (!result.status().converged()) {
            warnings.add("the optimizer stopped before convergence (" + result.status() + ")");
        }
        double[] se = LogScaleStandardErrors.standardErrors(negativeLogMarginal, x);
        return new GammaPoissonEstimate(TYPE_TWO, Math.exp(x[0]), Math.exp(x[1]), se[0], se[1], -result.value(), warnings);
    }

    private static void requireData(int[] counts, double[] exposures) {
        if (counts.length != exposures.length) {
            throw new IllegalArgumentException(counts.length + " counts but " + exposures.length + " exposures");
        }
        if (counts.length == 0) {
            throw new IllegalArgumentException("no units");
        }
        for (int j = 0; j < counts.length; j++) {
            if (counts[j] < 0 || !(exposures[j] > 0) || !Double.isFinite(exposures[j])) {
                throw new IllegalArgumentException("unit " + (j + 1) + ": count " + counts[j] + " over exposure "
                        + exposures[j] + " (need count >= 0 and a finite exposure > 0)");
            }
        }
    }
}
