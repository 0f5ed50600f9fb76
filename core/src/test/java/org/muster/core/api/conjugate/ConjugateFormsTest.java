package org.muster.core.api.conjugate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.muster.core.api.Conjugacy;
import org.muster.core.api.conjugate.ConjugateForms.Functions;

/** The closed forms: both numerical forms of each marginal agree, the stable one at any scale, and the gradients. */
class ConjugateFormsTest {

    private static final Conjugacy[] KINDS = {Conjugacy.BETA_BINOMIAL, Conjugacy.GAMMA_POISSON, Conjugacy.NORMAL_NORMAL};

    @Test
    void theTwoNumericalFormsOfEachMarginalAgree() {
        double[][] cases = {{2.3, 14.1, 3, 17, 0}, {0.4, 0.7, 0, 20, 0}, {11.8, 0.11, 224, 1.64, 0}, {5.5, 3.1, 0.02, 0.3, 6.1}};
        for (Conjugacy kind : KINDS) {
            for (double[] c : cases) {
                double commons = ConjugateForms.logMarginal(Functions.COMMONS_MATH, kind, 0.25, c[0], c[1], c[2], c[3], c[4]);
                double stable = ConjugateForms.logMarginal(Functions.ALLOCATION_FREE, kind, 0.25, c[0], c[1], c[2], c[3], c[4]);
                assertEquals(commons, stable, 1e-12 * Math.max(1, Math.abs(commons)), kind + " at " + java.util.Arrays.toString(c));
            }
        }
    }

    @Test
    void theStableBetaBinomialMarginalKeepsItsDigitsAtAHugeConcentration() {
        // log B(a + s, b + f) - log B(a, b) = sum log(a + i) + sum log(b + i) - sum log(a + b + i) for whole s, f.
        for (double concentration : new double[] {1e3, 1e9, 1e17}) {
            double a = 0.14 * concentration;
            double b = 0.86 * concentration;
            int s = 3;
            int f = 17;
            double exact = 0;
            for (int i = 0; i < s; i++) {
                exact += Math.log(a + i);
            }
            for (int i = 0; i < f; i++) {
                exact += Math.log(b + i);
            }
            for (int i = 0; i < s + f; i++) {
                exact -= Math.log(a + b + i);
            }
            assertEquals(exact, ConjugateForms.logMarginal(Functions.ALLOCATION_FREE, Conjugacy.BETA_BINOMIAL, 0, a, b, s,
                    f, 0), 1e-12 * Math.abs(exact), "concentration " + concentration);
        }
    }

    @Test
    void gradientsMatchFiniteDifferencesOfTheMarginal() {
        double[][] cases = {{2.3, 14.1, 3, 17, 0}, {0.4, 0.7, 0, 20, 0}, {11.8, 0.11, 224, 1.64, 0}, {5.5, 3.1, 0.02, 0.3, 6.1},
            {1e6, 4e6, 7, 30, 0}};
        double[] first = new double[1];
        double[] second = new double[1];
        for (Conjugacy kind : KINDS) {
            for (double[] c : cases) {
                ConjugateForms.logMarginalGradient(kind, c[0], c[1], c[2], c[3], first, second, 0);
                double[] expected = new double[2];
                for (int k = 0; k < 2; k++) {
                    double h = 1e-4 * c[k];
                    double[] up = c.clone();
                    double[] down = c.clone();
                    up[k] += h;
                    down[k] -= h;
                    double[] up2 = c.clone();
                    double[] down2 = c.clone();
                    up2[k] += 2 * h;
                    down2[k] -= 2 * h;
                    expected[k] = (8 * (value(kind, up) - value(kind, down)) - (value(kind, up2) - value(kind, down2)))
                            / (12 * h);
                }
                String at = kind + " at " + java.util.Arrays.toString(c);
                assertEquals(expected[0], first[0], 1e-7 * Math.max(1e-3, Math.abs(expected[0])), "d/da " + at);
                assertEquals(expected[1], second[0], 1e-7 * Math.max(1e-3, Math.abs(expected[1])), "d/db " + at);
            }
        }
    }

    private static double value(Conjugacy kind, double[] c) {
        return ConjugateForms.logMarginal(Functions.ALLOCATION_FREE, kind, 0, c[0], c[1], c[2], c[3], c[4]);
    }

    @Test
    void theValueWithItsGradientIsBothAtOnce() {
        double[] scratch = new double[6];
        double[] first = new double[1];
        double[] second = new double[1];
        double[] expectedFirst = new double[1];
        double[] expectedSecond = new double[1];
        for (Conjugacy kind : KINDS) {
            for (double[] c : new double[][] {{2.3, 14.1, 3, 17, 0}, {11.8, 0.11, 224, 1.64, 0}, {5.5, 3.1, 0.02, 0.3, 6.1},
                {3e9, 2e10, 4, 9, 0}}) {
                double value = ConjugateForms.logMarginalWithGradient(kind, c[0], c[1], c[2], c[3], c[4], first, second, 0,
                        scratch);
                ConjugateForms.logMarginalGradient(kind, c[0], c[1], c[2], c[3], expectedFirst, expectedSecond, 0);
                double expected = ConjugateForms.logMarginal(Functions.ALLOCATION_FREE, kind, 0, c[0], c[1], c[2], c[3], c[4]);
                String at = kind + " at " + java.util.Arrays.toString(c);
                assertEquals(expected, value, 1e-14 * Math.max(1, Math.abs(expected)), at);
                assertEquals(expectedFirst[0], first[0], 1e-14 * Math.max(1, Math.abs(first[0])), at);
                assertEquals(expectedSecond[0], second[0], 1e-14 * Math.max(1, Math.abs(second[0])), at);
            }
        }
    }
}
