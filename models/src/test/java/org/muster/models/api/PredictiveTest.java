package org.muster.models.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.muster.core.api.Distributions.dirichlet;
import static org.muster.core.api.Distributions.gamma;
import static org.muster.core.api.Distributions.normal;
import static org.muster.core.api.Distributions.poisson;
import static org.muster.core.api.Expressions.dot;
import static org.muster.core.api.Expressions.exp;
import static org.muster.core.api.Expressions.invLogit;
import static org.muster.core.api.Expressions.log1p;
import static org.muster.core.api.Expressions.multiply;
import static org.muster.core.api.Expressions.sqrt;
import static org.muster.core.api.Expressions.square;
import static org.muster.core.api.Expressions.sum;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.muster.core.api.CompiledModel;
import org.muster.core.api.Draws;
import org.muster.core.api.Model;
import org.muster.core.api.ModelBuilder;
import org.muster.core.api.Node;

class PredictiveTest {

    private static Model normalMean() {
        ModelBuilder b = Model.builder();
        Node mu = b.stochastic("mu", normal(0, 1));
        b.observed("y", normal(mu, 1), new double[] {0.5, 1.5, -0.2});
        return b.build();
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static double variance(double[] values) {
        double m = mean(values);
        double sum = 0;
        for (double v : values) {
            sum += (v - m) * (v - m);
        }
        return sum / (values.length - 1);
    }

    @Test
    void thePriorPredictiveDrawsParametersThenData() {
        Draws prior = Predictive.prior(normalMean(), Optional.empty(), 20000, 1);
        assertEquals(List.of("mu", "y_rep[1]", "y_rep[2]", "y_rep[3]"), prior.variables());
        // mu ~ N(0, 1) and y | mu ~ N(mu, 1): y has variance 2. Tolerances are 5 standard errors.
        assertEquals(0, mean(prior.pooled(0)), 5 * Math.sqrt(1.0 / 20000));
        assertEquals(1, variance(prior.pooled(0)), 5 * Math.sqrt(2.0 / 20000));
        assertEquals(2, variance(prior.pooled(prior.indexOf("y_rep[2]"))), 5 * 2 * Math.sqrt(2.0 / 20000));
    }

    @Test
    void thePosteriorPredictiveReplicatesDataAtEachDraw() {
        Model model = normalMean();
        double[][][] values = {{new double[5000]}};
        java.util.Arrays.fill(values[0][0], 5.0);
        Draws posterior = Draws.of(List.of("mu"), values);
        GeneratedQuantities twice = new GeneratedQuantities() {
            @Override
            public List<String> names() {
                return List.of("twice_mu");
            }

            @Override
            public void generate(DrawValues draw, RandomGenerator random, double[] out) {
                out[0] = 2 * draw.get("mu");
            }
        };
        Draws predicted = Predictive.posterior(model, posterior, Optional.of(twice), 3);
        assertEquals(List.of("mu", "y_rep[1]", "y_rep[2]", "y_rep[3]", "twice_mu"), predicted.variables());
        double[] replicate = predicted.pooled(predicted.indexOf("y_rep[3]"));
        assertEquals(5, mean(replicate), 5 / Math.sqrt(5000));
        assertEquals(10, predicted.value(0, 4, 17));
        assertEquals(predicted.value(0, 1, 9), Predictive.posterior(model, posterior, Optional.of(twice), 3).value(0, 1, 9));
        assertNotEquals(predicted.value(0, 1, 9), Predictive.posterior(model, posterior, Optional.of(twice), 4).value(0, 1, 9));
    }

    @Test
    void missingParametersAndUnknownNamesAreErrors() {
        Draws wrong = Draws.of(List.of("nu"), new double[][][] {{{1.0}}});
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> Predictive.posterior(normalMean(), wrong, Optional.empty(), 1));
        assertTrue(missing.getMessage().contains("no variable 'mu'"), missing.getMessage());
        GeneratedQuantities typo = new GeneratedQuantities() {
            @Override
            public List<String> names() {
                return List.of("z");
            }

            @Override
            public void generate(DrawValues draw, RandomGenerator random, double[] out) {
                out[0] = draw.get("mu_typo");
            }
        };
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> Predictive.prior(normalMean(), Optional.of(typo), 2, 1));
        assertTrue(unknown.getMessage().contains("'mu_typo'"), unknown.getMessage());
    }

    /** The forward simulator computes every operation as the compiled model does. */
    @Test
    void deterministicNodesMatchTheCompiledModel() {
        ModelBuilder b = Model.builder();
        Node a = b.stochastic("a", normal(0, 1));
        Node s = b.stochastic("s", gamma(3, 2));
        Node v = b.stochastic("v", 3, normal(a, s));
        Node w = b.stochastic("w", dirichlet(b.data("ones", new double[] {1, 2, 3})));
        Node x = b.data("x", new double[][] {{1, 2, 3}, {0, -1, 0.5}});
        b.deterministic("e1", exp(v).minus(sqrt(s)).div(a.plus(5.0)));
        b.deterministic("e2", invLogit(v.times(a)).pow(2.0).negate());
        b.deterministic("e3", sum(square(v)).plus(dot(v, w)).plus(log1p(s)));
        b.deterministic("e4", multiply(x, v).at(new int[] {1, 0, 1}));
        Node rate = exp(v.at(new int[] {0, 2}));
        b.observed("k", poisson(rate), new int[] {1, 4});
        Model model = b.build();
        CompiledModel compiled = model.compile();
        Draws prior = Predictive.prior(model, Optional.empty(), 50, 9);
        for (int t = 0; t < 50; t++) {
            Map<String, double[]> parameters = new HashMap<>();
            parameters.put("a", new double[] {value(prior, "a", t)});
            parameters.put("s", new double[] {value(prior, "s", t)});
            parameters.put("v", new double[] {value(prior, "v[1]", t), value(prior, "v[2]", t), value(prior, "v[3]", t)});
            parameters.put("w", new double[] {value(prior, "w[1]", t), value(prior, "w[2]", t), value(prior, "w[3]", t)});
            assertEquals(1, parameters.get("w")[0] + parameters.get("w")[1] + parameters.get("w")[2], 1e-12);
            Map<String, double[]> outputs = compiled.constrain(compiled.unconstrain(parameters));
            for (String name : List.of("e1", "e2", "e3", "e4")) {
                double[] expected = outputs.get(name);
                for (int i = 0; i < expected.length; i++) {
                    String member = expected.length == 1 && !name.equals("e4") ? name : name + "[" + (i + 1) + "]";
                    assertEquals(expected[i], value(prior, member, t), 1e-9 * Math.max(1, Math.abs(expected[i])), member);
                }
            }
            double k = value(prior, "k_rep[2]", t);
            assertTrue(k >= 0 && k == Math.rint(k));
        }
    }

    private static double value(Draws draws, String name, int t) {
        return draws.value(0, draws.indexOf(name), t);
    }
}
