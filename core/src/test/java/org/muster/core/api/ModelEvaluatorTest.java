package org.muster.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.muster.core.api.Distributions.gamma;
import static org.muster.core.api.Distributions.normal;
import static org.muster.core.api.Distributions.poisson;

import org.junit.jupiter.api.Test;

class ModelEvaluatorTest {

    @Test
    void valuesOfParametersExpressionsDataAndObservationsAfterComputeValues() {
        ModelBuilder b = Model.builder();
        Node mu = b.stochastic("mu", normal(0, 1));
        Node lambda = b.stochastic("lambda", 2, gamma(2, 1));
        Node e = b.data("e", new double[] {2, 3});
        Node shifted = mu.times(2).plus(1);
        Node k = b.observed("k", poisson(e.times(lambda)), new int[] {4, 7});
        ModelEvaluator evaluator = b.build().compile().newEvaluator();
        double[] x = {0.5, 0, Math.log(3)};
        evaluator.computeValues(x);
        assertEquals(0.5, evaluator.value(mu, 0));
        assertEquals(0.5, evaluator.value(mu, 1), "a scalar broadcasts");
        assertEquals(1, evaluator.value(lambda, 0), 1e-12);
        assertEquals(3, evaluator.value(lambda, 1), 1e-12);
        assertEquals(2.0, evaluator.value(shifted, 0), 1e-12);
        assertEquals(3, evaluator.value(e, 1));
        assertEquals(7, evaluator.value(k, 1));
    }
}
