package org.muster.core.api.conjugate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.muster.core.api.CompiledModel;
import org.muster.core.api.Model;
import org.muster.core.api.ModelEvaluator;
import org.muster.core.api.Node;
import org.muster.core.api.NodeKind;
import org.muster.core.api.Operation;
import org.muster.core.api.UnconstrainedBlock;
import org.muster.core.api.distributions.Normal;

/**
 * Gaussian random effects integrated out group by group: a parameter z ~ Normal(m, s) (member by member,
 * m and s free of z) whose only stochastic child is y ~ Normal(eta, sigma) with sigma free of z and eta
 * affine in z, eta = c + A z, as the group-level effects of a linear mixed model are
 * ({@code r = diag(sd) L z} gathered by group and multiplied by the design). Observations and members of
 * z fall into groups, the connected components of which row depends on which member, so that given the
 * rest of the model y_g ~ N(c_g + A_g m_g, D_g + B_g B_gᵀ) with B_g = A_g diag(s_g) and D_g = diag(sigma²)
 * per group. Its log density and gradient come from the matrix determinant lemma and the Woodbury identity
 * with the q_g × q_g matrix K_g = I + B_gᵀ D_g⁻¹ B_g, in O(n_g q_g²) per group (Bates et al. 2015, lme4's
 * "penalized least squares"; Henderson's mixed-model equations); z_g given y is normal with mean
 * m_g + s_g K_g⁻¹ B_gᵀ D_g⁻¹ r_g and covariance diag(s_g) K_g⁻¹ diag(s_g).
 *
 * <p>The layer finds c and A without knowing how the model wrote them: c is eta with z = 0, and column t
 * of A, for every group at once, is eta with member t of every group set to 1 less c (pattern t; a row
 * depends on its own group's members only). The gradient with respect to the rest of the model follows by
 * seeding eta's adjoints in those evaluations.
 */
public final class LinearGaussianLayer implements CollapsibleLayer {

    /** Beyond this many members in one group (crossed effects joining every level) the layer is refused. */
    public static final int MAX_GROUP_SIZE = 100;

    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

    private final Node parameter;
    private final Node child;
    private final UnconstrainedBlock block;
    private final NodeReader mean;
    private final NodeReader scale;
    private final NodeReader priorMean;
    private final NodeReader priorSd;
    /** The observations in group order: y[r] is observation rows[r]. */
    private final double[] y;
    private final int groups;
    /** Rows of group g: rows[rowStart[g] .. rowStart[g + 1]); rows on no member form groups of no members. */
    private final int[] rowStart;
    private final int[] rows;
    /** Members of group g in increasing order: members[memberStart[g] .. memberStart[g + 1]). */
    private final int[] memberStart;
    private final int[] members;
    private final int largestGroup;
    /** Whether z's prior mean or sd depends on parameters (else their adjoints are not needed). */
    private final boolean priorVaries;
    /** Whether every row reads the same member of sigma (one residual sd). */
    private final boolean sharedScale;

    private LinearGaussianLayer(Node parameter, Node child, UnconstrainedBlock block, NodeReader mean, NodeReader scale,
            NodeReader priorMean, NodeReader priorSd, int[] rowStart, int[] rows, int[] memberStart, int[] members,
            boolean priorVaries) {
        this.priorVaries = priorVaries;
        boolean one = true;
        for (int i = 1; i < scale.size(); i++) {
            one &= scale.member(i) == scale.member(0);
        }
        this.sharedScale = one;
        this.parameter = parameter;
        this.child = child;
        this.block = block;
        this.mean = mean;
        this.scale = scale;
        this.priorMean = priorMean;
        this.priorSd = priorSd;
        double[] observed = child.values().orElseThrow();
        this.y = new double[rows.length];
        for (int r = 0; r < rows.length; r++) {
            y[r] = observed[rows[r]];
        }
        this.groups = rowStart.length - 1;
        this.rowStart = rowStart;
        this.rows = rows;
        this.memberStart = memberStart;
        this.members = members;
        int largest = 0;
        for (int g = 0; g < groups; g++) {
            largest = Math.max(largest, memberStart[g + 1] - memberStart[g]);
        }
        this.largestGroup = largest;
    }

    /**
     * The model's linear Gaussian layer, or empty if it has none.
     *
     * @throws IllegalArgumentException if it has more than one, or a group larger than {@link #MAX_GROUP_SIZE}
     */
    public static Optional<LinearGaussianLayer> tryFind(Model model) {
        List<LinearGaussianLayer> found = findAll(model);
        if (found.size() > 1) {
            throw new IllegalArgumentException("a linear Gaussian layer is integrated out one parameter at a time, and"
                    + " this model has " + found.size() + ": " + String.join(", ", found.stream()
                            .map(l -> l.parameter.name()).toList()) + " (two grouping factors, say)");
        }
        return found.stream().findFirst();
    }

    /**
     * Every parameter of the model that is a linear Gaussian layer on its own, the others held fixed.
     *
     * @throws IllegalArgumentException if one has a group larger than {@link #MAX_GROUP_SIZE}
     */
    public static List<LinearGaussianLayer> findAll(Model model) {
        List<LinearGaussianLayer> found = new ArrayList<>();
        for (Node z : model.parameters()) {
            candidate(model, z).ifPresent(found::add);
        }
        return found;
    }

    /** Why {@code z} is not a linear Gaussian layer, or empty if it is one (for messages). */
    public static Optional<String> whyNot(Model model, Node z) {
        if (z.kind() != NodeKind.PARAMETER || !(z.distribution().orElseThrow() instanceof Normal)) {
            return Optional.of(z.name() + " is not a parameter with a normal prior");
        }
        Set<Node> children = model.stochasticChildren(z);
        if (children.size() != 1) {
            return Optional.of(z.name() + " enters " + children.size() + " stochastic nodes "
                    + children.stream().map(Node::name).toList() + ", not one observed node");
        }
        Node y = children.iterator().next();
        if (y.kind() != NodeKind.OBSERVED) {
            return Optional.of(z.name() + "'s child " + y.name() + " is not observed");
        }
        if (!(y.distribution().orElseThrow() instanceof Normal)) {
            return Optional.of(y.name() + " ~ " + y.distribution().orElseThrow().name() + " is not normal, so "
                    + z.name() + " is not conjugate to it (a normal likelihood with its mean affine in " + z.name()
                    + " would be)");
        }
        if (model.dependsOn(y.inputs().get(1), z)) {
            return Optional.of("the sd of " + y.name() + " depends on " + z.name());
        }
        if (!isAffineIn(model, y.inputs().get(0), z)) {
            return Optional.of("the mean of " + y.name() + " is not affine in " + z.name());
        }
        return Optional.empty();
    }

    private static Optional<LinearGaussianLayer> candidate(Model model, Node z) {
        if (whyNot(model, z).isPresent()) {
            return Optional.empty();
        }
        Node y = model.stochasticChildren(z).iterator().next();
        int n = y.size();
        int size = z.size();
        int[][] byMember = dependencies(model, y.inputs().get(0), z, new HashMap<>());
        int[][] dependencies = new int[n][];
        for (int i = 0; i < n; i++) {
            dependencies[i] = byMember[byMember.length == 1 ? 0 : i];
        }
        // Groups: connected components of the rows and the members they depend on.
        int[] parent = new int[size];
        for (int k = 0; k < size; k++) {
            parent[k] = k;
        }
        for (int[] row : dependencies) {
            for (int k = 1; k < row.length; k++) {
                union(parent, row[0], row[k]);
            }
        }
        int[] groupOfRoot = new int[size];
        Arrays.fill(groupOfRoot, -1);
        List<List<Integer>> groupMembers = new ArrayList<>();
        for (int k = 0; k < size; k++) {
            int root = find(parent, k);
            if (groupOfRoot[root] < 0) {
                groupOfRoot[root] = groupMembers.size();
                groupMembers.add(new ArrayList<>());
            }
            groupMembers.get(groupOfRoot[root]).add(k);
        }
        List<List<Integer>> groupRows = new ArrayList<>();
        for (int g = 0; g < groupMembers.size(); g++) {
            groupRows.add(new ArrayList<>());
        }
        List<Integer> free = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (dependencies[i].length == 0) {
                free.add(i);
            } else {
                groupRows.get(groupOfRoot[find(parent, dependencies[i][0])]).add(i);
            }
        }
        int largest = groupMembers.stream().mapToInt(List::size).max().orElse(0);
        if (largest > MAX_GROUP_SIZE) {
            throw new IllegalArgumentException("the effects " + z.name() + " fall into a group of " + largest
                    + " members that the same observations depend on (crossed grouping factors join every level);"
                    + " integrating it out costs O(n q^2) per evaluation, and more than " + MAX_GROUP_SIZE
                    + " members is refused");
        }
        // Rows that depend on no member form their own groups, one row each.
        for (int i : free) {
            groupMembers.add(List.of());
            groupRows.add(List.of(i));
        }
        int[] rowStart = new int[groupMembers.size() + 1];
        int[] rows = new int[n];
        int[] memberStart = new int[groupMembers.size() + 1];
        int[] members = new int[size];
        int r = 0;
        int m = 0;
        for (int g = 0; g < groupMembers.size(); g++) {
            rowStart[g] = r;
            memberStart[g] = m;
            for (int i : groupRows.get(g)) {
                rows[r++] = i;
            }
            for (int k : groupMembers.get(g)) {
                members[m++] = k;
            }
        }
        rowStart[groupMembers.size()] = r;
        memberStart[groupMembers.size()] = m;
        CompiledModel compiled = model.compile();
        return Optional.of(new LinearGaussianLayer(z, y, compiled.unconstrainedBlock(z), NodeReader.of(y.inputs().get(0), n),
                NodeReader.of(y.inputs().get(1), n), NodeReader.of(z.inputs().get(0), size),
                NodeReader.of(z.inputs().get(1), size), rowStart, rows, memberStart, members,
                !model.isDataOnly(z.inputs().get(0)) || !model.isDataOnly(z.inputs().get(1))));
    }

    private static int find(int[] parent, int k) {
        while (parent[k] != k) {
            parent[k] = parent[parent[k]];
            k = parent[k];
        }
        return k;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }

    /**
     * Whether {@code node} is affine in {@code z}: built from z and nodes free of z by identity, negation,
     * sums and differences, products and quotients with a factor (divisor) free of z, gathers, sums of
     * members, inner products and matrix-vector products with the other operand free of z.
     */
    public static boolean isAffineIn(Model model, Node node, Node z) {
        if (node == z || !model.dependsOn(node, z)) {
            return true;
        }
        if (node.kind() != NodeKind.DETERMINISTIC) {
            return false;
        }
        List<Node> in = node.inputs();
        return switch (node.operation().orElseThrow()) {
            case IDENTITY, NEGATE, GATHER, SUM -> isAffineIn(model, in.get(0), z);
            case ADD, SUBTRACT -> isAffineIn(model, in.get(0), z) && isAffineIn(model, in.get(1), z);
            case MULTIPLY, DOT -> !(model.dependsOn(in.get(0), z) && model.dependsOn(in.get(1), z))
                    && isAffineIn(model, in.get(0), z) && isAffineIn(model, in.get(1), z);
            case DIVIDE -> !model.dependsOn(in.get(1), z) && isAffineIn(model, in.get(0), z);
            case MATRIX_VECTOR -> !model.dependsOn(in.get(0), z) && isAffineIn(model, in.get(1), z);
            default -> false;
        };
    }

    /** For each member of an affine {@code node}, the sorted members of z it depends on. */
    private static int[][] dependencies(Model model, Node node, Node z, Map<Node, int[][]> memo) {
        int[][] known = memo.get(node);
        if (known != null) {
            return known;
        }
        int size = node.size();
        int[][] out = new int[size][];
        if (node == z) {
            for (int i = 0; i < size; i++) {
                out[i] = new int[] {i};
            }
        } else if (!model.dependsOn(node, z)) {
            Arrays.fill(out, new int[0]);
        } else {
            List<Node> in = node.inputs();
            Operation op = node.operation().orElseThrow();
            switch (op) {
                case GATHER -> {
                    int[][] input = dependencies(model, in.get(0), z, memo);
                    int[] index = node.gatherIndex().orElseThrow();
                    for (int i = 0; i < size; i++) {
                        out[i] = input[in.get(0).size() == 1 ? 0 : index[i]];
                    }
                }
                case SUM, DOT, MATRIX_VECTOR -> {
                    Node operand = op == Operation.DOT && !model.dependsOn(in.get(1), z) ? in.get(0) : in.get(op == Operation.SUM ? 0 : 1);
                    int[] all = merge(dependencies(model, operand, z, memo));
                    Arrays.fill(out, all);
                }
                default -> {
                    for (int i = 0; i < size; i++) {
                        int[][] parts = new int[in.size()][];
                        for (int a = 0; a < in.size(); a++) {
                            int[][] input = dependencies(model, in.get(a), z, memo);
                            parts[a] = input[in.get(a).size() == 1 ? 0 : i];
                        }
                        out[i] = merge(parts);
                    }
                }
            }
        }
        memo.put(node, out);
        return out;
    }

    private static int[] merge(int[][] parts) {
        if (parts.length == 1) {
            return parts[0];
        }
        int total = 0;
        int[] only = null;
        for (int[] part : parts) {
            if (part.length > 0) {
                total += part.length;
                only = only == null ? part : null;
            }
        }
        if (only != null && total == only.length) {
            return only;
        }
        return Arrays.stream(parts).flatMapToInt(Arrays::stream).distinct().sorted().toArray();
    }

    @Override
    public Node parameter() {
        return parameter;
    }

    @Override
    public Node child() {
        return child;
    }

    /** The number of groups, groups of observations that depend on no member included. */
    public int groups() {
        return groups;
    }

    /** The most members of z in one group. */
    public int largestGroup() {
        return largestGroup;
    }

    @Override
    public String describe() {
        int observed = 0;
        for (int g = 0; g < groups; g++) {
            observed += memberStart[g + 1] > memberStart[g] && rowStart[g + 1] > rowStart[g] ? 1 : 0;
        }
        return parameter.name() + " -> " + child.name() + " (linear Gaussian: " + observed + " groups of observations"
                + " with up to " + largestGroup + " effects each, integrated out by Woodbury)";
    }

    @Override
    public int patterns() {
        return largestGroup;
    }

    /** The base point has z = 0; pattern t has member t of every group (in increasing order) at 1. */
    @Override
    public void setPattern(double[] x, int pattern) {
        Arrays.fill(x, block.offset(), block.offset() + block.size(), 0.0);
        if (pattern < 0) {
            return;
        }
        for (int g = 0; g < groups; g++) {
            if (memberStart[g] + pattern < memberStart[g + 1]) {
                x[block.offset() + members[memberStart[g] + pattern]] = 1;
            }
        }
    }

    /** Per-row (in group order) and per-member values and adjoints, and one group's matrices. */
    private static final class Scratch implements Workspace {
        final double[] offset;
        final double[] slopes;
        final double[] sd;
        final double[] residual;
        final double[] alpha;
        final double[] scaled;
        final double[] precision;
        final double[] logVariance;
        final double[] inverse;
        final double[] priorMean;
        final double[] priorSd;
        final double[] offsetGradient;
        final double[] slopesGradient;
        final double[] sdGradient;
        final double[] priorMeanGradient;
        final double[] priorSdGradient;
        final double[] factor;
        final double[] rhs;
        final double[] weights;
        final double[] beta;
        final double[] row;

        Scratch(int n, int size, int width) {
            offset = new double[n];
            slopes = new double[n * width];
            sd = new double[n];
            residual = new double[n];
            alpha = new double[n];
            scaled = new double[n * width];
            precision = new double[n];
            logVariance = new double[n];
            inverse = new double[width * width];
            priorMean = new double[size];
            priorSd = new double[size];
            offsetGradient = new double[n];
            slopesGradient = new double[n * width];
            sdGradient = new double[n];
            priorMeanGradient = new double[size];
            priorSdGradient = new double[size];
            factor = new double[width * width];
            rhs = new double[width];
            weights = new double[width];
            beta = new double[width];
            row = new double[width];
        }
    }

    @Override
    public Workspace newWorkspace() {
        return new Scratch(y.length, parameter.size(), Math.max(largestGroup, 1));
    }

    private int width() {
        return Math.max(largestGroup, 1);
    }

    /** Reads c, A (row by row, one column per pattern), sigma, m and s from the evaluators. */
    private Scratch read(ModelEvaluator[] evaluators, Workspace workspace) {
        Scratch w = (Scratch) workspace;
        ModelEvaluator base = evaluators[0];
        int width = width();
        // Rows usually share one sigma: its logarithm and reciprocal are taken once per run of equal values.
        double lastSd = Double.NaN;
        double logVariance = Double.NaN;
        double precision = Double.NaN;
        for (int r = 0; r < y.length; r++) {
            int i = rows[r];
            w.offset[r] = mean.read(base, i);
            double sd = scale.read(base, i);
            w.sd[r] = sd;
            if (sd != lastSd) {
                lastSd = sd;
                logVariance = Math.log(sd * sd);
                precision = 1 / (sd * sd);
            }
            w.logVariance[r] = logVariance;
            w.precision[r] = precision;
        }
        for (int k = 0; k < parameter.size(); k++) {
            w.priorMean[k] = priorMean.read(base, k);
            w.priorSd[k] = priorSd.read(base, k);
        }
        for (int g = 0; g < groups; g++) {
            int q = memberStart[g + 1] - memberStart[g];
            for (int t = 0; t < q; t++) {
                ModelEvaluator pattern = evaluators[t + 1];
                for (int r = rowStart[g]; r < rowStart[g + 1]; r++) {
                    w.slopes[r * width + t] = mean.read(pattern, rows[r]) - w.offset[r];
                }
            }
        }
        return w;
    }

    @Override
    public double logMarginal(ModelEvaluator[] evaluators, Workspace workspace) {
        return evaluate(read(evaluators, workspace), false);
    }

    @Override
    public double logMarginalGradient(ModelEvaluator[] evaluators, Workspace workspace) {
        Scratch w = read(evaluators, workspace);
        double value = evaluate(w, true);
        int width = width();
        ModelEvaluator base = evaluators[0];
        double sdSeed = 0;
        for (int g = 0; g < groups; g++) {
            int q = memberStart[g + 1] - memberStart[g];
            for (int r = rowStart[g]; r < rowStart[g + 1]; r++) {
                int i = rows[r];
                // Pattern t's sweep carries G_it (dc_i + dA_it); the base sweep takes sum_t G_it dc_i back off.
                double offsetSeed = w.offsetGradient[r];
                for (int t = 0; t < q; t++) {
                    double seed = w.slopesGradient[r * width + t];
                    evaluators[t + 1].addAdjoint(mean.base(), mean.member(i), seed);
                    offsetSeed -= seed;
                }
                base.addAdjoint(mean.base(), mean.member(i), offsetSeed);
                if (sharedScale) {
                    // One sigma for every row: its seeds summed here, in row order, and added once.
                    sdSeed += w.sdGradient[r];
                } else {
                    base.addAdjoint(scale.base(), scale.member(i), w.sdGradient[r]);
                }
            }
        }
        if (sharedScale && y.length > 0) {
            base.addAdjoint(scale.base(), scale.member(0), sdSeed);
        }
        if (priorVaries) {
            for (int k = 0; k < parameter.size(); k++) {
                base.addAdjoint(priorMean.base(), priorMean.member(k), w.priorMeanGradient[k]);
                base.addAdjoint(priorSd.base(), priorSd.member(k), w.priorSdGradient[k]);
            }
        }
        return value;
    }

    /**
     * The log marginal, group by group, leaving K_g's Cholesky factor and K_g⁻¹ B_gᵀ D_g⁻¹ r_g of the last
     * group in the scratch; with {@code gradient}, also the adjoints of c, A, sigma, m and s.
     */
    private double evaluate(Scratch w, boolean gradient) {
        int width = width();
        if (gradient) {
            Arrays.fill(w.priorMeanGradient, 0);
            Arrays.fill(w.priorSdGradient, 0);
        }
        double total = 0;
        for (int g = 0; g < groups; g++) {
            total += group(w, g, gradient);
        }
        return total;
    }

    /**
     * One group's log marginal (and adjoints); leaves its Cholesky factor of K in {@code w.factor} and
     * K⁻¹ v in {@code w.weights}.
     */
    private double group(Scratch w, int g, boolean gradient) {
        int width = width();
        int first = memberStart[g];
        int q = memberStart[g + 1] - first;
        if (gradient && q == 2) {
            return pairGradient(w, g);
        }
        double[] factor = w.factor;
        double[] v = w.rhs;
        Arrays.fill(factor, 0, q * q, 0.0);
        Arrays.fill(v, 0, q, 0.0);
        for (int t = 0; t < q; t++) {
            factor[t * q + t] = 1;
        }
        double logDetD = 0;
        double quadratic = 0;
        int n = rowStart[g + 1] - rowStart[g];
        for (int r = rowStart[g]; r < rowStart[g + 1]; r++) {
            int at = r * width;
            double residual = y[r] - w.offset[r];
            for (int t = 0; t < q; t++) {
                int k = members[first + t];
                residual -= w.slopes[at + t] * w.priorMean[k];
                w.scaled[at + t] = w.slopes[at + t] * w.priorSd[k];
            }
            double precision = w.precision[r];
            w.residual[r] = residual;
            logDetD += w.logVariance[r];
            quadratic += residual * residual * precision;
            for (int t = 0; t < q; t++) {
                double bt = w.scaled[at + t] * precision;
                v[t] += bt * residual;
                for (int u = 0; u <= t; u++) {
                    factor[t * q + u] += bt * w.scaled[at + u];
                }
            }
        }
        double logDetK = cholesky(factor, q);
        double[] weights = w.weights;
        System.arraycopy(v, 0, weights, 0, q);
        solve(factor, q, weights);
        for (int t = 0; t < q; t++) {
            quadratic -= v[t] * weights[t];
        }
        double value = -n * HALF_LOG_TWO_PI - 0.5 * (logDetD + logDetK) - 0.5 * quadratic;
        if (!gradient) {
            return value;
        }
        // K^-1 explicitly (q x q), so that each row's K^-1 b_i is a product, not two triangular solves.
        double[] inverse = w.inverse;
        for (int t = 0; t < q; t++) {
            Arrays.fill(w.row, 0, q, 0.0);
            w.row[t] = 1;
            solve(factor, q, w.row);
            for (int u = 0; u < q; u++) {
                inverse[u * q + t] = w.row[u];
            }
        }
        // alpha = Sigma^-1 r = D^-1 (r - B K^-1 v); dL/dc = alpha; dL/dB = alpha (B'alpha)' - D^-1 B K^-1.
        double[] beta = w.beta;
        Arrays.fill(beta, 0, q, 0.0);
        for (int r = rowStart[g]; r < rowStart[g + 1]; r++) {
            int at = r * width;
            double fitted = 0;
            for (int t = 0; t < q; t++) {
                fitted += w.scaled[at + t] * weights[t];
            }
            double alpha = (w.residual[r] - fitted) * w.precision[r];
            w.alpha[r] = alpha;
            for (int t = 0; t < q; t++) {
                beta[t] += w.scaled[at + t] * alpha;
            }
        }
        double[] solved = w.row;
        for (int r = rowStart[g]; r < rowStart[g + 1]; r++) {
            int at = r * width;
            double alpha = w.alpha[r];
            double rowPrecision = w.precision[r];
            double leverage = 0;
            for (int t = 0; t < q; t++) {
                double sum = 0;
                for (int u = 0; u < q; u++) {
                    sum += inverse[t * q + u] * w.scaled[at + u];
                }
                solved[t] = sum;
                leverage += w.scaled[at + t] * sum;
            }
            for (int t = 0; t < q; t++) {
                int k = members[first + t];
                double gradientB = alpha * beta[t] - solved[t] * rowPrecision;
                w.slopesGradient[at + t] = gradientB * w.priorSd[k] + alpha * w.priorMean[k];
                if (priorVaries) {
                    double slope = w.slopes[at + t];
                    w.priorSdGradient[k] += gradientB * slope;
                    w.priorMeanGradient[k] += slope * alpha;
                }
            }
            w.offsetGradient[r] = alpha;
            double inverseDiagonal = rowPrecision - leverage * rowPrecision * rowPrecision;
            w.sdGradient[r] = w.sd[r] * (alpha * alpha - inverseDiagonal);
        }
        return value;
    }

    /**
     * {@link #group} with its adjoints for a group of two members (a varying intercept and slope), with the
     * 2 x 2 algebra written out: the same quantities, without the general code's loops over members.
     */
    private double pairGradient(Scratch w, int g) {
        int width = width();
        int first = memberStart[g];
        int k0 = members[first];
        int k1 = members[first + 1];
        double m0 = w.priorMean[k0];
        double m1 = w.priorMean[k1];
        double s0 = w.priorSd[k0];
        double s1 = w.priorSd[k1];
        double a00 = 1;
        double a01 = 0;
        double a11 = 1;
        double v0 = 0;
        double v1 = 0;
        double logDetD = 0;
        double quadratic = 0;
        int start = rowStart[g];
        int end = rowStart[g + 1];
        for (int r = start; r < end; r++) {
            int at = r * width;
            double slope0 = w.slopes[at];
            double slope1 = w.slopes[at + 1];
            double residual = y[r] - w.offset[r] - slope0 * m0 - slope1 * m1;
            double b0 = slope0 * s0;
            double b1 = slope1 * s1;
            w.scaled[at] = b0;
            w.scaled[at + 1] = b1;
            double precision = w.precision[r];
            w.residual[r] = residual;
            logDetD += w.logVariance[r];
            double pr = precision * residual;
            quadratic += pr * residual;
            v0 += b0 * pr;
            v1 += b1 * pr;
            double pb0 = precision * b0;
            a00 += pb0 * b0;
            a01 += pb0 * b1;
            a11 += precision * b1 * b1;
        }
        double determinant = a00 * a11 - a01 * a01;
        double i00 = a11 / determinant;
        double i01 = -a01 / determinant;
        double i11 = a00 / determinant;
        double w0 = i00 * v0 + i01 * v1;
        double w1 = i01 * v0 + i11 * v1;
        w.weights[0] = w0;
        w.weights[1] = w1;
        quadratic -= v0 * w0 + v1 * w1;
        double value = -(end - start) * HALF_LOG_TWO_PI - 0.5 * (logDetD + Math.log(determinant)) - 0.5 * quadratic;
        double beta0 = 0;
        double beta1 = 0;
        for (int r = start; r < end; r++) {
            int at = r * width;
            double alpha = (w.residual[r] - w.scaled[at] * w0 - w.scaled[at + 1] * w1) * w.precision[r];
            w.alpha[r] = alpha;
            beta0 += w.scaled[at] * alpha;
            beta1 += w.scaled[at + 1] * alpha;
        }
        double sd0 = 0;
        double sd1 = 0;
        double mean0 = 0;
        double mean1 = 0;
        for (int r = start; r < end; r++) {
            int at = r * width;
            double alpha = w.alpha[r];
            double p = w.precision[r];
            double b0 = w.scaled[at];
            double b1 = w.scaled[at + 1];
            double u0 = i00 * b0 + i01 * b1;
            double u1 = i01 * b0 + i11 * b1;
            double gradient0 = alpha * beta0 - u0 * p;
            double gradient1 = alpha * beta1 - u1 * p;
            w.slopesGradient[at] = gradient0 * s0 + alpha * m0;
            w.slopesGradient[at + 1] = gradient1 * s1 + alpha * m1;
            if (priorVaries) {
                double slope0 = w.slopes[at];
                double slope1 = w.slopes[at + 1];
                sd0 += gradient0 * slope0;
                sd1 += gradient1 * slope1;
                mean0 += slope0 * alpha;
                mean1 += slope1 * alpha;
            }
            w.offsetGradient[r] = alpha;
            double leverage = b0 * u0 + b1 * u1;
            w.sdGradient[r] = w.sd[r] * (alpha * alpha - (p - leverage * p * p));
        }
        w.priorSdGradient[k0] += sd0;
        w.priorSdGradient[k1] += sd1;
        w.priorMeanGradient[k0] += mean0;
        w.priorMeanGradient[k1] += mean1;
        return value;
    }

    /**
     * Cholesky factorization in place of the lower triangle of a q × q row-major matrix.
     *
     * @return log det of the matrix
     */
    private static double cholesky(double[] a, int q) {
        double product = 1;
        for (int j = 0; j < q; j++) {
            double d = a[j * q + j];
            for (int k = 0; k < j; k++) {
                d -= a[j * q + k] * a[j * q + k];
            }
            d = Math.sqrt(d);
            a[j * q + j] = d;
            product *= d;
            for (int i = j + 1; i < q; i++) {
                double s = a[i * q + j];
                for (int k = 0; k < j; k++) {
                    s -= a[i * q + k] * a[j * q + k];
                }
                a[i * q + j] = s / d;
            }
        }
        // K = I + B'D^-1 B has eigenvalues >= 1, so the product of the diagonal cannot underflow; at most
        // 100 factors cannot overflow short of absurd data.
        return 2 * Math.log(product);
    }

    /** Solves L Lᵀ x = b in place for the factor in the lower triangle. */
    private static void solve(double[] factor, int q, double[] b) {
        solve(factor, q, b, 0);
    }

    private static void solve(double[] factor, int q, double[] b, int offset) {
        for (int i = 0; i < q; i++) {
            double s = b[offset + i];
            for (int k = 0; k < i; k++) {
                s -= factor[i * q + k] * b[offset + k];
            }
            b[offset + i] = s / factor[i * q + i];
        }
        backSubstitute(factor, q, b, offset);
    }

    /** Solves Lᵀ x = b in place. */
    private static void backSubstitute(double[] factor, int q, double[] b, int offset) {
        for (int i = q - 1; i >= 0; i--) {
            double s = b[offset + i];
            for (int k = i + 1; k < q; k++) {
                s -= factor[k * q + i] * b[offset + k];
            }
            b[offset + i] = s / factor[i * q + i];
        }
    }

    @Override
    public void draw(ModelEvaluator[] evaluators, Workspace workspace, RandomGenerator random, double[] values) {
        Scratch w = read(evaluators, workspace);
        for (int g = 0; g < groups; g++) {
            int q = memberStart[g + 1] - memberStart[g];
            if (q == 0) {
                continue;
            }
            group(w, g, false);
            // u = K^-1 v + L^-T e has covariance K^-1; z = m + s u.
            for (int t = 0; t < q; t++) {
                w.row[t] = random.nextGaussian();
            }
            backSubstitute(w.factor, q, w.row, 0);
            for (int t = 0; t < q; t++) {
                int k = members[memberStart[g] + t];
                values[k] = w.priorMean[k] + w.priorSd[k] * (w.weights[t] + w.row[t]);
            }
        }
    }

    @Override
    public void conditionalMean(ModelEvaluator[] evaluators, Workspace workspace, double[] values) {
        Scratch w = read(evaluators, workspace);
        for (int g = 0; g < groups; g++) {
            int q = memberStart[g + 1] - memberStart[g];
            if (q == 0) {
                continue;
            }
            group(w, g, false);
            for (int t = 0; t < q; t++) {
                int k = members[memberStart[g] + t];
                values[k] = w.priorMean[k] + w.priorSd[k] * w.weights[t];
            }
        }
    }
}
