package org.muster.models.internal.glmm;

import static org.muster.core.api.Distributions.bernoulliLogit;
import static org.muster.core.api.Distributions.binomialLogit;
import static org.muster.core.api.Distributions.lkjCorrCholesky;
import static org.muster.core.api.Distributions.negativeBinomial;
import static org.muster.core.api.Distributions.normal;
import static org.muster.core.api.Distributions.poissonLog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.muster.core.api.Distribution;
import org.muster.core.api.Expressions;
import org.muster.core.api.Model;
import org.muster.core.api.ModelBuilder;
import org.muster.core.api.Node;
import org.muster.models.api.ColumnMapping;
import org.muster.models.api.Dataset;
import org.muster.models.api.GeneratedQuantities;
import org.muster.models.api.UnitEstimates;
import org.muster.models.internal.glmm.Design.Column;
import org.muster.models.internal.glmm.Design.Factor;
import org.muster.models.internal.glmm.Formula.GroupTerm;
import org.muster.models.internal.glmm.Formula.ResponseKind;
import org.muster.models.internal.glmm.Formula.Term;
import org.muster.models.spi.Bounds;
import org.muster.models.spi.DataColumn;
import org.muster.models.spi.CheckedModelFamily;
import org.muster.models.spi.FamilyModel;
import org.muster.models.spi.FamilyModel.PriorRow;
import org.muster.models.spi.FamilyOptions;
import org.muster.models.spi.Prior;

/**
 * Generalized linear mixed models from a formula, {@code y ~ x + (1 + x | g)}, as lme4 and brms
 * write them (Bates et al. 2015; Bürkner 2017). The population-level predictors are centered and the
 * intercept sampled on the centered scale ({@code Intercept}, reported back as {@code b_Intercept}), as
 * brms does; each group-level block is non-centered, {@code r = diag(sd) L z} with {@code L} the
 * Cholesky factor of the correlation matrix under an LKJ prior (Lewandowski, Kurowicka & Joe 2009).
 * Output variables are named as brms names them.
 */
public final class GlmmFamily extends CheckedModelFamily {

    static final String ID = "glmm";
    static final String FORMULA = "formula";
    static final String FAMILY = "family";
    static final String OFFSET = "offset";
    static final String RADON_FORMULA = "log_radon ~ floor + (1 + floor | county)";
    static final List<String> FAMILIES = List.of("gaussian", "binomial", "bernoulli", "poisson", "negbinomial");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Multilevel regression from a formula, y ~ x + (1 + x | g) (lme4/brms notation); gaussian, binomial,"
                + " bernoulli, poisson or negbinomial";
    }

    @Override
    public List<DataColumn> dataColumns() {
        // the columns are the ones the formula names; the dataset's other columns are left alone
        return List.of(new DataColumn("columns named by --formula", "number or text",
                "the response, the predictors (text columns are categorical) and the grouping factors"));
    }

    @Override
    public Map<String, String> defaultPriors() {
        Map<String, String> priors = new LinkedHashMap<>();
        priors.put("b_Intercept", "student_t(3, median(y), max(2.5, mad(y))) for gaussian, student_t(3, 0, 2.5) otherwise"
                + " (on the centered predictors)");
        priors.put("b_X", "normal(0, 2.5 sd(y) / sd(X)) for gaussian, normal(0, 2.5 / sd(X)) otherwise");
        priors.put("sd_G__X", "student_t(3, 0, max(2.5, mad(y))) for gaussian, student_t(3, 0, 2.5) otherwise, on sd > 0");
        priors.put("sigma", "student_t(3, 0, max(2.5, mad(y))), on sigma > 0");
        priors.put("shape", "gamma(0.01, 0.01) (negbinomial)");
        priors.put("cor_G", "lkj(1)");
        return priors;
    }

    @Override
    public Optional<String> defaultDataset() {
        return Optional.of("radon");
    }

    @Override
    public Map<String, ColumnMapping> builtInData() {
        return Map.of("radon", ColumnMapping.none());
    }

    @Override
    public Map<String, String> options() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put(FORMULA, "the model, e.g. \"log_radon ~ floor + (1 + floor | county)\" (the default on radon);"
                + " terms x, a:b, a*b, 0 + or - 1 (no intercept), (x | g), (x || g), (1 | a/b), offset(col),"
                + " offset(log(col))");
        options.put(FAMILY, "gaussian (default), binomial (default for cbind(s, f) or s | trials(n)), bernoulli,"
                + " poisson or negbinomial");
        options.put(OFFSET, "a column added to the linear predictor as it is (log exposure for poisson); adds to any"
                + " offset(...) in the formula");
        return options;
    }


    @Override
    protected FamilyModel create(Dataset data, FamilyOptions options) {
        String text = options.value(FORMULA, "");
        if (text.isEmpty()) {
            if (data.builtInName().filter("radon"::equals).isEmpty()) {
                throw new IllegalArgumentException("model glmm needs a formula, e.g. --formula \"y ~ x + (1 + x | g)\"");
            }
            text = RADON_FORMULA;
        }
        Formula formula = FormulaParser.parse(text);
        String family = options.value(FAMILY, "");
        if (family.isEmpty()) {
            family = formula.response().kind() == ResponseKind.PLAIN ? "gaussian" : "binomial";
        }
        family = options.choice(ID, FAMILY, family, FAMILIES);
        return new Compiler(formula, family, new Design(data, text), options).compile();
    }

    /** Turns one formula on one dataset into a graph. */
    private static final class Compiler {

        private final Formula formula;
        private final String family;
        private final Design design;
        private final FamilyOptions options;
        private final ModelBuilder b = Model.builder();
        private final List<PriorRow> priorRows = new ArrayList<>();
        private final List<String> priorNames = new ArrayList<>();
        private final boolean gaussian;
        private double[] y;
        private int[] counts;
        private int[] trials;

        Compiler(Formula formula, String family, Design design, FamilyOptions options) {
            this.formula = formula;
            this.family = family;
            this.design = design;
            this.options = options;
            this.gaussian = family.equals("gaussian");
        }

        FamilyModel compile() {
            readResponse();
            double scale = gaussian ? Math.max(2.5, mad(y)) : 2.5;
            String intercept = "student_t(3, " + format(gaussian ? median(y) : 0) + ", " + format(scale) + ")";
            String scalePrior = "student_t(3, 0, " + format(scale) + ")";
            double sdY = gaussian ? sd(y) : 1;

            // population level: centered columns, one coefficient each
            List<Column> columns = new ArrayList<>();
            List<Integer> columnPositions = new ArrayList<>();
            Term fullyCoded = formula.intercept() ? null : firstCategorical(formula.terms());
            for (Term term : formula.terms()) {
                for (Column c : design.expand(term, term == fullyCoded)) {
                    columns.add(c);
                    columnPositions.add(term.positions().get(0));
                }
            }
            Set<String> seen = new HashSet<>();
            for (int p = 0; p < columns.size(); p++) {
                if (!seen.add(nodeName(columns.get(p).name()))) {
                    throw FormulaParser.error(formula.text(), columnPositions.get(p), "predictor '"
                            + columns.get(p).name() + "' appears twice");
                }
            }
            Node interceptNode = formula.intercept() ? stochastic("Intercept", "b_Intercept", Bounds.REAL, intercept)
                    : null;
            List<Node> coefficients = new ArrayList<>();
            double[] means = new double[columns.size()];
            for (int p = 0; p < columns.size(); p++) {
                double[] x = columns.get(p).values();
                means[p] = formula.intercept() ? mean(x) : 0;
                String name = "b_" + nodeName(columns.get(p).name());
                coefficients.add(stochastic(name, name, Bounds.REAL, "normal(0, " + format(2.5 * sdY / sd(x)) + ")"));
            }

            // group level: per block, sd, (L), z
            List<Block> blocks = new ArrayList<>();
            Set<String> sdNames = new HashSet<>();
            for (GroupTerm group : formula.groups()) {
                Factor factor = design.factor(group.factor(), group.factorPosition());
                List<Column> slopes = new ArrayList<>();
                List<String> coefficientNames = new ArrayList<>();
                if (group.intercept()) {
                    coefficientNames.add("Intercept");
                    slopes.add(null);
                }
                Term groupFullyCoded = group.intercept() ? null : firstCategorical(group.terms());
                for (Term term : group.terms()) {
                    for (Column c : design.expand(term, term == groupFullyCoded)) {
                        coefficientNames.add(c.name());
                        slopes.add(c);
                    }
                }
                String factorName = nodeName(factor.name());
                List<Node> sds = new ArrayList<>();
                for (String coefficient : coefficientNames) {
                    String name = "sd_" + factorName + "__" + nodeName(coefficient);
                    if (!sdNames.add(name)) {
                        throw FormulaParser.error(formula.text(), group.factorPosition(), "'" + coefficient
                                + "' varies by '" + factor.name() + "' in two group-level terms");
                    }
                    sds.add(stochastic(name, name, Bounds.POSITIVE, scalePrior));
                }
                blocks.add(new Block(blocks.size() + 1, group, factor, factorName, coefficientNames, slopes, sds));
            }
            for (Block block : blocks) {
                int k = block.coefficients.size();
                int j = block.factor.levels().size();
                if (block.group.correlated() && k > 1) {
                    block.cholesky = b.stochastic("L_" + block.id, k * k, lkjCorrCholesky(lkjEta(block)));
                }
                block.z = b.stochastic("z_" + block.id, k * j, normal(0, 1));
            }
            Node sigma = gaussian ? stochastic("sigma", "sigma", Bounds.POSITIVE, scalePrior) : null;
            Node shape = family.equals("negbinomial") ? stochastic("shape", "shape", Bounds.POSITIVE, "gamma(0.01, 0.01)")
                    : null;
            options.requireKnownPriors(ID, priorNames);

            if (interceptNode != null) {
                Node shift = interceptNode;
                for (int p = 0; p < columns.size(); p++) {
                    if (means[p] != 0) {
                        shift = shift.minus(coefficients.get(p).times(means[p]));
                    }
                }
                b.deterministic("b_Intercept", shift == interceptNode ? interceptNode.times(1.0) : shift);
            }
            for (Block block : blocks) {
                correlations(block);
            }

            // the linear predictor: centered design times coefficients, plus each block's gathered effects
            Node eta = interceptNode;
            for (int p = 0; p < columns.size(); p++) {
                double[] centered = columns.get(p).values().clone();
                for (int r = 0; r < centered.length; r++) {
                    centered[r] -= means[p];
                }
                Node term = coefficients.get(p).times(b.data("X_" + (p + 1), centered));
                eta = eta == null ? term : eta.plus(term);
            }
            for (Block block : blocks) {
                List<Node> effects = groupEffects(block);
                for (int c = 0; c < effects.size(); c++) {
                    Node term = effects.get(c).at(block.factor.index());
                    if (block.slopes.get(c) != null) {
                        term = term.times(b.data("Z_" + block.id + "_" + (c + 1), block.slopes.get(c).values()));
                    }
                    eta = eta == null ? term : eta.plus(term);
                }
            }
            double[] offset = offset();
            if (offset != null) {
                Node offsetNode = b.data("offset", offset);
                eta = eta == null ? offsetNode : eta.plus(offsetNode);
            }
            if (eta == null) {
                throw FormulaParser.error(formula.text(), formula.text().length(), "the model has no intercept, no"
                        + " predictor and no group-level term");
            }
            switch (family) {
                case "gaussian" -> b.observed("y", normal(eta, sigma), y);
                case "bernoulli" -> b.observed("y", bernoulliLogit(eta), counts);
                case "binomial" -> b.observed("y", binomialLogit(b.data("trials", trials), eta), counts);
                case "poisson" -> b.observed("y", poissonLog(eta), counts);
                case "negbinomial" -> b.observed("y", negativeBinomial(Expressions.exp(eta), shape), counts);
                default -> throw new IllegalStateException(family);
            }
            return FamilyModel.of(b.build(), units(blocks, columns, offset), NewLevels.of(blocks)).withPriors(priorRows);
        }

        /**
         * The varying intercepts as units of a shrinkage table, for gaussian models with a population
         * intercept: per level of each grouping factor with a varying intercept, the level's mean
         * response adjusted to predictors of 0 (raw) against {@code b_Intercept + r_G[level,Intercept]},
         * the intercept there too; null otherwise. The adjustment subtracts the offsets and the
         * population-level predictors times their coefficients in one least-squares fit of all rows
         * (complete pooling of the slopes), so that a group's raw value does not move with its mix of
         * predictor values, as a mean of the raw response would (radon: a county of basement houses).
         */
        private UnitEstimates units(List<Block> blocks, List<Column> columns, double[] offset) {
            List<Block> intercepts = blocks.stream().filter(block -> block.group.intercept()).toList();
            if (!gaussian || !formula.intercept() || intercepts.isEmpty()) {
                return null;
            }
            double[] adjusted = adjustedResponse(columns, offset);
            boolean isAdjusted = adjusted != null;
            if (adjusted == null) {
                adjusted = y;
            }
            List<String> labels = new ArrayList<>();
            List<String> members = new ArrayList<>();
            List<Double> raw = new ArrayList<>();
            List<Integer> sizes = new ArrayList<>();
            for (Block block : intercepts) {
                List<String> levels = block.factor.levels();
                double[] sums = new double[levels.size()];
                int[] counts = new int[levels.size()];
                int[] index = block.factor.index();
                for (int r = 0; r < index.length; r++) {
                    sums[index[r]] += adjusted[r];
                    counts[index[r]]++;
                }
                for (int level = 0; level < levels.size(); level++) {
                    labels.add(intercepts.size() == 1 ? levels.get(level) : block.factor.name() + " " + levels.get(level));
                    members.add("r_" + block.factor.name() + "[" + levels.get(level) + ",Intercept]");
                    raw.add(sums[level] / counts[level]);
                    sizes.add(counts[level]);
                }
            }
            String description = (isAdjusted && !(columns.isEmpty() && offset == null) ? "adjusted mean " : "mean ")
                    + formula.response().column();
            return new UnitEstimates("r", labels, raw.stream().mapToDouble(Double::doubleValue).toArray(),
                    description, Optional.of("b_Intercept"), members, true,
                    sizes.stream().mapToInt(Integer::intValue).toArray());
        }

        /**
         * y less the offsets and the population-level predictors times their pooled least-squares
         * coefficients; null if the predictors are collinear, and then the table shows plain means.
         */
        private double[] adjustedResponse(List<Column> columns, double[] offset) {
            double[] adjusted = y.clone();
            if (offset != null) {
                for (int r = 0; r < adjusted.length; r++) {
                    adjusted[r] -= offset[r];
                }
            }
            if (columns.isEmpty()) {
                return adjusted;
            }
            double[][] design = new double[adjusted.length][columns.size() + 1];
            for (int r = 0; r < adjusted.length; r++) {
                design[r][0] = 1;
                for (int p = 0; p < columns.size(); p++) {
                    design[r][p + 1] = columns.get(p).values()[r];
                }
            }
            double[] beta;
            try {
                beta = new QRDecomposition(new Array2DRowRealMatrix(design, false)).getSolver()
                        .solve(new ArrayRealVector(adjusted, false)).toArray();
            } catch (SingularMatrixException collinear) {
                return null;
            }
            for (int r = 0; r < adjusted.length; r++) {
                for (int p = 0; p < columns.size(); p++) {
                    adjusted[r] -= beta[p + 1] * design[r][p + 1];
                }
            }
            return adjusted;
        }

        /**
         * The sum of the formula's {@code offset(...)} terms and {@code --offset}, or null if there are none.
         *
         * @throws IllegalArgumentException for an unknown column, a cell that is not a number, or a cell of
         *     {@code offset(log(col))} that is not positive, naming the row
         */
        private double[] offset() {
            Dataset data = design.dataset();
            double[] sum = null;
            for (Formula.Offset term : formula.offsets()) {
                design.require(term.column(), term.position());
                double[] values = data.real(term.column());
                if (term.log()) {
                    List<String> cells = data.text(term.column());
                    for (int r = 0; r < values.length; r++) {
                        if (!(values[r] > 0)) {
                            throw data.cellError(r, term.column(), cells.get(r).trim(), "a positive number, as"
                                    + " offset(log(" + term.column() + ")) in the formula takes its logarithm");
                        }
                        values[r] = Math.log(values[r]);
                    }
                }
                sum = add(sum, values);
            }
            String option = options.value(OFFSET, "");
            if (!option.isEmpty()) {
                if (!data.hasColumn(option)) {
                    throw new IllegalArgumentException("--offset " + option + ": " + design.source() + " has no column '"
                            + option + "'; its columns are " + data.columns());
                }
                sum = add(sum, data.real(option));
            }
            return sum;
        }

        /** {@code total + values}, in {@code total} (modified) unless it is null; {@code values} is copied. */
        private static double[] add(double[] total, double[] values) {
            if (total == null) {
                return values.clone();
            }
            for (int r = 0; r < total.length; r++) {
                total[r] += values[r];
            }
            return total;
        }

        /**
         * The first term with a categorical column, whose first such column R codes with all its levels
         * when there is no intercept; null if there is none.
         */
        private Term firstCategorical(List<Term> terms) {
            for (Term term : terms) {
                if (design.hasCategorical(term)) {
                    return term;
                }
            }
            return null;
        }

        /** r_k = sd_k (L z)_k per level, as named vectors r_G__COEF whose members read r_G[level,COEF]. */
        private List<Node> groupEffects(Block block) {
            int k = block.coefficients.size();
            int j = block.factor.levels().size();
            List<Node> standard = new ArrayList<>();
            for (int c = 0; c < k; c++) {
                standard.add(block.z.at(range(c * j, j)));
            }
            List<Node> effects = new ArrayList<>();
            for (int c = 0; c < k; c++) {
                Node combined = standard.get(c);
                if (block.cholesky != null && c > 0) {
                    combined = null;
                    for (int m = 0; m <= c; m++) {
                        Node entry = Expressions.sum(block.cholesky.at(new int[] {c * k + m}));
                        Node part = entry.times(standard.get(m));
                        combined = combined == null ? part : combined.plus(part);
                    }
                }
                String coefficient = block.coefficients.get(c);
                List<String> labels = new ArrayList<>(j);
                for (String level : block.factor.levels()) {
                    labels.add("r_" + block.factor.name() + "[" + level + "," + coefficient + "]");
                }
                effects.add(b.deterministic("r_" + block.factorName + "__" + nodeName(coefficient),
                        block.sds.get(c).times(combined), labels));
            }
            return effects;
        }

        /** cor_G__A__B = row A of L dotted with row B of L. */
        private void correlations(Block block) {
            if (block.cholesky == null) {
                return;
            }
            int k = block.coefficients.size();
            for (int a = 0; a < k; a++) {
                for (int c = a + 1; c < k; c++) {
                    Node value = Expressions.dot(block.cholesky.at(range(a * k, a + 1)),
                            block.cholesky.at(range(c * k, a + 1)));
                    b.deterministic("cor_" + block.factorName + "__" + nodeName(block.coefficients.get(a)) + "__"
                            + nodeName(block.coefficients.get(c)), value);
                }
            }
        }

        private double lkjEta(Block block) {
            String name = "cor_" + block.factorName;
            priorNames.add(name);
            Optional<Prior> user = options.prior(name);
            if (user.isEmpty()) {
                priorRows.add(new PriorRow(name, "lkj(1)", "default"));
                return 1;
            }
            Prior prior = user.get();
            if (!(prior.distribution().equals("lkj") || prior.distribution().equals("lkj_corr_cholesky"))
                    || prior.arguments().size() != 1 || !(prior.arguments().get(0) > 0)) {
                throw new IllegalArgumentException("prior '" + prior.text() + "': the correlations of '"
                        + block.factor.name() + "' take lkj(eta) with eta > 0, e.g. " + name + "=lkj(2)");
            }
            priorRows.add(new PriorRow(name, distributionText(prior), "user"));
            return prior.arguments().get(0);
        }

        /** A scalar parameter with the user's prior for {@code key} or the default written as text. */
        private Node stochastic(String node, String key, Bounds bounds, String defaultPrior) {
            priorNames.add(key);
            Optional<Prior> user = options.prior(key);
            Prior prior = user.orElseGet(() -> Prior.parse(key + "=" + defaultPrior));
            priorRows.add(new PriorRow(key, user.isPresent() ? distributionText(prior) : defaultPrior,
                    user.isPresent() ? "user" : "default"));
            Distribution distribution = prior.distribution(bounds);
            return b.stochastic(node, distribution);
        }

        private void readResponse() {
            Formula.Response response = formula.response();
            design.require(response.column(), response.position());
            if (response.second() != null) {
                design.require(response.second(), response.secondPosition());
            }
            Dataset data = design.dataset();
            if (response.kind() != ResponseKind.PLAIN && !family.equals("binomial")) {
                throw FormulaParser.error(formula.text(), response.position(), "a response with "
                        + (response.kind() == ResponseKind.CBIND ? "cbind(successes, failures)" : "| trials(n)")
                        + " needs --family binomial, not " + family);
            }
            switch (family) {
                case "gaussian" -> y = data.real(response.column());
                case "bernoulli" -> {
                    counts = counts(response.column());
                    for (int r = 0; r < counts.length; r++) {
                        if (counts[r] > 1) {
                            throw data.cellError(r, response.column(), Integer.toString(counts[r]),
                                    "0 or 1, as family bernoulli needs");
                        }
                    }
                }
                case "binomial" -> {
                    if (response.kind() == ResponseKind.PLAIN) {
                        throw FormulaParser.error(formula.text(), response.position(), "family binomial needs the"
                                + " trials: write 'successes | trials(n)' or 'cbind(successes, failures)'");
                    }
                    counts = counts(response.column());
                    int[] second = counts(response.second());
                    trials = new int[counts.length];
                    for (int r = 0; r < counts.length; r++) {
                        trials[r] = response.kind() == ResponseKind.CBIND ? counts[r] + second[r] : second[r];
                        if (counts[r] > trials[r]) {
                            throw new IllegalArgumentException(data.source() + ", " + data.rowLocation(r) + ": "
                                    + counts[r] + " successes ('" + response.column() + "') but " + trials[r]
                                    + " trials ('" + response.second() + "')");
                        }
                    }
                }
                default -> counts = counts(response.column());
            }
            if (counts != null) {
                y = Arrays.stream(counts).asDoubleStream().toArray();
            }
        }

        private int[] counts(String column) {
            Dataset data = design.dataset();
            int[] values;
            try {
                values = data.integer(column);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(e.getMessage() + "; family " + family + " needs whole-number counts", e);
            }
            for (int r = 0; r < values.length; r++) {
                if (values[r] < 0) {
                    throw data.cellError(r, column, Integer.toString(values[r]), "a count (>= 0), as family "
                            + family + " needs");
                }
            }
            return values;
        }
    }

    /** One group-level term as compiled. */
    /**
     * A new level of each grouping factor, drawn per posterior draw as brms draws new levels
     * ({@code sample_new_levels = "gaussian"}): {@code r_G[new,coef] = sd_coef (L z)_coef}, z ~ N(0, I),
     * with L the block's Cholesky factor (the identity for an uncorrelated block).
     */
    private static final class NewLevels implements GeneratedQuantities {

        private final List<String> names = new ArrayList<>();
        /** Per block, its sds' names, and its Cholesky factor's member names (row-major) or null. */
        private final List<String[]> sds = new ArrayList<>();
        private final List<String[]> cholesky = new ArrayList<>();

        static NewLevels of(List<Block> blocks) {
            return blocks.isEmpty() ? null : new NewLevels(blocks);
        }

        private NewLevels(List<Block> blocks) {
            for (Block block : blocks) {
                String level = "new";
                while (block.factor.levels().contains(level)) {
                    level = level + "_";
                }
                int k = block.coefficients.size();
                String[] sdNames = new String[k];
                for (int c = 0; c < k; c++) {
                    names.add("r_" + block.factor.name() + "[" + level + "," + block.coefficients.get(c) + "]");
                    sdNames[c] = block.sds.get(c).name();
                }
                sds.add(sdNames);
                if (block.cholesky == null) {
                    cholesky.add(null);
                } else {
                    String[] entries = new String[k * k];
                    for (int e = 0; e < entries.length; e++) {
                        entries[e] = block.cholesky.memberName(e);
                    }
                    cholesky.add(entries);
                }
            }
        }

        @Override
        public List<String> names() {
            return List.copyOf(names);
        }

        @Override
        public void generate(DrawValues draw, RandomGenerator random, double[] out) {
            int next = 0;
            for (int b = 0; b < sds.size(); b++) {
                String[] sdNames = sds.get(b);
                String[] factor = cholesky.get(b);
                int k = sdNames.length;
                double[] z = new double[k];
                for (int c = 0; c < k; c++) {
                    z[c] = random.nextGaussian();
                }
                for (int c = 0; c < k; c++) {
                    double combined = z[c];
                    if (factor != null) {
                        combined = 0;
                        for (int m = 0; m <= c; m++) {
                            combined += draw.get(factor[c * k + m]) * z[m];
                        }
                    }
                    out[next++] = draw.get(sdNames[c]) * combined;
                }
            }
        }
    }

    private static final class Block {
        final int id;
        final GroupTerm group;
        final Factor factor;
        final String factorName;
        final List<String> coefficients;
        final List<Column> slopes;
        final List<Node> sds;
        Node cholesky;
        Node z;

        Block(int id, GroupTerm group, Factor factor, String factorName, List<String> coefficients, List<Column> slopes,
                List<Node> sds) {
            this.id = id;
            this.group = group;
            this.factor = factor;
            this.factorName = factorName;
            this.coefficients = coefficients;
            this.slopes = slopes;
            this.sds = sds;
        }
    }

    /** The distribution part of a prior as written: {@code normal(0, 1)} of {@code b_x=normal(0, 1)}. */
    private static String distributionText(Prior prior) {
        String text = prior.text();
        int equals = text.indexOf('=');
        int tilde = text.indexOf('~');
        int split = equals < 0 ? tilde : tilde < 0 ? equals : Math.min(equals, tilde);
        return text.substring(split + 1).trim();
    }

    /** A name the graph accepts: characters other than letters, digits, '_', '.' and ':' become '.'. */
    static String nodeName(String text) {
        return text.replaceAll("[^A-Za-z0-9_.:]", ".");
    }

    private static int[] range(int start, int length) {
        int[] out = new int[length];
        for (int i = 0; i < length; i++) {
            out[i] = start + i;
        }
        return out;
    }

    static String format(double x) {
        String s = String.format(Locale.ROOT, "%.4g", x);
        if (s.contains("e") || s.contains("E")) {
            return s;
        }
        if (s.contains(".")) {
            s = s.replaceAll("0+$", "");
            s = s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
        }
        return s;
    }

    static double mean(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        return sum / x.length;
    }

    static double sd(double[] x) {
        double m = mean(x);
        double sum = 0;
        for (double v : x) {
            sum += (v - m) * (v - m);
        }
        return Math.sqrt(sum / Math.max(1, x.length - 1));
    }

    static double median(double[] x) {
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    }

    /** R's mad: 1.4826 times the median absolute deviation from the median. */
    static double mad(double[] x) {
        double m = median(x);
        double[] deviations = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            deviations[i] = Math.abs(x[i] - m);
        }
        return 1.4826 * median(deviations);
    }
}
