package org.muster.samplers.internal.hmc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.muster.core.api.LogDensity;

class HamiltonianSystemTest {

    /** A correlated Gaussian target with a hand-written gradient. */
    static final LogDensity GAUSSIAN = new LogDensity() {
        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public double logDensity(double[] x) {
            return -0.5 * (x[0] * x[0] - 1.6 * x[0] * x[1] + x[1] * x[1]) / 0.36;
        }

        @Override
        public double logDensityGradient(double[] x, double[] gradient) {
            gradient[0] = -(x[0] - 0.8 * x[1]) / 0.36;
            gradient[1] = -(x[1] - 0.8 * x[0]) / 0.36;
            return logDensity(x);
        }
    };

    @Test
    void leapfrogIsReversible() {
        for (Metric metric : new Metric[] {new DiagonalMetric(new double[] {2, 0.5}),
                new DenseMetric(new double[][] {{1, 0.8}, {0.8, 1}})}) {
            HamiltonianSystem system = new HamiltonianSystem(GAUSSIAN, metric);
            PhasePoint z = new PhasePoint(2);
            z.position[0] = 0.3;
            z.position[1] = -1.2;
            system.evaluate(z);
            system.sampleMomentum(new SplittableRandom(3), z);
            double[] q0 = z.position.clone();
            double[] p0 = z.momentum.clone();
            for (int i = 0; i < 50; i++) {
                system.leapfrog(z, 0.1);
            }
            for (int i = 0; i < 50; i++) {
                system.leapfrog(z, -0.1);
            }
            assertArrayEquals(q0, z.position, 1e-10);
            assertArrayEquals(p0, z.momentum, 1e-10);
        }
    }

    @Test
    void energyErrorShrinksWithTheSquareOfTheStepSize() {
        HamiltonianSystem system = new HamiltonianSystem(GAUSSIAN, new DiagonalMetric(new double[] {1, 1}));
        double[] errors = new double[2];
        double[] steps = {0.02, 0.01};
        for (int k = 0; k < 2; k++) {
            PhasePoint z = new PhasePoint(2);
            z.position[0] = 1;
            z.momentum[1] = 1;
            system.evaluate(z);
            double h0 = system.hamiltonian(z);
            double worst = 0;
            for (int i = 0; i < (int) (1 / steps[k]); i++) {
                system.leapfrog(z, steps[k]);
                worst = Math.max(worst, Math.abs(system.hamiltonian(z) - h0));
            }
            errors[k] = worst;
        }
        double ratio = errors[0] / errors[1];
        assertTrue(ratio > 3.5 && ratio < 4.5, "halving the step should quarter the energy error, ratio " + ratio);
        assertEquals(2 + 50 + 100, system.gradientEvaluations(), "one gradient per step plus each start");
    }

    @Test
    void hamiltonianAndVelocityAgreesWithTheSeparateCalls() {
        for (Metric metric : new Metric[] {new DiagonalMetric(new double[] {2, 0.5}),
                new DenseMetric(new double[][] {{1, 0.8}, {0.8, 1}})}) {
            HamiltonianSystem system = new HamiltonianSystem(GAUSSIAN, metric);
            PhasePoint z = new PhasePoint(2);
            z.position[0] = 0.7;
            z.position[1] = 0.1;
            system.evaluate(z);
            system.sampleMomentum(new SplittableRandom(12), z);
            double[] expected = new double[2];
            double h = system.hamiltonianAndVelocity(z);
            metric.velocity(z.momentum, expected);
            assertArrayEquals(expected, z.velocity, 0.0);
            assertEquals(system.hamiltonian(z), h, 0.0, "the same arithmetic as the kinetic energy alone");
            assertEquals(h, z.hamiltonian, 0.0);
            // A leapfrog step leaves the velocity and H at the new point, with the same arithmetic.
            PhasePoint next = new PhasePoint(2);
            double stepped = system.leapfrog(z, next, 0.1);
            metric.velocity(next.momentum, expected);
            assertArrayEquals(expected, next.velocity, 0.0);
            assertEquals(system.hamiltonian(next), stepped, 0.0);
            // The same step in place gives the same point.
            system.leapfrog(z, 0.1);
            assertArrayEquals(next.position, z.position, 0.0);
            assertArrayEquals(next.momentum, z.momentum, 0.0);
            assertArrayEquals(next.gradient, z.gradient, 0.0);
        }
    }
}
