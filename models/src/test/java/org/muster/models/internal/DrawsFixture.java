package org.muster.models.internal;

import java.util.List;
import org.muster.core.api.CompiledModel;
import org.muster.core.api.Draws;
import org.muster.core.api.ModelEvaluator;

/** Draws of one chain made from given unconstrained points, as a sampler would report them. */
final class DrawsFixture {

    private DrawsFixture() {
    }

    /** @param points not modified: one unconstrained point per iteration */
    static Draws of(CompiledModel compiled, double[][] points) {
        List<String> names = compiled.outputNames();
        Draws.Builder builder = Draws.builder(names, 1, points.length);
        ModelEvaluator evaluator = compiled.newEvaluator();
        double[] row = new double[names.size()];
        for (int t = 0; t < points.length; t++) {
            evaluator.outputs(points[t], row);
            builder.set(0, t, row);
        }
        return builder.build();
    }
}
