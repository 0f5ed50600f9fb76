package org.muster.em.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.junit.jupiter.api.Test;
import org.muster.models.api.Dataset;
import org.muster.models.api.DatasetReader;

class GammaPoissonEmpiricalBayesTest {

    private static final Dataset SOURCES = DatasetReader.builtIn("gamma-poisson-sources");
    private static final int[] COUNTS = SOURCES.integer("counts");
    private static final double[] EXPOSURES = SOURCES.real("exposure");

    @Test
    void marginalLikelihoodMatchesQuadratureOfPoissonTimesGamma() {
        int[] k = {0, 3, 11};
        double[] e = {0.5, 2.0, 1.3};
        double shape = 2.3;
        double rate = 0.7;
        GammaDistribution prior = new GammaDistribution(null, shape, 1 / rate);
        double expected = 0;
        for (int j = 0; j < k.length; j++) {
            int unit = j;
            // Composite 32-point Gauss–Legendre on 240 panels of [0, 60]; Gamma(2.3, 0.7) puts e^-40 beyond 60.
            double integral = 0;
            for (int panel = 0; panel < 240; panel++) {
                integral += new GaussIntegratorFactory().legendre(32, panel * 0.25, (panel + 1) * 0.25)
                        .integrate(lambda -> poisson(k[unit], e[unit] * lambda) * prior.density(lambda));
            }
            expected += Math.log(integral);
        }
        assertEquals(expected, GammaPoissonEmpiricalBayes.logMarginalLikelihood(k, e, shape, rate), 1e-8);
    }

    /** The Poisson probability of k at mean m, written out so the check does not reuse the code under test. */
    private static double poisson(int k, double m) {
        return Math.exp(k * Math.log(m) - m - org.apache.commons.math3.special.Gamma.logGamma(k + 1.0));
    }

    @Test
    void typeTwoMaximumLikelihoodAgreesWithDerivativeFreeMaximization() {
        GammaPoissonEstimate typeTwo = GammaPoissonEmpiricalBayes.typeTwoMaximumLikelihood(COUNTS, EXPOSURES);
        assertTrue(typeTwo.warnings().isEmpty(), typeTwo.warnings().toString());
        PointValuePair best = new SimplexOptimizer(1e-15, 1e-15).optimize(new MaxEval(100_000),
                new ObjectiveFunction(p -> GammaPoissonEmpiricalBayes.logMarginalLikelihood(COUNTS, EXPOSURES,
                        Math.exp(p[0]), Math.exp(p[1]))),
                GoalType.MAXIMIZE, new InitialGuess(new double[] {0, 0}), new NelderMeadSimplex(2));
        assertEquals(Math.exp(best.getPoint()[0]), typeTwo.shape(), 1e-4 * typeTwo.shape());
        assertEquals(Math.exp(best.getPoint()[1]), typeTwo.rate(), 1e-4 * typeTwo.rate());
        assertTrue(typeTwo.logMarginalLikelihood() >= best.getValue() - 1e-9);
    }

    @Test
    void typeTwoStandardErrorsAreTheInverseObservedInformation() {
        GammaPoissonEstimate typeTwo = GammaPoissonEmpiricalBayes.typeTwoMaximumLikelihood(COUNTS, EXPOSURES);
        double[] expected = BetaBinomialEmpiricalBayesTest.naturalScaleStandardErrors(
                (a, b) -> GammaPoissonEmpiricalBayes.logMarginalLikelihood(COUNTS, EXPOSURES, a, b), typeTwo.shape(),
                typeTwo.rate());
        assertEquals(expected[0], typeTwo.shapeStandardError(), 1e-3 * expected[0]);
        assertEquals(expected[1], typeTwo.rateStandardError(), 1e-3 * expected[1]);
    }

    @Test
    void posteriorMeanIsTheConjugateGammaMean() {
        GammaPoissonEstimate estimate = new GammaPoissonEstimate("given", 3, 2, Double.NaN, Double.NaN, Double.NaN, java.util.List.of());
        assertEquals((3 + 7) / (2 + 4.0), estimate.posteriorMean(7, 4.0), 1e-15);
    }

    @Test
    void countsWithNoSpreadBeyondPoissonNoiseHaveNoFiniteEstimate() {
        int[] k = {10, 10, 10, 10, 10, 10, 10, 10};
        double[] e = {1, 1, 1, 1, 1, 1, 1, 1};
        GammaPoissonEstimate typeTwo = GammaPoissonEmpiricalBayes.typeTwoMaximumLikelihood(k, e);
        assertTrue(Double.isNaN(typeTwo.shape()), "shape " + typeTwo.shape());
        assertTrue(typeTwo.warnings().get(0).contains("complete pooling"));
    }

    @Test
    void rejectsBadData() {
        assertThrows(IllegalArgumentException.class,
                () -> GammaPoissonEmpiricalBayes.typeTwoMaximumLikelihood(new int[] {1}, new double[] {0}));
        assertThrows(IllegalArgumentException.class,
                () -> GammaPoissonEmpiricalBayes.typeTwoMaximumLikelihood(new int[] {1, 2}, new double[] {1}));
    }
}
