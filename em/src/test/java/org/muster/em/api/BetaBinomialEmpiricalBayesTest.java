package org.muster.em.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.BinomialDistribution;
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

class BetaBinomialEmpiricalBayesTest {

    private static final Dataset RATS = DatasetReader.builtIn("rats");
    private static final int[] TUMORS = RATS.integer("tumors");
    private static final int[] RATS_PER_EXPERIMENT = RATS.integer("rats");
    /** The 70 historical experiments; the 71st (4 of 14) is the current one (BDA3 5.1). */
    private static final int[] HISTORICAL_TUMORS = Arrays.copyOf(TUMORS, 70);
    private static final int[] HISTORICAL_RATS = Arrays.copyOf(RATS_PER_EXPERIMENT, 70);

    @Test
    void marginalLikelihoodMatchesQuadratureOfBinomialTimesBeta() {
        int[] y = {0, 3, 7, 12};
        int[] n = {10, 14, 20, 12};
        double alpha = 1.7;
        double beta = 6.2;
        BetaDistribution prior = new BetaDistribution(alpha, beta);
        double expected = 0;
        for (int j = 0; j < y.length; j++) {
            int unit = j;
            // Composite 32-point Gauss–Legendre on 100 panels, over u with theta = u² so that the
            // theta^(alpha - 1) factor is smooth at 0.
            double integral = 0;
            for (int panel = 0; panel < 100; panel++) {
                integral += new GaussIntegratorFactory().legendre(32, panel / 100.0, (panel + 1) / 100.0)
                        .integrate(u -> new BinomialDistribution(null, n[unit], u * u).probability(y[unit])
                                * prior.density(u * u) * 2 * u);
            }
            expected += Math.log(integral);
        }
        assertEquals(expected, BetaBinomialEmpiricalBayes.logMarginalLikelihood(y, n, alpha, beta), 1e-8);
    }

    @Test
    void ratsMethodOfMomentsGivesTheLecturesValues() {
        BetaBinomialEstimate moments = BetaBinomialEmpiricalBayes.methodOfMoments(HISTORICAL_TUMORS, HISTORICAL_RATS);
        assertEquals(1.4, moments.alpha(), 0.05);
        assertEquals(8.6, moments.beta(), 0.05);
        // The current experiment, 4 tumors in 14 rats: posterior Beta(alpha + 4, beta + 10).
        assertEquals(0.223, moments.posteriorMean(TUMORS[70], RATS_PER_EXPERIMENT[70]), 0.001);
        assertEquals(4, TUMORS[70]);
        assertEquals(14, RATS_PER_EXPERIMENT[70]);
    }

    @Test
    void methodOfMomentsReproducesTheMomentsItMatches() {
        BetaBinomialEstimate moments = BetaBinomialEmpiricalBayes.methodOfMoments(HISTORICAL_TUMORS, HISTORICAL_RATS);
        double[] rates = new double[70];
        for (int j = 0; j < 70; j++) {
            rates[j] = (double) HISTORICAL_TUMORS[j] / HISTORICAL_RATS[j];
        }
        BetaDistribution population = new BetaDistribution(moments.alpha(), moments.beta());
        assertEquals(Arrays.stream(rates).average().orElseThrow(), population.getNumericalMean(), 1e-12);
        assertEquals(new org.apache.commons.math3.stat.descriptive.moment.Variance().evaluate(rates),
                population.getNumericalVariance(), 1e-12);
    }

    @Test
    void typeTwoMaximumLikelihoodOnRatsAgreesWithDerivativeFreeMaximization() {
        BetaBinomialEstimate typeTwo = BetaBinomialEmpiricalBayes.typeTwoMaximumLikelihood(TUMORS, RATS_PER_EXPERIMENT);
        assertTrue(typeTwo.warnings().isEmpty(), typeTwo.warnings().toString());
        PointValuePair best = new SimplexOptimizer(1e-15, 1e-15).optimize(new MaxEval(100_000),
                new ObjectiveFunction(p -> BetaBinomialEmpiricalBayes.logMarginalLikelihood(TUMORS, RATS_PER_EXPERIMENT,
                        Math.exp(p[0]), Math.exp(p[1]))),
                GoalType.MAXIMIZE, new InitialGuess(new double[] {0, 2}), new NelderMeadSimplex(2));
        assertEquals(Math.exp(best.getPoint()[0]), typeTwo.alpha(), 1e-4 * typeTwo.alpha());
        assertEquals(Math.exp(best.getPoint()[1]), typeTwo.beta(), 1e-4 * typeTwo.beta());
        assertTrue(typeTwo.logMarginalLikelihood() >= best.getValue() - 1e-9);
        // Type-II ML is the maximum: the moments' (alpha, beta) cannot have a higher marginal likelihood.
        BetaBinomialEstimate moments = BetaBinomialEmpiricalBayes.methodOfMoments(TUMORS, RATS_PER_EXPERIMENT);
        assertTrue(typeTwo.logMarginalLikelihood() > moments.logMarginalLikelihood());
    }

    /**
     * Standard errors from the inverse of the observed information on the natural scale, by central
     * differences of {@code logLikelihood} itself with relative step h: an independent route to the
     * delta-method values.
     */
    static double[] naturalScaleStandardErrors(java.util.function.DoubleBinaryOperator logLikelihood, double a, double b) {
        double ha = 1e-4 * a;
        double hb = 1e-4 * b;
        double f = logLikelihood.applyAsDouble(a, b);
        double faa = (logLikelihood.applyAsDouble(a + ha, b) - 2 * f + logLikelihood.applyAsDouble(a - ha, b)) / (ha * ha);
        double fbb = (logLikelihood.applyAsDouble(a, b + hb) - 2 * f + logLikelihood.applyAsDouble(a, b - hb)) / (hb * hb);
        double fab = (logLikelihood.applyAsDouble(a + ha, b + hb) - logLikelihood.applyAsDouble(a + ha, b - hb)
                - logLikelihood.applyAsDouble(a - ha, b + hb) + logLikelihood.applyAsDouble(a - ha, b - hb)) / (4 * ha * hb);
        // Inverse of the 2 × 2 information [[-faa, -fab], [-fab, -fbb]].
        double determinant = faa * fbb - fab * fab;
        return new double[] {Math.sqrt(-fbb / determinant), Math.sqrt(-faa / determinant)};
    }

    @Test
    void typeTwoStandardErrorsAreTheInverseObservedInformation() {
        BetaBinomialEstimate typeTwo = BetaBinomialEmpiricalBayes.typeTwoMaximumLikelihood(TUMORS, RATS_PER_EXPERIMENT);
        double[] expected = naturalScaleStandardErrors((a, b) -> BetaBinomialEmpiricalBayes.logMarginalLikelihood(TUMORS,
                RATS_PER_EXPERIMENT, a, b), typeTwo.alpha(), typeTwo.beta());
        assertEquals(expected[0], typeTwo.alphaStandardError(), 1e-3 * expected[0]);
        assertEquals(expected[1], typeTwo.betaStandardError(), 1e-3 * expected[1]);
        assertTrue(Double.isNaN(BetaBinomialEmpiricalBayes.methodOfMoments(TUMORS, RATS_PER_EXPERIMENT).alphaStandardError()));
    }

    @Test
    void ratesWithNoSpreadBeyondBinomialNoiseHaveNoFiniteTypeTwoEstimate() {
        // Rates 0.08 to 0.12 in 50 trials: their variance is below the binomial variance p(1 - p)/n alone.
        int[] y = {4, 5, 6, 5, 5, 4, 6, 5, 5, 5};
        int[] n = new int[y.length];
        Arrays.fill(n, 50);
        BetaBinomialEstimate typeTwo = BetaBinomialEmpiricalBayes.typeTwoMaximumLikelihood(y, n);
        assertTrue(Double.isNaN(typeTwo.alpha()));
        assertTrue(typeTwo.warnings().get(0).contains("complete pooling"), typeTwo.warnings().toString());
    }

    @Test
    void methodOfMomentsNeedsRatesThatVary() {
        int[] y = new int[12];
        int[] n = new int[12];
        Arrays.fill(y, 5);
        Arrays.fill(n, 50);
        assertThrows(IllegalArgumentException.class, () -> BetaBinomialEmpiricalBayes.methodOfMoments(y, n));
    }

    @Test
    void rejectsImpossibleCounts() {
        assertThrows(IllegalArgumentException.class,
                () -> BetaBinomialEmpiricalBayes.typeTwoMaximumLikelihood(new int[] {5}, new int[] {4}));
        assertThrows(IllegalArgumentException.class,
                () -> BetaBinomialEmpiricalBayes.methodOfMoments(new int[] {1, 2}, new int[] {4}));
    }
}
