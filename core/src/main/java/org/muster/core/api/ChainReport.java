package org.muster.core.api;

import java.util.Objects;
import java.util.Optional;

/**
 * What one chain did.
 *
 * @param chain 1-based chain number
 * @param warmupSeconds wall time of warmup
 * @param samplingSeconds wall time of sampling
 * @param densityEvaluations log-density (or gradient) evaluations
 * @param adaptation the tuning warmup arrived at, for samplers that adapt a step size and metric
 */
public record ChainReport(int chain, double warmupSeconds, double samplingSeconds, long densityEvaluations,
        Optional<Adaptation> adaptation) {

    public ChainReport {
        Objects.requireNonNull(adaptation, "adaptation");
    }

    /** A report for a sampler without step size or metric. */
    public ChainReport(int chain, double warmupSeconds, double samplingSeconds, long densityEvaluations) {
        this(chain, warmupSeconds, samplingSeconds, densityEvaluations, Optional.empty());
    }

    /**
     * The result of a Hamiltonian sampler's warmup, as CmdStan writes it in its adaptation block.
     *
     * @param stepSize the adapted step size
     * @param dense whether the metric is dense ({@code dense_e}) or diagonal ({@code diag_e})
     * @param inverseMetric the inverse metric on the unconstrained space: one row (its diagonal) when
     *     diagonal, the full d × d matrix when dense
     */
    public record Adaptation(double stepSize, boolean dense, double[][] inverseMetric) {

        public Adaptation {
            inverseMetric = copy(inverseMetric);
        }

        @Override
        public double[][] inverseMetric() {
            return copy(inverseMetric);
        }

        private static double[][] copy(double[][] m) {
            double[][] c = new double[m.length][];
            for (int i = 0; i < m.length; i++) {
                c[i] = m[i].clone();
            }
            return c;
        }
    }
}
