package org.muster.core.api.conjugate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.apache.commons.math3.special.Gamma;
import org.muster.core.api.CompiledModel;
import org.muster.core.api.Conjugacy;
import org.muster.core.api.ConjugatePair;
import org.muster.core.api.Model;
import org.muster.core.api.ModelEvaluator;
import org.muster.core.api.Node;
import org.muster.core.api.NodeKind;
import org.muster.core.api.Operation;
import org.muster.core.api.UnconstrainedBlock;
import org.muster.core.api.distributions.Bernoulli;
import org.muster.core.api.distributions.Binomial;
import org.muster.core.api.distributions.Normal;
import org.muster.core.api.distributions.SpecialFunctions;

/**
 * A layer of unit parameters that can be integrated out in closed form: a parameter whose only
 * stochastic child is an observed node conjugate to it (Beta–Binomial, Gamma–Poisson with exposures,
 * Normal–Normal with known standard deviations), or a non-centered normal layer theta = a + b z with
 * z ~ Normal(m, s) entering y ~ Normal(theta, sigma), which is distributionally theta ~ Normal(a + b m, |b| s).
 * It holds the observations' sufficient statistics per unit and gives, for the unit prior's arguments,
 * the log marginal likelihood of the observations, its gradient, and each unit's conditional posterior
 * (BDA3 §5.3–5.5), by the closed forms of {@link ConjugateForms}. Immutable and thread-safe; the methods
 * that take an evaluator use the caller's.
 */
public final class UnitLayer implements CollapsibleLayer {

    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

    private final Conjugacy kind;
    private final Node parameter;
    private final Node reported;
    private final Node child;
    private final int units;
    private final int[] unitOf;
    private final UnconstrainedBlock block;
    /** For a direct layer the prior's two arguments; for a non-centered one z's mean and sd. */
    private final NodeReader firstArgument;
    private final NodeReader secondArgument;
    /** For a non-centered layer, theta = a + b z read member by member; null for a direct layer. */
    private final NodeReader affine;
    /** Per unit: beta (sum y, sum n - y); gamma (sum k, sum e); normal (sum 1/sigma², sum y/sigma², sum y²/sigma²). */
    private final double[] stat0;
    private final double[] stat1;
    private final double[] stat2;
    /** The part of the log marginal likelihood that does not depend on the prior's arguments. */
    private final double constant;
    /**
     * For a direct beta-binomial or gamma-Poisson layer whose prior arguments are one value for every unit
     * (scalar hyperparameters), the statistics grouped by value; null otherwise.
     */
    private final SharedStatistics shared;

    private UnitLayer(Conjugacy kind, Node parameter, Node reported, Node child, int[] unitOf, CompiledModel compiled,
            NodeReader firstArgument, NodeReader secondArgument, NodeReader affine, double[] observationScale) {
        this.kind = kind;
        this.parameter = parameter;
        this.reported = reported;
        this.child = child;
        this.units = parameter.size();
        this.unitOf = unitOf;
        this.block = compiled.unconstrainedBlock(parameter);
        this.firstArgument = firstArgument;
        this.secondArgument = secondArgument;
        this.affine = affine;
        this.stat0 = new double[units];
        this.stat1 = new double[units];
        this.stat2 = new double[units];
        double[] y = child.values().orElseThrow();
        double c = 0;
        for (int i = 0; i < y.length; i++) {
            int j = unitOf[i];
            double scale = observationScale[i];
            ConjugateForms.addObservation(kind, y[i], scale, stat0, stat1, stat2, j);
            c += switch (kind) {
                case BETA_BINOMIAL -> Gamma.logGamma(scale + 1) - Gamma.logGamma(y[i] + 1)
                        - Gamma.logGamma(scale - y[i] + 1);
                case GAMMA_POISSON -> (y[i] == 0 ? 0 : y[i] * Math.log(scale)) - Gamma.logGamma(y[i] + 1);
                case NORMAL_NORMAL -> -Math.log(scale) - HALF_LOG_TWO_PI;
                default -> throw new IllegalStateException(kind.toString());
            };
        }
        this.constant = c;
        this.shared = affine == null && (kind == Conjugacy.BETA_BINOMIAL || kind == Conjugacy.GAMMA_POISSON)
                && oneMember(firstArgument) && oneMember(secondArgument) ? new SharedStatistics(kind, stat0, stat1)
                : null;
    }

    /** Whether the reader reads the same member for every unit. */
    private static boolean oneMember(NodeReader reader) {
        for (int j = 1; j < reader.size(); j++) {
            if (reader.member(j) != reader.member(0)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The units' statistics as the marginal of scalar prior arguments needs them: for each difference
     * log Γ(x + v) − log Γ(x) the marginal sums (x = a with v = sum y; x = b with v = sum (n − y); x = a + b
     * with v = sum n; gamma: x = shape with v = sum k), the distinct nonzero values v with how many units
     * have each, so that every special function is evaluated once per distinct value rather than once per
     * unit (the rats' 71 experiments have 15 distinct tumour counts). The gamma-Poisson's exposures are
     * kept per unit, with their counts.
     */
    private static final class SharedStatistics {
        final double[][] values;
        final double[][] multiplicities;
        /** Gamma-Poisson: per unit with an exposure, the count and the exposure; the sum of all counts. */
        final double[] counts;
        final double[] exposures;
        final double totalCount;

        SharedStatistics(Conjugacy kind, double[] stat0, double[] stat1) {
            int units = stat0.length;
            if (kind == Conjugacy.BETA_BINOMIAL) {
                double[] trials = new double[units];
                for (int j = 0; j < units; j++) {
                    trials[j] = stat0[j] + stat1[j];
                }
                double[][][] grouped = {group(stat0), group(stat1), group(trials)};
                values = new double[][] {grouped[0][0], grouped[1][0], grouped[2][0]};
                multiplicities = new double[][] {grouped[0][1], grouped[1][1], grouped[2][1]};
                counts = null;
                exposures = null;
                totalCount = 0;
            } else {
                double[][] grouped = group(stat0);
                values = new double[][] {grouped[0]};
                multiplicities = new double[][] {grouped[1]};
                int exposed = 0;
                double total = 0;
                for (int j = 0; j < units; j++) {
                    exposed += stat1[j] != 0 ? 1 : 0;
                    total += stat0[j];
                }
                counts = new double[exposed];
                exposures = new double[exposed];
                int at = 0;
                for (int j = 0; j < units; j++) {
                    if (stat1[j] != 0) {
                        counts[at] = stat0[j];
                        exposures[at++] = stat1[j];
                    }
                }
                totalCount = total;
            }
        }

        /** The distinct nonzero values, ascending, and how often each occurs. */
        private static double[][] group(double[] statistic) {
            double[] sorted = java.util.Arrays.stream(statistic).filter(v -> v != 0).sorted().toArray();
            int distinct = 0;
            for (int i = 0; i < sorted.length; i++) {
                distinct += i == 0 || Double.compare(sorted[i], sorted[i - 1]) != 0 ? 1 : 0;
            }
            double[] values = new double[distinct];
            double[] multiplicity = new double[distinct];
            int at = -1;
            for (int i = 0; i < sorted.length; i++) {
                if (i == 0 || Double.compare(sorted[i], sorted[i - 1]) != 0) {
                    values[++at] = sorted[i];
                }
                multiplicity[at]++;
            }
            return new double[][] {values, multiplicity};
        }

        /**
         * Σ_v m_v (log Γ(x + v) − log Γ(x)) over group {@code g}, and the same sum of ψ differences in
         * {@code scratch[2]}.
         */
        double differences(int g, double x, double[] scratch) {
            double[] v = values[g];
            double[] m = multiplicities[g];
            double value = 0;
            double derivative = 0;
            // log Γ(x) and ψ(x) once for every value at which the plain difference does not cancel: x below 10
            // (|log Γ(x)| is small there) or v at least x; those differences then cost one log each.
            boolean direct = !(x >= 10);
            double logGammaX = Double.NaN;
            double digammaX = Double.NaN;
            for (int i = 0; i < v.length; i++) {
                double y = x + v[i];
                if (x > 0 && y >= 10 && y < Double.POSITIVE_INFINITY && (direct || v[i] >= x)) {
                    if (logGammaX != logGammaX) {
                        logGammaX = SpecialFunctions.logGamma(x);
                        digammaX = SpecialFunctions.digamma(x);
                    }
                    double log = Math.log(y);
                    double inverse = 1 / y;
                    double f = inverse * inverse;
                    // Stirling's series for log Γ(y) through B16 and the asymptotic series of ψ(y) through B12,
                    // both accurate to about 1e-16 for y >= 10, sharing ln y.
                    double correction = inverse * (1.0 / 12 - f * (1.0 / 360 - f * (1.0 / 1260 - f * (1.0 / 1680
                            - f * (1.0 / 1188 - f * (691.0 / 360360 - f * (1.0 / 156 - f * (3617.0 / 122400))))))));
                    double series = f * (1.0 / 12 - f * (1.0 / 120 - f * (1.0 / 252 - f * (1.0 / 240 - f * (1.0 / 132
                            - f * (691.0 / 32760))))));
                    value += m[i] * ((y - 0.5) * log - y + HALF_LOG_TWO_PI + correction - logGammaX);
                    derivative += m[i] * (log - 0.5 * inverse - series - digammaX);
                } else {
                    SpecialFunctions.gammaDifferences(x, v[i], scratch, 0);
                    value += m[i] * scratch[0];
                    derivative += m[i] * scratch[1];
                }
            }
            scratch[2] = derivative;
            return value;
        }

        /**
         * The log marginal less its constant at scalar prior arguments (a, b), with its derivatives in
         * {@code scratch[3]} (d/da) and {@code scratch[4]} (d/db).
         */
        double logMarginal(Conjugacy kind, double a, double b, double[] scratch) {
            if (kind == Conjugacy.BETA_BINOMIAL) {
                double value = differences(0, a, scratch);
                double da = scratch[2];
                value += differences(1, b, scratch);
                double db = scratch[2];
                value -= differences(2, a + b, scratch);
                scratch[3] = da - scratch[2];
                scratch[4] = db - scratch[2];
                return value;
            }
            // Per unit: log Γ(a + k) − log Γ(a) − a log1p(e/b) − k log(b + e), and log(b + e) = log b + log1p(e/b).
            double value = differences(0, a, scratch);
            double da = scratch[2];
            double inverse = 1 / b;
            double weighted = 0;
            double logs = 0;
            double rates = 0;
            for (int i = 0; i < counts.length; i++) {
                double ratio = exposures[i] * inverse;
                double log1p = Math.log1p(ratio);
                double shape = a + counts[i];
                logs += log1p;
                weighted += shape * log1p;
                rates += shape * (ratio / (1 + ratio));
            }
            value -= weighted + (totalCount == 0 ? 0 : totalCount * Math.log(b));
            scratch[3] = da - logs;
            // d/db of -(a + k) log1p(e/b) - k log b = (a + k) e / (b (b + e)) - k / b.
            scratch[4] = (rates - totalCount) * inverse;
            return value;
        }
    }

    /**
     * The model's unit layer.
     *
     * @param method what needs it, for the message, e.g. {@code "empirical Bayes"}
     * @throws IllegalArgumentException if the model has none, or more than one, saying what is needed
     */
    public static UnitLayer find(Model model, String method) {
        return tryFind(model).orElseThrow(() -> new IllegalArgumentException(method + " needs a layer of unit"
                + " parameters to integrate out: a parameter whose only stochastic child is an observed node conjugate to"
                + " it (beta-binomial, gamma-Poisson with exposures, normal-normal with known standard deviations) or a"
                + " non-centered normal layer theta = a + b * z with z ~ normal; this model has none (parameters: "
                + String.join(", ", model.parameters().stream().map(Node::name).toList()) + ")"));
    }

    /**
     * The model's unit layer, or empty if it has none.
     *
     * @throws IllegalArgumentException if it has more than one, naming them
     */
    public static Optional<UnitLayer> tryFind(Model model) {
        List<UnitLayer> layers = findAll(model);
        if (layers.size() > 1) {
            throw new IllegalArgumentException("a closed-form unit layer is integrated out one at a time, and this"
                    + " model has " + layers.size() + ": " + String.join(", ", layers.stream().map(l -> l.parameter.name()).toList()));
        }
        return layers.stream().findFirst();
    }

    /** Every scalar unit layer of the model, in creation order of their observed nodes (direct) and parameters. */
    public static List<UnitLayer> findAll(Model model) {
        CompiledModel compiled = model.compile();
        List<UnitLayer> layers = new ArrayList<>();
        for (ConjugatePair pair : model.conjugatePairs()) {
            direct(model, compiled, pair).ifPresent(layers::add);
        }
        for (Node z : model.parameters()) {
            nonCentered(model, compiled, z).ifPresent(layers::add);
        }
        return layers;
    }

    private static Optional<UnitLayer> direct(Model model, CompiledModel compiled, ConjugatePair pair) {
        Node prior = pair.prior();
        Node child = pair.child();
        Conjugacy kind = switch (pair.kind()) {
            case BETA_BINOMIAL, GAMMA_POISSON, NORMAL_NORMAL -> pair.kind();
            default -> null;
        };
        if (kind == null || child.kind() != NodeKind.OBSERVED || prior.kind() != NodeKind.PARAMETER
                || !model.stochasticChildren(prior).equals(Set.of(child))) {
            return Optional.empty();
        }
        int n = child.size();
        double[] scale = new double[n];
        if (kind == Conjugacy.BETA_BINOMIAL) {
            if (child.distribution().orElseThrow() instanceof Bernoulli) {
                Arrays.fill(scale, 1);
            } else if (child.distribution().orElseThrow() instanceof Binomial && model.isDataOnly(child.inputs().get(0))) {
                readData(compiled, child.inputs().get(0), scale);
            } else {
                return Optional.empty();
            }
        } else if (kind == Conjugacy.GAMMA_POISSON) {
            if (pair.multiplier().isPresent()) {
                readData(compiled, pair.multiplier().get(), scale);
            } else {
                Arrays.fill(scale, 1);
            }
        } else {
            if (!model.isDataOnly(child.inputs().get(1))) {
                return Optional.empty();
            }
            readData(compiled, child.inputs().get(1), scale);
        }
        int[] unitOf = new int[n];
        int[] index = pair.index().flatMap(Node::gatherIndex).orElse(null);
        for (int i = 0; i < n; i++) {
            unitOf[i] = prior.size() == 1 ? 0 : index != null ? index[i] : i;
        }
        int units = prior.size();
        return Optional.of(new UnitLayer(kind, prior, prior, child, unitOf, compiled,
                NodeReader.of(prior.inputs().get(0), units), NodeReader.of(prior.inputs().get(1), units), null, scale));
    }

    /** z ~ Normal(m, s) with m, s free of z, whose only stochastic child is y ~ Normal(theta[.], sigma) with theta affine in z. */
    private static Optional<UnitLayer> nonCentered(Model model, CompiledModel compiled, Node z) {
        if (!(z.distribution().orElseThrow() instanceof Normal) || model.stochasticChildren(z).size() != 1) {
            return Optional.empty();
        }
        Node child = model.stochasticChildren(z).iterator().next();
        if (child.kind() != NodeKind.OBSERVED || !(child.distribution().orElseThrow() instanceof Normal)
                || !model.isDataOnly(child.inputs().get(1))) {
            return Optional.empty();
        }
        int n = child.size();
        NodeReader mean = NodeReader.of(child.inputs().get(0), n);
        Node theta = mean.base();
        if (theta == z || theta.kind() != NodeKind.DETERMINISTIC || theta.size() != z.size()
                || !model.dependsOn(theta, z) || !affineIn(model, theta, z)) {
            return Optional.empty();
        }
        double[] scale = new double[n];
        readData(compiled, child.inputs().get(1), scale);
        int[] unitOf = new int[n];
        for (int i = 0; i < n; i++) {
            unitOf[i] = mean.member(i);
        }
        int units = z.size();
        return Optional.of(new UnitLayer(Conjugacy.NORMAL_NORMAL, z, theta, child, unitOf, compiled,
                NodeReader.of(z.inputs().get(0), units), NodeReader.of(z.inputs().get(1), units),
                NodeReader.of(theta, units), scale));
    }

    /** Whether {@code node} is a + b z member by member, with a and b free of z. */
    private static boolean affineIn(Model model, Node node, Node z) {
        if (node == z || !model.dependsOn(node, z)) {
            return true;
        }
        if (node.kind() != NodeKind.DETERMINISTIC) {
            return false;
        }
        Operation op = node.operation().orElseThrow();
        List<Node> in = node.inputs();
        return switch (op) {
            case IDENTITY, NEGATE -> aligned(model, in.get(0), z, node) && affineIn(model, in.get(0), z);
            case ADD, SUBTRACT -> aligned(model, in.get(0), z, node) && aligned(model, in.get(1), z, node)
                    && affineIn(model, in.get(0), z) && affineIn(model, in.get(1), z);
            case MULTIPLY -> !(model.dependsOn(in.get(0), z) && model.dependsOn(in.get(1), z))
                    && aligned(model, in.get(0), z, node) && aligned(model, in.get(1), z, node)
                    && affineIn(model, in.get(0), z) && affineIn(model, in.get(1), z);
            case DIVIDE -> !model.dependsOn(in.get(1), z) && aligned(model, in.get(0), z, node)
                    && affineIn(model, in.get(0), z);
            default -> false;
        };
    }

    /** An operand that depends on z must line up member by member with the result (no broadcasting of z). */
    private static boolean aligned(Model model, Node operand, Node z, Node result) {
        return !model.dependsOn(operand, z) || operand.size() == result.size();
    }

    private static void readData(CompiledModel compiled, Node node, double[] out) {
        ModelEvaluator evaluator = compiled.newEvaluator();
        NodeReader reader = NodeReader.of(node, out.length);
        for (int i = 0; i < out.length; i++) {
            out[i] = reader.read(evaluator, i);
        }
    }

    /** The prior's arguments and their adjoints at one point; for a non-centered layer theta's a and b too. */
    private static final class Scratch implements Workspace {
        final double[] first;
        final double[] second;
        final double[] firstGradient;
        final double[] secondGradient;
        final double[] intercept;
        final double[] slope;
        final double[] reported;
        final double[] special = new double[6];

        Scratch(int units) {
            first = new double[units];
            second = new double[units];
            firstGradient = new double[units];
            secondGradient = new double[units];
            intercept = new double[units];
            slope = new double[units];
            reported = new double[units];
        }
    }

    /** The closed-form family: {@code BETA_BINOMIAL}, {@code GAMMA_POISSON} or {@code NORMAL_NORMAL}. */
    public Conjugacy kind() {
        return kind;
    }

    /** The parameter integrated out (z for a non-centered layer). */
    @Override
    public Node parameter() {
        return parameter;
    }

    /** The node whose members are the units' values: the parameter, or theta for a non-centered layer. */
    public Node reported() {
        return reported;
    }

    /** The observed node whose likelihood the layer integrates. */
    @Override
    public Node child() {
        return child;
    }

    /** The number of units (members of the parameter). */
    public int units() {
        return units;
    }

    /**
     * The readers of the unit prior's two arguments, one member per unit: the parameter's prior (alpha and
     * beta, shape and rate, mean and sd) for a direct layer, z's mean and sd for a non-centered one.
     */
    public NodeReader firstArgument() {
        return firstArgument;
    }

    /** See {@link #firstArgument()}. */
    public NodeReader secondArgument() {
        return secondArgument;
    }

    /** For a non-centered layer, the reader of theta = a + b z, one member per unit; empty for a direct one. */
    public Optional<NodeReader> affine() {
        return Optional.ofNullable(affine);
    }

    /**
     * The unit prior's arguments at {@code x}: Beta (alpha, beta), Gamma (shape, rate) or Normal (mean, sd);
     * for a non-centered layer those of theta, Normal(a + b m, |b| s).
     *
     * @param x modified in the layer's own coordinates (their values do not matter); the rest is read
     * @param first modified: one value per unit
     * @param second modified: one value per unit
     */
    public void priorArguments(ModelEvaluator evaluator, double[] x, double[] first, double[] second) {
        Arrays.fill(x, block.offset(), block.offset() + block.size(), 0.0);
        evaluator.computeValues(x);
        for (int j = 0; j < units; j++) {
            first[j] = firstArgument.read(evaluator, j);
            second[j] = secondArgument.read(evaluator, j);
        }
        if (affine == null) {
            return;
        }
        // theta_j = a_j + b_j z_j: a_j at z = 0, a_j + b_j at z = 1, so theta_j ~ Normal(a_j + b_j m_j, |b_j| s_j).
        double[] intercept = new double[units];
        for (int j = 0; j < units; j++) {
            intercept[j] = affine.read(evaluator, j);
        }
        Arrays.fill(x, block.offset(), block.offset() + block.size(), 1.0);
        evaluator.computeValues(x);
        for (int j = 0; j < units; j++) {
            double slope = affine.read(evaluator, j) - intercept[j];
            first[j] = intercept[j] + slope * first[j];
            second[j] = Math.abs(slope) * second[j];
        }
        Arrays.fill(x, block.offset(), block.offset() + block.size(), 0.0);
        evaluator.computeValues(x);
    }

    /**
     * log p(y | prior arguments) with the unit values integrated out, normalizing constants included,
     * with commons-math3's special functions (as empirical Bayes has always evaluated it).
     *
     * @param first not modified
     * @param second not modified
     */
    public double logMarginal(double[] first, double[] second) {
        return logMarginal(ConjugateForms.Functions.COMMONS_MATH, first, second);
    }

    /**
     * log p(y | prior arguments) with the unit values integrated out, normalizing constants included.
     *
     * @param first not modified
     * @param second not modified
     */
    public double logMarginal(ConjugateForms.Functions functions, double[] first, double[] second) {
        double sum = constant;
        for (int j = 0; j < units; j++) {
            sum += ConjugateForms.logMarginal(functions, kind, 0, first[j], second[j], stat0[j], stat1[j], stat2[j]);
        }
        return sum;
    }

    /**
     * As {@link #logMarginal}, with the allocation-free special functions, and its derivatives with respect
     * to each unit's prior arguments (the second, a normal's sd, must be positive).
     *
     * @param first not modified
     * @param second not modified
     * @param firstGradient modified: d/d first[j]
     * @param secondGradient modified: d/d second[j]
     */
    public double logMarginalGradient(double[] first, double[] second, double[] firstGradient, double[] secondGradient) {
        return logMarginalGradient(first, second, firstGradient, secondGradient, new double[6]);
    }

    private double logMarginalGradient(double[] first, double[] second, double[] firstGradient, double[] secondGradient,
            double[] scratch) {
        double sum = constant;
        for (int j = 0; j < units; j++) {
            sum += ConjugateForms.logMarginalWithGradient(kind, first[j], second[j], stat0[j], stat1[j], stat2[j],
                    firstGradient, secondGradient, j, scratch);
        }
        return sum;
    }

    /**
     * Each unit's posterior mean and sd given the prior's arguments: Beta(a + y, b + n - y),
     * Gamma(shape + k, rate + e) or the normal with precision 1/s² + sum 1/sigma² (the prior mean, sd 0, when s = 0).
     *
     * @param first not modified
     * @param second not modified
     * @param mean modified
     * @param sd modified
     */
    public void posterior(double[] first, double[] second, double[] mean, double[] sd) {
        for (int j = 0; j < units; j++) {
            ConjugateForms.posteriorMoments(kind, first[j], second[j], stat0[j], stat1[j], mean, sd, j);
        }
    }

    /**
     * An exact draw of every unit's value (the reported node's members) from its posterior given the
     * prior's arguments (a normal's sd positive), by {@link ConjugateForms#drawPosterior}.
     *
     * @param first not modified
     * @param second not modified
     * @param out modified: one draw per unit
     */
    public void draw(RandomGenerator random, double[] first, double[] second, double[] out) {
        for (int j = 0; j < units; j++) {
            out[j] = ConjugateForms.drawPosterior(kind, random, first[j], second[j], stat0[j], stat1[j]);
        }
    }

    @Override
    public int patterns() {
        return affine == null ? 0 : 1;
    }

    /** The base point has the layer's coordinates at 0; a non-centered layer's one pattern has them at 1. */
    @Override
    public void setPattern(double[] x, int pattern) {
        Arrays.fill(x, block.offset(), block.offset() + block.size(), pattern < 0 ? 0.0 : 1.0);
    }

    @Override
    public Workspace newWorkspace() {
        return new Scratch(units);
    }

    /** Reads the prior's arguments of the reported values (and a non-centered layer's a and b) into the scratch. */
    private Scratch read(ModelEvaluator[] evaluators, Workspace workspace) {
        Scratch scratch = (Scratch) workspace;
        ModelEvaluator base = evaluators[0];
        for (int j = 0; j < units; j++) {
            scratch.first[j] = firstArgument.read(base, j);
            scratch.second[j] = secondArgument.read(base, j);
        }
        if (affine != null) {
            // theta_j = a_j + b_j z_j with z_j ~ Normal(m_j, s_j): theta_j ~ Normal(a_j + b_j m_j, |b_j| s_j).
            for (int j = 0; j < units; j++) {
                double a = affine.read(base, j);
                double b = affine.read(evaluators[1], j) - a;
                scratch.intercept[j] = a;
                scratch.slope[j] = b;
                scratch.first[j] = a + b * scratch.first[j];
                scratch.second[j] = Math.abs(b) * scratch.second[j];
            }
        }
        return scratch;
    }

    @Override
    public double logMarginal(ModelEvaluator[] evaluators, Workspace workspace) {
        if (shared != null) {
            Scratch scratch = (Scratch) workspace;
            return constant + shared.logMarginal(kind, firstArgument.read(evaluators[0], 0),
                    secondArgument.read(evaluators[0], 0), scratch.special);
        }
        Scratch scratch = read(evaluators, workspace);
        return logMarginal(ConjugateForms.Functions.ALLOCATION_FREE, scratch.first, scratch.second);
    }

    @Override
    public double logMarginalGradient(ModelEvaluator[] evaluators, Workspace workspace) {
        if (shared != null) {
            Scratch scratch = (Scratch) workspace;
            ModelEvaluator base = evaluators[0];
            double value = constant + shared.logMarginal(kind, firstArgument.read(base, 0), secondArgument.read(base, 0),
                    scratch.special);
            base.addAdjoint(firstArgument.base(), firstArgument.member(0), scratch.special[3]);
            base.addAdjoint(secondArgument.base(), secondArgument.member(0), scratch.special[4]);
            return value;
        }
        Scratch scratch = read(evaluators, workspace);
        double value = logMarginalGradient(scratch.first, scratch.second, scratch.firstGradient, scratch.secondGradient,
                scratch.special);
        ModelEvaluator base = evaluators[0];
        if (affine == null) {
            for (int j = 0; j < units; j++) {
                base.addAdjoint(firstArgument.base(), firstArgument.member(j), scratch.firstGradient[j]);
                base.addAdjoint(secondArgument.base(), secondArgument.member(j), scratch.secondGradient[j]);
            }
            return value;
        }
        for (int j = 0; j < units; j++) {
            double b = scratch.slope[j];
            double m = firstArgument.read(base, j);
            double s = secondArgument.read(base, j);
            double dFirst = scratch.firstGradient[j];
            double dSecond = scratch.secondGradient[j];
            double dIntercept = dFirst;
            double dSlope = dFirst * m + dSecond * Math.signum(b) * s;
            // theta at the pattern is a + b and at the base a: seeding d/db there and d/da - d/db here gives both.
            evaluators[1].addAdjoint(affine.base(), affine.member(j), dSlope);
            base.addAdjoint(affine.base(), affine.member(j), dIntercept - dSlope);
            base.addAdjoint(firstArgument.base(), firstArgument.member(j), dFirst * b);
            base.addAdjoint(secondArgument.base(), secondArgument.member(j), dSecond * Math.abs(b));
        }
        return value;
    }

    @Override
    public void draw(ModelEvaluator[] evaluators, Workspace workspace, RandomGenerator random, double[] values) {
        Scratch scratch = read(evaluators, workspace);
        draw(random, scratch.first, scratch.second, values);
        toParameter(scratch, values);
    }

    @Override
    public void conditionalMean(ModelEvaluator[] evaluators, Workspace workspace, double[] values) {
        Scratch scratch = read(evaluators, workspace);
        posterior(scratch.first, scratch.second, values, scratch.reported);
        toParameter(scratch, values);
    }

    /** A non-centered layer's reported values theta = a + b z back to z, in place. */
    private void toParameter(Scratch scratch, double[] values) {
        if (affine != null) {
            for (int j = 0; j < units; j++) {
                values[j] = (values[j] - scratch.intercept[j]) / scratch.slope[j];
            }
        }
    }

    /**
     * No pooling: each unit's own maximum-likelihood estimate (sum y / sum n, sum k / sum e, the
     * precision-weighted mean) and its standard error; NaN for a unit without observations.
     */
    public void ownEstimates(double[] estimate, double[] standardError) {
        for (int j = 0; j < units; j++) {
            ConjugateForms.maximumLikelihood(kind, stat0[j], stat1[j], estimate, standardError, j);
        }
    }

    /** Complete pooling: one maximum-likelihood estimate from all observations, for every unit. */
    public void pooledEstimates(double[] estimate, double[] standardError) {
        double s0 = 0;
        double s1 = 0;
        for (int j = 0; j < units; j++) {
            s0 += stat0[j];
            s1 += stat1[j];
        }
        ConjugateForms.maximumLikelihood(kind, s0, s1, estimate, standardError, 0);
        Arrays.fill(estimate, estimate[0]);
        Arrays.fill(standardError, standardError[0]);
    }

    /** Per unit successes and trials (beta-binomial only), for the method of moments on the raw rates. */
    public int[][] successesAndTrials() {
        int[] successes = new int[units];
        int[] trials = new int[units];
        for (int j = 0; j < units; j++) {
            successes[j] = (int) Math.round(stat0[j]);
            trials[j] = (int) Math.round(stat0[j] + stat1[j]);
        }
        return new int[][] {successes, trials};
    }

    /** Whether the prior's arguments are the same for every unit (scalar hyperparameters). */
    public static boolean allEqual(double[] values) {
        for (double v : values) {
            if (Double.compare(v, values[0]) != 0) {
                return false;
            }
        }
        return true;
    }

    /** How the observations enter, for the settings: e.g. {@code "theta -> y (beta-binomial)"}. */
    @Override
    public String describe() {
        String family = kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        return reported.name() + (reported == parameter ? "" : " = a + b * " + parameter.name()) + " -> " + child.name()
                + " (" + family + ")";
    }
}
