package org.muster.lang.internal.compiler;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.muster.core.api.Distribution;
import org.muster.core.api.Expressions;
import org.muster.core.api.Node;
import org.muster.core.api.NodeKind;
import org.muster.core.api.distributions.Bernoulli;
import org.muster.core.api.distributions.Beta;
import org.muster.core.api.distributions.Binomial;
import org.muster.core.api.distributions.Categorical;
import org.muster.core.api.distributions.Dirichlet;
import org.muster.core.api.distributions.DistributionKernel;
import org.muster.core.api.distributions.Exponential;
import org.muster.core.api.distributions.Gamma;
import org.muster.core.api.distributions.LogNormal;
import org.muster.core.api.distributions.Logistic;
import org.muster.core.api.distributions.Multinomial;
import org.muster.core.api.distributions.MultivariateNormalPrecision;
import org.muster.core.api.distributions.NegativeBinomial;
import org.muster.core.api.distributions.Normal;
import org.muster.core.api.distributions.Pareto;
import org.muster.core.api.distributions.Poisson;
import org.muster.core.api.distributions.StudentT;
import org.muster.core.api.distributions.Uniform;
import org.muster.core.api.distributions.Weibull;
import org.muster.core.api.distributions.Wishart;
import org.muster.core.api.functions.Functions;
import org.muster.lang.internal.text.Position;

/**
 * The distributions of JAGS's language with JAGS's parameterizations, mapped onto the graph's kernels:
 * precisions become standard deviations ({@code dnorm(mu, tau)} is a normal with sd {@code 1/sqrt(tau)},
 * written so the graph still sees the gamma-precision conjugacy), {@code dbin(p, n)} is a binomial
 * of n trials, {@code dweib(v, lambda)} a Weibull of scale {@code lambda^(-1/v)}, and so on.
 */
final class BugsDistributions {

    /**
     * One distribution of the language.
     *
     * @param arguments names of its arguments, in BUGS's order
     * @param multivariate whether its value is a vector or matrix
     * @param discrete whether its values are whole numbers
     */
    record Spec(String name, List<String> arguments, boolean multivariate, boolean discrete) {
        String signature() {
            return name + "(" + String.join(", ", arguments) + ")";
        }
    }

    private static final Map<String, Spec> SPECS = new TreeMap<>();

    static {
        add("dnorm", false, false, "mu", "tau");
        add("dlnorm", false, false, "mu", "tau");
        add("dt", false, false, "mu", "tau", "k");
        add("dlogis", false, false, "mu", "tau");
        add("dgamma", false, false, "r", "lambda");
        add("dexp", false, false, "lambda");
        add("dweib", false, false, "v", "lambda");
        add("dpar", false, false, "alpha", "c");
        add("dbeta", false, false, "a", "b");
        add("dunif", false, false, "lower", "upper");
        add("dchisqr", false, false, "k");
        add("dbin", false, true, "p", "n");
        add("dbinom", false, true, "p", "n");
        add("dbern", false, true, "p");
        add("dpois", false, true, "lambda");
        add("dnegbin", false, true, "p", "r");
        add("dcat", true, true, "p");
        add("dmulti", true, true, "p", "n");
        add("ddirch", true, false, "alpha");
        add("ddirich", true, false, "alpha");
        add("dmnorm", true, false, "mu", "Omega");
        add("dwish", true, false, "R", "k");
        add("dinterval", false, true, "t", "c");
    }

    private BugsDistributions() {
    }

    private static void add(String name, boolean multivariate, boolean discrete, String... arguments) {
        SPECS.put(name, new Spec(name, List.of(arguments), multivariate, discrete));
    }

    static boolean known(String name) {
        return SPECS.containsKey(name);
    }

    static Spec spec(String name) {
        return SPECS.get(name);
    }

    static java.util.Set<String> names() {
        return SPECS.keySet();
    }

    /**
     * The graph's distribution for a relation over {@code count} instances whose values have {@code width}
     * members each.
     *
     * @param arguments the evaluated arguments, in BUGS's order
     * @param positions where each argument is, for messages
     * @throws CompileSignal VARYING_SHAPE if the distribution cannot be one plate over these instances
     */
    static Distribution build(Spec spec, List<Value> arguments, List<Position> positions, Evaluator evaluator, int count,
            int width, boolean parameter) {
        Arguments a = new Arguments(arguments, positions, evaluator, count);
        if (!spec.multivariate()) {
            for (int i = 0; i < arguments.size(); i++) {
                if (!arguments.get(i).isScalarPerInstance()) {
                    throw evaluator.error(positions.get(i), spec.name() + "'s argument " + spec.arguments().get(i)
                            + " must be a scalar, but " + evaluator.source().textAt(positions.get(i)) + " is "
                            + arguments.get(i).describeShape());
                }
            }
        }
        return switch (spec.name()) {
            case "dnorm" -> Distribution.of(Normal.INSTANCE, a.get(0), a.standardDeviation(1));
            case "dlnorm" -> Distribution.of(LogNormal.INSTANCE, a.get(0), a.standardDeviation(1));
            case "dt" -> Distribution.of(StudentT.INSTANCE, a.get(2), a.get(0), a.standardDeviation(1));
            case "dlogis" -> Distribution.of(Logistic.INSTANCE, a.get(0), a.map(1, x -> 1 / x, n -> n.pow(-1)));
            case "dgamma" -> Distribution.of(Gamma.INSTANCE, a.get(0), a.get(1));
            case "dexp" -> Distribution.of(Exponential.INSTANCE, a.get(0));
            case "dweib" -> Distribution.of(Weibull.INSTANCE, a.get(0), a.weibullScale());
            case "dpar" -> Distribution.of(Pareto.INSTANCE, a.get(1), a.get(0));
            case "dbeta" -> Distribution.of(Beta.INSTANCE, a.get(0), a.get(1));
            case "dunif" -> Distribution.of(Uniform.INSTANCE, a.get(0), a.get(1));
            case "dchisqr" -> Distribution.of(Gamma.INSTANCE, a.map(0, x -> x / 2, n -> n.times(0.5)), 0.5);
            case "dbin", "dbinom" -> Distribution.of(Binomial.INSTANCE, a.get(1), a.get(0));
            case "dbern" -> Distribution.of(Bernoulli.INSTANCE, a.get(0));
            case "dpois" -> Distribution.of(Poisson.INSTANCE, a.get(0));
            case "dnegbin" -> Distribution.of(NegativeBinomial.INSTANCE, a.negativeBinomialMean(), a.get(1));
            case "dcat" -> {
                Value p = arguments.get(0);
                if (p.rank() > 1) {
                    throw evaluator.error(positions.get(0), "dcat's p must be a vector, got " + p.describeShape());
                }
                if (p.count() != 1 || width != 1) {
                    throw new CompileSignal(CompileSignal.Reason.VARYING_SHAPE);
                }
                yield Distribution.of(Categorical.INSTANCE, a.probabilities(0));
            }
            case "dmulti" -> {
                a.requireSingle(width);
                Value p = arguments.get(0);
                if (p.width() != width) {
                    throw evaluator.error(positions.get(0), "dmulti's p has " + p.width() + " elements but the counts have "
                            + width);
                }
                yield Distribution.of(Multinomial.INSTANCE, a.get(0), a.get(1));
            }
            case "ddirch", "ddirich" -> {
                a.requireSingle(width);
                if (arguments.get(0).width() != width) {
                    throw evaluator.error(positions.get(0), "ddirch's alpha has " + arguments.get(0).width()
                            + " elements but the value has " + width);
                }
                yield Distribution.of(Dirichlet.INSTANCE, a.get(0));
            }
            case "dmnorm" -> {
                a.requireSingle(width);
                Value mu = arguments.get(0);
                Value omega = arguments.get(1);
                if (mu.width() != width) {
                    throw evaluator.error(positions.get(0), "dmnorm's mu has " + mu.width() + " elements but the value has "
                            + width);
                }
                if (omega.rank() != 2 || omega.dimensions()[0] != width || omega.dimensions()[1] != width) {
                    throw evaluator.error(positions.get(1), "dmnorm's precision must be a " + width + " × " + width
                            + " matrix, got " + omega.describeShape());
                }
                yield Distribution.of(MultivariateNormalPrecision.INSTANCE, a.get(0), a.get(1));
            }
            case "dwish" -> {
                a.requireSingle(width);
                Value r = arguments.get(0);
                int side = (int) Math.round(Math.sqrt(width));
                if (r.rank() != 2 || r.dimensions()[0] != r.dimensions()[1] || r.width() != width) {
                    throw evaluator.error(positions.get(0), "dwish's R must be a square matrix of the value's size ("
                            + side + " × " + side + "), got " + r.describeShape());
                }
                if (!arguments.get(1).isScalarPerInstance()) {
                    throw evaluator.error(positions.get(1), "dwish's k must be a scalar");
                }
                yield Distribution.of(Wishart.INSTANCE, a.get(0), a.get(1));
            }
            default -> throw new IllegalStateException("no mapping for " + spec.name());
        };
    }

    /** The kernel a distribution maps to, for messages and conjugacy explanations. */
    static DistributionKernel kernel(Distribution distribution) {
        return distribution.kernel();
    }

    /** Converts evaluated arguments into the graph's arguments (numbers or nodes). */
    private static final class Arguments {
        private final List<Value> values;
        private final List<Position> positions;
        private final Evaluator evaluator;
        private final int count;

        Arguments(List<Value> values, List<Position> positions, Evaluator evaluator, int count) {
            this.values = values;
            this.positions = positions;
            this.evaluator = evaluator;
            this.count = count;
        }

        void requireSingle(int width) {
            if (count != 1) {
                throw new CompileSignal(CompileSignal.Reason.VARYING_SHAPE);
            }
        }

        /** Argument i as a number (a constant scalar) or a node. */
        Object get(int i) {
            return argument(values.get(i), positions.get(i));
        }

        private Object argument(Value v, Position position) {
            if (v.isConstant() && v.values().length == 1) {
                return v.values()[0];
            }
            return evaluator.toNode(v, position);
        }

        Object map(int i, java.util.function.DoubleUnaryOperator constant, java.util.function.UnaryOperator<Node> graph) {
            return argument(evaluator.unary(values.get(i), constant, graph), positions.get(i));
        }

        /** {@code 1 / sqrt(tau)}, in the form the graph's conjugacy detection reads as a gamma precision. */
        Object standardDeviation(int i) {
            Value tau = values.get(i);
            if (tau.isConstant()) {
                return map(i, t -> 1 / Math.sqrt(t), n -> n);
            }
            Node precision = tau.node();
            return evaluator.builder().constant(1.0).div(Expressions.sqrt(precision));
        }

        /** {@code lambda^(-1/v)}: the Weibull scale of JAGS's {@code dweib(v, lambda)}. */
        Object weibullScale() {
            Value exponent = evaluator.unary(values.get(0), v -> -1 / v, n -> evaluator.builder().constant(-1.0).div(n));
            return argument(evaluator.binary(values.get(1), exponent, Math::pow, Node::pow, positions.get(1)),
                    positions.get(1));
        }

        /** The mean {@code r (1 - p) / p} of JAGS's {@code dnegbin(p, r)}. */
        Object negativeBinomialMean() {
            Value p = values.get(0);
            Value r = values.get(1);
            Value odds = evaluator.unary(p, x -> (1 - x) / x, n -> n.negate().plus(1).div(n));
            return argument(evaluator.binary(r, odds, (x, y) -> x * y, Node::times, positions.get(0)), positions.get(0));
        }

        /** dcat's probabilities, normalized as JAGS does unless they are a Dirichlet parameter (a simplex already). */
        Object probabilities(int i) {
            Value p = values.get(i);
            if (p.isConstant()) {
                double[] v = p.values().clone();
                double sum = 0;
                for (double x : v) {
                    if (!(x >= 0)) {
                        throw evaluator.error(positions.get(i), "dcat's probabilities must not be negative, got " + x);
                    }
                    sum += x;
                }
                if (!(sum > 0)) {
                    throw evaluator.error(positions.get(i), "dcat's probabilities sum to " + sum + "; they must sum to a"
                            + " positive number");
                }
                for (int k = 0; k < v.length; k++) {
                    v[k] /= sum;
                }
                return evaluator.toNode(Value.constant(p.dimensions(), 1, v), positions.get(i));
            }
            Node node = p.node();
            if (node.kind() == NodeKind.PARAMETER) {
                return node;
            }
            return node.div(Expressions.apply(Functions.reduction("sum", node.size()), node));
        }
    }
}
