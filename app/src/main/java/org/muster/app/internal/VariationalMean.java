package org.muster.app.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.muster.core.api.CompiledModel;
import org.muster.core.api.Draws;
import org.muster.core.api.Model;
import org.muster.core.api.VariationalFit;

/**
 * The first row of a variational draws file, as CmdStan writes it: the approximation's mean pushed
 * through the constraints (and the named deterministic nodes computed there).
 */
public final class VariationalMean {

    private VariationalMean() {
    }

    /**
     * One value per variable of {@code draws}: the model's outputs at the approximation's mean; a variable
     * the model does not compute (a predictive draw such as {@code y_rep[1]}) gets the mean of its draws.
     *
     * @param model the model the fit approximated
     */
    public static double[] row(Model model, VariationalFit fit, Draws draws) {
        CompiledModel compiled = model.compile();
        List<String> names = compiled.outputNames();
        double[] outputs = new double[names.size()];
        compiled.newEvaluator().outputs(fit.mean(), outputs);
        Map<String, Double> byName = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            byName.put(names.get(i), outputs[i]);
        }
        double[] row = new double[draws.variables().size()];
        for (int v = 0; v < row.length; v++) {
            Double value = byName.get(draws.variables().get(v));
            if (value != null) {
                row[v] = value;
            } else {
                double sum = 0;
                for (int c = 0; c < draws.chains(); c++) {
                    for (int t = 0; t < draws.iterations(); t++) {
                        sum += draws.value(c, v, t);
                    }
                }
                row[v] = sum / ((double) draws.chains() * draws.iterations());
            }
        }
        return row;
    }
}
