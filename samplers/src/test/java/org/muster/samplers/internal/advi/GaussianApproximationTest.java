package org.muster.samplers.internal.advi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GaussianApproximationTest {

    /** The ELBO estimate with the standard-normal draws held fixed: mean log p(mu + S eta_s) + entropy. */
    private static double fixedDrawElbo(GaussianApproximation q, GaussianTarget target, double[][] etas) {
        double[] zeta = new double[q.dimension];
        double sum = 0;
        for (double[] eta : etas) {
            q.transform(eta, zeta);
            sum += target.logDensity(zeta);
        }
        return sum / etas.length + q.entropy();
    }

    private static void assertGradientMatchesFiniteDifferences(GaussianApproximation q) {
        GaussianTarget target = new GaussianTarget(AdviTest.MEAN, GaussianTarget.inverse(AdviTest.COVARIANCE), 0);
        SplittableRandom random = new SplittableRandom(4);
        for (int k = 0; k < q.parameters.length; k++) {
            q.parameters[k] = k < q.dimension ? random.nextGaussian() : 0.3 + 0.5 * random.nextDouble();
        }
        double[][] etas = new double[5][q.dimension];
        for (double[] eta : etas) {
            for (int i = 0; i < eta.length; i++) {
                eta[i] = random.nextGaussian();
            }
        }
        double[] gradient = new double[q.parameters.length];
        double[] zeta = new double[q.dimension];
        double[] targetGradient = new double[q.dimension];
        for (double[] eta : etas) {
            q.transform(eta, zeta);
            target.logDensityGradient(zeta, targetGradient);
            q.accumulate(targetGradient, eta, gradient);
        }
        q.finishGradient(gradient, etas.length);
        double h = 1e-5;
        for (int k = 0; k < q.parameters.length; k++) {
            double saved = q.parameters[k];
            q.parameters[k] = saved + h;
            double up = fixedDrawElbo(q, target, etas);
            q.parameters[k] = saved - h;
            double down = fixedDrawElbo(q, target, etas);
            q.parameters[k] = saved;
            assertEquals((up - down) / (2 * h), gradient[k], 1e-6 * Math.max(1, Math.abs(gradient[k])), "parameter " + k);
        }
    }

    @Test
    void meanFieldGradientMatchesFiniteDifferences() {
        assertGradientMatchesFiniteDifferences(new GaussianApproximation.MeanField(3));
    }

    @Test
    void fullRankGradientMatchesFiniteDifferences() {
        assertGradientMatchesFiniteDifferences(new GaussianApproximation.FullRank(3));
    }

    @Test
    void logDensityOfADrawIsTheGaussianDensityOfZeta() {
        GaussianApproximation.FullRank q = new GaussianApproximation.FullRank(2);
        q.reset(new double[] {1, -1});
        // L = [[2, 0], [1, 0.5]]: covariance [[4, 2], [2, 1.25]], determinant 1.
        q.parameters[2] = 2;
        q.parameters[3] = 1;
        q.parameters[4] = 0.5;
        double[] eta = {0.3, -0.7};
        double[] zeta = new double[2];
        q.transform(eta, zeta);
        double[][] precision = GaussianTarget.inverse(new double[][] {{4, 2}, {2, 1.25}});
        GaussianTarget normal = GaussianTarget.normalized(new double[] {1, -1}, precision);
        assertEquals(normal.logDensity(zeta), q.logDensityOfDraw(eta), 1e-12);
        assertEquals(1 + Math.log(2 * Math.PI) + Math.log(2 * 0.5), q.entropy(), 1e-12);
        GaussianApproximation.MeanField m = new GaussianApproximation.MeanField(1);
        m.reset(new double[] {0});
        m.parameters[1] = Math.log(3);
        assertEquals(-0.5 * 4 - Math.log(3) - 0.5 * Math.log(2 * Math.PI), m.logDensityOfDraw(new double[] {2}), 1e-12);
    }
}
