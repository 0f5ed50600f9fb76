package org.muster.models.internal.glmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.muster.core.api.Distributions.lkjCorrCholesky;
import static org.muster.core.api.Distributions.normal;
import static org.muster.core.api.Distributions.poissonLog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.muster.core.api.CompiledModel;
import org.muster.core.api.Expressions;
import org.muster.core.api.Model;
import org.muster.core.api.ModelBuilder;
import org.muster.core.api.ModelEvaluator;
import org.muster.core.api.Node;
import org.muster.models.api.Dataset;
import org.muster.models.api.DatasetReader;
import org.muster.models.spi.Bounds;
import org.muster.models.spi.FamilyModel;
import org.muster.models.spi.FamilyModel.PriorRow;
import org.muster.models.spi.FamilyOptions;
import org.muster.models.spi.Prior;
import org.muster.testkit.GradientAssertions;

class GlmmFamilyTest {

    private static final GlmmFamily FAMILY = new GlmmFamily();

    /** Explicit priors, so the hand-built graphs below can state the same ones without the defaults' rounding. */
    static final List<String> RADON_PRIORS = List.of("b_Intercept=student_t(3, 1.3, 2.5)", "b_floor=normal(0, 2)",
            "sd_county__Intercept=student_t(3, 0, 2.5)", "sd_county__floor=normal(0, 1)", "sigma=student_t(3, 0, 2)",
            "cor_county=lkj(2)");

    static FamilyModel prepare(Dataset data, String formula, String family, List<String> priors, String offset) {
        FamilyOptions.Builder options = FamilyOptions.builder();
        if (formula != null) {
            options.option("formula", formula);
        }
        if (family != null) {
            options.option("family", family);
        }
        if (offset != null) {
            options.option("offset", offset);
        }
        priors.forEach(options::prior);
        return FAMILY.prepare(data, options.build());
    }

    static Dataset table(String source, List<String> columns, List<double[]> values) {
        List<String[]> rows = new ArrayList<>();
        int n = values.get(0).length;
        for (int r = 0; r < n; r++) {
            String[] row = new String[columns.size()];
            for (int c = 0; c < row.length; c++) {
                double v = values.get(c)[r];
                row[c] = v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
            }
            rows.add(row);
        }
        int[] lines = new int[n];
        Arrays.setAll(lines, r -> r + 2);
        return new Dataset(source, columns, rows, lines);
    }

    private static String error(Dataset data, String formula, String family) {
        return assertThrows(IllegalArgumentException.class, () -> prepare(data, formula, family, List.of(), null))
                .getMessage();
    }

    private static double[] randomPoint(int dimension, SplittableRandom random) {
        double[] x = new double[dimension];
        for (int i = 0; i < x.length; i++) {
            x[i] = 0.8 * random.nextGaussian();
        }
        return x;
    }

    @Test
    void radonOutputIsNamedAsBrmsNamesIt() {
        CompiledModel compiled = FAMILY.prepare(DatasetReader.builtIn("radon"), FamilyOptions.none()).model().compile();
        List<String> names = compiled.outputNames();
        for (String name : List.of("b_Intercept", "b_floor", "sd_county__Intercept", "sd_county__floor",
                "cor_county__Intercept__floor", "sigma", "r_county[1,Intercept]", "r_county[85,floor]")) {
            assertTrue(names.contains(name), name + " not in " + names);
        }
        assertEquals(5 + 1 + 2 * 85, compiled.dimension()); // Intercept, b_floor, 2 sd, sigma; L (2 x 2: 1 free); z
    }

    @Test
    void radonLogDensityMatchesAHandBuiltGraph() {
        Dataset data = DatasetReader.builtIn("radon");
        CompiledModel formula = prepare(data, "log_radon ~ floor + (1 + floor | county)", null, RADON_PRIORS, null)
                .model().compile();
        double floorMean = Arrays.stream(data.real("floor")).average().orElseThrow();
        CompiledModel hand = handBuiltRadon(data).compile();
        assertEquals(hand.dimension(), formula.dimension());
        ModelEvaluator a = formula.newEvaluator();
        ModelEvaluator e = hand.newEvaluator();
        SplittableRandom random = new SplittableRandom(11);
        double[] gradientA = new double[formula.dimension()];
        double[] gradientE = new double[formula.dimension()];
        for (int trial = 0; trial < 20; trial++) {
            double[] x = randomPoint(formula.dimension(), random);
            double la = a.logDensityGradient(x, gradientA);
            double le = e.logDensityGradient(x, gradientE);
            assertEquals(le, la, 1e-10 * Math.max(1, Math.abs(le)));
            for (int i = 0; i < x.length; i++) {
                assertEquals(gradientE[i], gradientA[i], 1e-9 * Math.max(1, Math.abs(gradientE[i])), "coordinate " + i);
            }
            Map<String, double[]> values = formula.constrain(x);
            Map<String, double[]> handValues = hand.constrain(x);
            double rhoValue = handValues.get("L")[2];
            assertEquals(rhoValue, values.get("cor_county__Intercept__floor")[0], 1e-12);
            assertEquals(handValues.get("Intercept")[0] - handValues.get("slope")[0] * floorMean,
                    values.get("b_Intercept")[0], 1e-12);
        }
    }

    @Test
    void poissonWithAnOffsetAndTwoCrossedFactorsMatchesAHandBuiltGraph() {
        SplittableRandom random = new SplittableRandom(3);
        int n = 300;
        double[] a = new double[n];
        double[] g = new double[n];
        double[] x = new double[n];
        double[] exposure = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = 1 + random.nextInt(12);
            g[i] = 1 + random.nextInt(7);
            x[i] = random.nextGaussian();
            exposure[i] = Math.log(0.5 + 3 * random.nextDouble());
            double rate = Math.exp(0.3 + 0.5 * x[i] + exposure[i] + 0.1 * (a[i] - 6) + 0.2 * (g[i] - 4));
            y[i] = poisson(rate, random);
        }
        Dataset data = table("counts.csv", List.of("y", "x", "plant", "shift", "log_exposure"), List.of(y, x, a, g, exposure));
        List<String> priors = List.of("b_Intercept=normal(0, 3)", "b_x=normal(0, 1)", "sd_plant__Intercept=normal(0, 1)",
                "sd_shift__Intercept=student_t(3, 0, 1)");
        FamilyModel model = prepare(data, "y ~ x + (1 | plant) + (1 | shift)", "poisson", priors, "log_exposure");
        CompiledModel formula = model.model().compile();
        double xMean = Arrays.stream(x).average().orElseThrow();
        ModelBuilder b = Model.builder();
        Node intercept = b.stochastic("Intercept", normal(0, 3));
        Node slope = b.stochastic("b_x", normal(0, 1));
        Node sdPlant = b.stochastic("sd_plant", prior("normal(0, 1)", Bounds.POSITIVE));
        Node sdShift = b.stochastic("sd_shift", prior("student_t(3, 0, 1)", Bounds.POSITIVE));
        Node zPlant = b.stochastic("z_plant", 12, normal(0, 1));
        Node zShift = b.stochastic("z_shift", 7, normal(0, 1));
        int[] plant = Arrays.stream(a).mapToInt(v -> (int) v - 1).toArray();
        int[] shift = Arrays.stream(g).mapToInt(v -> (int) v - 1).toArray();
        Node eta = b.data("log_exposure", exposure).plus(sdShift.times(zShift).at(shift))
                .plus(sdPlant.times(zPlant).at(plant)).plus(slope.times(b.data("x", x)))
                .plus(intercept.minus(slope.times(xMean)));
        b.observed("y", poissonLog(eta), y);
        CompiledModel hand = b.build().compile();
        assertEquals(hand.dimension(), formula.dimension());
        ModelEvaluator f = formula.newEvaluator();
        ModelEvaluator e = hand.newEvaluator();
        for (int trial = 0; trial < 20; trial++) {
            double[] point = randomPoint(formula.dimension(), random);
            double expected = e.logDensity(point);
            assertEquals(expected, f.logDensity(point), 1e-10 * Math.max(1, Math.abs(expected)));
        }
        assertTrue(formula.outputNames().containsAll(List.of("r_plant[12,Intercept]", "r_shift[7,Intercept]",
                "sd_plant__Intercept", "sd_shift__Intercept", "b_x", "b_Intercept")), formula.outputNames().toString());
        assertEquals(new PriorRow("b_x", "normal(0, 1)", "user"),
                model.priors().stream().filter(p -> p.parameter().equals("b_x")).findFirst().orElseThrow());
    }

    @Test
    void defaultPriorsFollowBrmsAndAreReported() {
        Dataset data = DatasetReader.builtIn("radon");
        double[] y = data.real("log_radon");
        double[] sorted = y.clone();
        Arrays.sort(sorted);
        double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        double[] deviations = Arrays.stream(y).map(v -> Math.abs(v - median)).sorted().toArray();
        double mad = 1.4826 * (deviations.length % 2 == 1 ? deviations[deviations.length / 2]
                : (deviations[deviations.length / 2 - 1] + deviations[deviations.length / 2]) / 2);
        double scale = Math.max(2.5, mad);
        List<PriorRow> rows = FAMILY.prepare(data, FamilyOptions.none()).priors();
        assertEquals(List.of("b_Intercept", "b_floor", "sd_county__Intercept", "sd_county__floor", "cor_county", "sigma"),
                rows.stream().map(PriorRow::parameter).toList());
        assertEquals("student_t(3, " + GlmmFamily.format(median) + ", " + GlmmFamily.format(scale) + ")",
                rows.get(0).prior());
        assertEquals("student_t(3, 0, " + GlmmFamily.format(scale) + ")", rows.get(2).prior());
        assertEquals("lkj(1)", rows.get(4).prior());
        assertTrue(rows.stream().allMatch(r -> r.source().equals("default")));
        FamilyModel user = prepare(data, null, null, List.of("b_floor=normal(0, 1)"), null);
        assertEquals(new PriorRow("b_floor", "normal(0, 1)", "user"), user.priors().get(1));
    }

    @Test
    void unknownPriorsAndBadLkjPriorsAreRejected() {
        Dataset data = DatasetReader.builtIn("radon");
        String unknown = assertThrows(IllegalArgumentException.class,
                () -> prepare(data, null, null, List.of("b_nothing=normal(0, 1)"), null)).getMessage();
        assertTrue(unknown.contains("b_nothing") && unknown.contains("b_floor"), unknown);
        String lkj = assertThrows(IllegalArgumentException.class,
                () -> prepare(data, null, null, List.of("cor_county=normal(0, 1)"), null)).getMessage();
        assertTrue(lkj.contains("lkj(eta)"), lkj);
    }

    @Test
    void dataErrorsAreOneClearLine() {
        Dataset radon = DatasetReader.builtIn("radon");
        String unknown = error(radon, "log_radon ~ flor + (1 | county)", null);
        assertTrue(unknown.startsWith("formula \"log_radon ~ flor + (1 | county)\": unknown column 'flor'")
                && unknown.contains("at character 13"), unknown);
        double[] ones = new double[6];
        Arrays.fill(ones, 1);
        Dataset small = table("small.csv", List.of("y", "c", "g", "one", "k"), List.of(
                new double[] {0.5, 1.5, 2, 3.5, 1, 2}, ones, new double[] {1, 1, 2, 2, 3, 3}, ones,
                new double[] {1, 0, 2, 1, 0, 1}));
        String constant = error(small, "y ~ c + (1 | g)", null);
        assertTrue(constant.contains("predictor 'c' is constant") && constant.contains("at character 5"), constant);
        String oneLevel = error(small, "y ~ (1 | one)", null);
        assertTrue(oneLevel.contains("column 'one' has one level ('1' in every row of small.csv); it needs at least two"),
                oneLevel);
        String notCount = error(small, "y ~ (1 | g)", "poisson");
        assertTrue(notCount.contains("small.csv, line 2, column 'y': '0.5' is not an integer")
                && notCount.contains("family poisson needs whole-number counts"), notCount);
        String notBinary = error(small, "k ~ (1 | g)", "bernoulli");
        assertTrue(notBinary.contains("'2' is not 0 or 1"), notBinary);
        String noTrials = error(small, "k ~ (1 | g)", "binomial");
        assertTrue(noTrials.contains("needs the trials"), noTrials);
        String wrongFamily = error(small, "cbind(k, k) ~ (1 | g)", "poisson");
        assertTrue(wrongFamily.contains("needs --family binomial"), wrongFamily);
        String noFormula = error(small, null, null);
        assertTrue(noFormula.contains("needs a formula"), noFormula);
        String badFamily = error(small, "y ~ 1", "gamma");
        assertTrue(badFamily.contains("expected one of [gaussian, binomial, bernoulli, poisson, negbinomial]"), badFamily);
        Dataset blank = new Dataset("blank.csv", List.of("y", "x", "g"), List.of(new String[] {"1", "0.5", "1"},
                new String[] {"2", "", "2"}, new String[] {"3", "1.5", "2"}), new int[] {2, 3, 4});
        String empty = error(blank, "y ~ x + (1 | g)", null);
        assertTrue(empty.contains("blank.csv, line 3, column 'x': '' is not a value: the cell is empty"), empty);
        for (String message : List.of(unknown, constant, oneLevel)) {
            assertEquals(3, message.lines().count(), message);
        }
        for (String message : List.of(notCount, notBinary, badFamily)) {
            assertEquals(1, message.lines().count(), message);
        }
    }

    @Test
    void everyFamilyAndTermKindBuildsWithACorrectGradient() {
        SplittableRandom random = new SplittableRandom(9);
        int n = 120;
        double[] g = new double[n];
        double[] h = new double[n];
        double[] x = new double[n];
        double[] sex = new double[n];
        double[] s = new double[n];
        double[] f = new double[n];
        double[] count = new double[n];
        double[] binary = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = 1 + random.nextInt(6);
            h[i] = 1 + random.nextInt(3);
            x[i] = random.nextGaussian();
            sex[i] = random.nextInt(2);
            s[i] = random.nextInt(5);
            f[i] = random.nextInt(5);
            count[i] = random.nextInt(9);
            binary[i] = random.nextInt(2);
        }
        Dataset data = table("sim.csv", List.of("g", "h", "x", "sex", "s", "f", "count", "binary"),
                List.of(g, h, x, sex, s, f, count, binary));
        List<String[]> cases = List.of(
                new String[] {"cbind(s, f) ~ x + (1 + x | g)", null},
                new String[] {"s | trials(count) ~ 0 + x + (1 | g)", null},
                new String[] {"binary ~ x*sex + (x || g)", "bernoulli"},
                new String[] {"count ~ x + (1 + x + sex | g) + (1 | h/g)", "negbinomial"},
                new String[] {"x ~ sex + (1 | h:g)", "gaussian"});
        for (String[] c : cases) {
            if (c[0].startsWith("s | trials")) {
                continue; // s may exceed count here; covered below with consistent trials
            }
            CompiledModel compiled = prepare(data, c[0], c[1], List.of(), null).model().compile();
            GradientAssertions.assertGradientMatchesFiniteDifferences(compiled, c[0]);
        }
        double[] trials = new double[n];
        for (int i = 0; i < n; i++) {
            trials[i] = s[i] + f[i];
        }
        Dataset withTrials = table("trials.csv", List.of("g", "x", "s", "n"), List.of(g, x, s, trials));
        CompiledModel compiled = prepare(withTrials, "s | trials(n) ~ x + (1 | g)", null, List.of(), null).model().compile();
        GradientAssertions.assertGradientMatchesFiniteDifferences(compiled, "trials");
        List<String> names = prepare(data, "count ~ x + (1 + x + sex | g) + (1 | h/g)", "negbinomial", List.of(), null)
                .model().compile().outputNames();
        assertTrue(names.containsAll(List.of("shape", "cor_g__x__sex", "sd_h__Intercept", "sd_h:g__Intercept", "r_h:g[1_1,Intercept]",
                "r_g[6,sex]")), names.toString());
        List<String> uncorrelated = prepare(data, "binary ~ x*sex + (x || g)", "bernoulli", List.of(), null).model()
                .compile().outputNames();
        assertTrue(uncorrelated.containsAll(List.of("b_x", "b_sex", "b_x:sex", "sd_g__Intercept", "sd_g__x")),
                uncorrelated.toString());
        assertTrue(uncorrelated.stream().noneMatch(v -> v.startsWith("cor_")), uncorrelated.toString());
    }

    /**
     * The radon model with {@link #RADON_PRIORS}, written out by hand: per-county intercepts and slopes
     * on the uncentered floor, the correlation read from the Cholesky factor's second row.
     */
    static Model handBuiltRadon(Dataset data) {
        int[] county = Arrays.stream(data.integer("county")).map(c -> c - 1).toArray();
        double[] floor = data.real("floor");
        double[] y = data.real("log_radon");
        int j = 85;
        double floorMean = Arrays.stream(floor).average().orElseThrow();
        ModelBuilder b = Model.builder();
        Node intercept = b.stochastic("Intercept", prior("student_t(3, 1.3, 2.5)", Bounds.REAL));
        Node slope = b.stochastic("slope", normal(0, 2));
        Node sdIntercept = b.stochastic("sdA", prior("student_t(3, 0, 2.5)", Bounds.POSITIVE));
        Node sdSlope = b.stochastic("sdB", prior("normal(0, 1)", Bounds.POSITIVE));
        Node l = b.stochastic("L", 4, lkjCorrCholesky(2));
        Node z = b.stochastic("z", 2 * j, normal(0, 1));
        Node sigma = b.stochastic("sigma", prior("student_t(3, 0, 2)", Bounds.POSITIVE));
        int[] first = new int[j];
        int[] second = new int[j];
        for (int c = 0; c < j; c++) {
            first[c] = c;
            second[c] = j + c;
        }
        Node rho = Expressions.sum(l.at(new int[] {2}));
        Node rest = Expressions.sum(l.at(new int[] {3}));
        Node alpha = intercept.minus(slope.times(floorMean)).plus(sdIntercept.times(z.at(first)));
        Node beta = slope.plus(sdSlope.times(rho.times(z.at(first)).plus(rest.times(z.at(second)))));
        b.observed("y", normal(alpha.at(county).plus(beta.at(county).times(b.data("floor", floor))), sigma), y);
        b.deterministic("b_Intercept", intercept.minus(slope.times(floorMean)));
        b.deterministic("rho", rho.times(1.0));
        return b.build();
    }

    private static org.muster.core.api.Distribution prior(String text, Bounds bounds) {
        return Prior.parse("p=" + text).distribution(bounds);
    }

    private static double poisson(double rate, SplittableRandom random) {
        double limit = Math.exp(-rate);
        double product = random.nextDouble();
        int k = 0;
        while (product > limit) {
            product *= random.nextDouble();
            k++;
        }
        return k;
    }

    /** A dataset of text cells, rows as given. */
    static Dataset cells(String source, List<String> columns, List<String[]> rows) {
        int[] lines = new int[rows.size()];
        Arrays.setAll(lines, r -> r + 2);
        return new Dataset(source, columns, rows, lines);
    }

    /** y, x, z, sex (female/male), site (a/b/c), treat (ctl/trt), g (1..5), e (> 0), e2: 90 rows. */
    static Dataset mixedColumns() {
        SplittableRandom random = new SplittableRandom(21);
        List<String[]> rows = new ArrayList<>();
        for (int r = 0; r < 90; r++) {
            rows.add(new String[] {Double.toString(random.nextGaussian()), Double.toString(random.nextGaussian()),
                Double.toString(random.nextGaussian()), r % 2 == 0 ? "female" : "male",
                new String[] {"a", "b", "c"}[r % 3], r % 5 < 2 ? "ctl" : "trt", Integer.toString(1 + r % 5),
                Double.toString(0.5 + random.nextDouble()), Double.toString(random.nextGaussian()),
                Integer.toString(random.nextInt(6))});
        }
        return cells("mixed.csv", List.of("y", "x", "z", "sex", "site", "treat", "g", "e", "e2", "count"), rows);
    }

    @Test
    void interactionsAndDummiesAreNamedAsBrmsNamesThemAndTakePriorsByThoseNames() {
        Dataset data = mixedColumns();
        String formula = "y ~ x*z + sex + x:sex + (1 + x:z | g)";
        FamilyModel model = prepare(data, formula, null, List.of("b_x:z=normal(0, 1)", "sd_g__x:z=normal(0, 0.5)",
                "b_x:sexmale=normal(0, 3)"), null);
        List<String> names = model.model().compile().outputNames();
        for (String name : List.of("b_x", "b_z", "b_x:z", "b_sexmale", "b_x:sexmale", "sd_g__Intercept", "sd_g__x:z",
                "cor_g__Intercept__x:z", "r_g[1,x:z]", "r_g[5,Intercept]")) {
            assertTrue(names.contains(name), name + " not in " + names);
        }
        assertTrue(names.stream().noneMatch(n -> n.contains("x.z") || n.contains("x.sex")), names.toString());
        assertEquals(new PriorRow("b_x:z", "normal(0, 1)", "user"), prior(model, "b_x:z"));
        assertEquals(new PriorRow("sd_g__x:z", "normal(0, 0.5)", "user"), prior(model, "sd_g__x:z"));
        assertEquals("default", prior(model, "b_z").source());
        // the user's prior is the one in the density: only b_x:z's prior differs between these two models
        CompiledModel user = prepare(data, formula, null, List.of("b_x:z=normal(0, 1)"), null).model().compile();
        CompiledModel other = prepare(data, formula, null, List.of("b_x:z=normal(0, 2)"), null).model().compile();
        double[] point = randomPoint(user.dimension(), new SplittableRandom(4));
        double coefficient = user.constrain(point).get("b_x:z")[0];
        double expected = -0.5 * coefficient * coefficient + 0.5 * coefficient * coefficient / 4 + Math.log(2);
        assertEquals(expected, user.newEvaluator().logDensity(point) - other.newEvaluator().logDensity(point), 1e-9);
        String unknown = assertThrows(IllegalArgumentException.class,
                () -> prepare(data, formula, null, List.of("b_x.z=normal(0, 1)"), null)).getMessage();
        assertTrue(unknown.contains("b_x.z") && unknown.contains("b_x:z"), unknown);
    }

    private static PriorRow prior(FamilyModel model, String parameter) {
        return model.priors().stream().filter(p -> p.parameter().equals(parameter)).findFirst().orElseThrow();
    }

    @Test
    void withoutAnInterceptTheFirstCategoricalTermGetsEveryLevel() {
        Dataset data = mixedColumns();
        List<String> priors = List.of("b_sitea=normal(0, 2)", "b_siteb=normal(1, 2)", "b_sitec=normal(-1, 2)",
                "b_treattrt=normal(0, 1)", "b_x=normal(0, 1.5)", "sigma=student_t(3, 0, 2)");
        CompiledModel formula = prepare(data, "y ~ 0 + x + site + treat", null, priors, null).model().compile();
        List<String> names = formula.outputNames();
        assertTrue(names.containsAll(List.of("b_x", "b_sitea", "b_siteb", "b_sitec", "b_treattrt")), names.toString());
        assertTrue(!names.contains("b_treatctl") && !names.contains("b_Intercept"), names.toString());
        assertEquals(names.stream().filter(n -> n.startsWith("b_")).toList(),
                prepare(data, "y ~ x + site + treat - 1", null, priors, null).model().compile().outputNames().stream()
                        .filter(n -> n.startsWith("b_")).toList());
        List<String> withIntercept = prepare(data, "y ~ site + treat", null, List.of(), null).model().compile()
                .outputNames();
        assertTrue(withIntercept.containsAll(List.of("b_Intercept", "b_siteb", "b_sitec", "b_treattrt"))
                && !withIntercept.contains("b_sitea"), withIntercept.toString());

        // y ~ normal(b_x x + b_site[site] + b_treattrt [treat = trt], sigma), nothing centered
        double[] x = data.real("x");
        double[] y = data.real("y");
        ModelBuilder b = Model.builder();
        Node slope = b.stochastic("b_x", normal(0, 1.5));
        Node siteA = b.stochastic("b_sitea", normal(0, 2));
        Node siteB = b.stochastic("b_siteb", normal(1, 2));
        Node siteC = b.stochastic("b_sitec", normal(-1, 2));
        Node treat = b.stochastic("b_treattrt", normal(0, 1));
        Node sigma = b.stochastic("sigma", prior("student_t(3, 0, 2)", Bounds.POSITIVE));
        Node eta = slope.times(b.data("x", x));
        Node[] sites = {siteA, siteB, siteC};
        for (int level = 0; level < 3; level++) {
            String label = new String[] {"a", "b", "c"}[level];
            double[] indicator = data.text("site").stream().mapToDouble(v -> v.equals(label) ? 1 : 0).toArray();
            eta = eta.plus(sites[level].times(b.data("site" + label, indicator)));
        }
        eta = eta.plus(treat.times(b.data("trt", data.text("treat").stream().mapToDouble(v -> v.equals("trt") ? 1 : 0)
                .toArray())));
        b.observed("y", normal(eta, sigma), y);
        CompiledModel hand = b.build().compile();
        assertEquals(hand.dimension(), formula.dimension());
        ModelEvaluator f = formula.newEvaluator();
        ModelEvaluator e = hand.newEvaluator();
        SplittableRandom random = new SplittableRandom(8);
        for (int trial = 0; trial < 10; trial++) {
            double[] point = randomPoint(formula.dimension(), random);
            double expected = e.logDensity(point);
            assertEquals(expected, f.logDensity(point), 1e-10 * Math.max(1, Math.abs(expected)));
        }
    }

    @Test
    void withoutAGroupInterceptTheFirstCategoricalSlopeGetsEveryLevel() {
        Dataset data = mixedColumns();
        CompiledModel model = prepare(data, "y ~ x + (0 + site + treat | g)", null, List.of(), null).model().compile();
        List<String> names = model.outputNames();
        assertTrue(names.containsAll(List.of("sd_g__sitea", "sd_g__siteb", "sd_g__sitec", "sd_g__treattrt",
                "cor_g__sitea__siteb", "cor_g__siteb__treattrt", "r_g[1,sitea]", "r_g[5,treattrt]")), names.toString());
        assertTrue(names.stream().noneMatch(n -> n.contains("Intercept]") || n.startsWith("sd_g__Intercept")
                || n.contains("treatctl")), names.toString());
        List<String> withIntercept = prepare(data, "y ~ x + (1 + site | g)", null, List.of(), null).model().compile()
                .outputNames();
        assertTrue(withIntercept.containsAll(List.of("sd_g__Intercept", "sd_g__siteb", "sd_g__sitec"))
                && !withIntercept.contains("sd_g__sitea"), withIntercept.toString());
        GradientAssertions.assertGradientMatchesFiniteDifferences(model, "0 + site | g");
    }

    @Test
    void anOffsetInTheFormulaAddsTheColumnOrItsLogAndAddsToOffsetOption() {
        Dataset data = mixedColumns();
        double[] e = data.real("e");
        double[] e2 = data.real("e2");
        List<String[]> rows = new ArrayList<>();
        for (int r = 0; r < data.rowCount(); r++) {
            rows.add(new String[] {data.text("count").get(r), data.text("x").get(r), data.text("g").get(r),
                Double.toString(Math.log(e[r])), Double.toString(Math.log(e[r]) + e2[r])});
        }
        Dataset logged = cells("logged.csv", List.of("count", "x", "g", "log_e", "both"), rows);
        List<String> priors = List.of("b_Intercept=normal(0, 3)", "b_x=normal(0, 1)", "sd_g__Intercept=normal(0, 1)");
        String base = "count ~ x + (1 | g)";
        CompiledModel reference = prepare(logged, base, "poisson", priors, "log_e").model().compile();
        CompiledModel inFormula = prepare(data, "count ~ x + offset(log(e)) + (1 | g)", "poisson", priors, null).model()
                .compile();
        CompiledModel referenceBoth = prepare(logged, base, "poisson", priors, "both").model().compile();
        CompiledModel both = prepare(data, "count ~ offset(log(e)) + x + (1 | g)", "poisson", priors, "e2").model()
                .compile();
        CompiledModel twoTerms = prepare(data, "count ~ offset(e2) + x + offset(log(e)) + (1 | g)", "poisson", priors, null)
                .model().compile();
        CompiledModel none = prepare(logged, base, "poisson", priors, null).model().compile();
        SplittableRandom random = new SplittableRandom(6);
        for (int trial = 0; trial < 10; trial++) {
            double[] point = randomPoint(reference.dimension(), random);
            double expected = reference.newEvaluator().logDensity(point);
            assertEquals(expected, inFormula.newEvaluator().logDensity(point), 1e-10 * Math.max(1, Math.abs(expected)));
            double expectedBoth = referenceBoth.newEvaluator().logDensity(point);
            assertEquals(expectedBoth, both.newEvaluator().logDensity(point), 1e-10 * Math.max(1, Math.abs(expectedBoth)));
            assertEquals(expectedBoth, twoTerms.newEvaluator().logDensity(point),
                    1e-10 * Math.max(1, Math.abs(expectedBoth)));
            assertTrue(Math.abs(none.newEvaluator().logDensity(point) - expected) > 1e-6);
        }

        String negative = error(data, "count ~ x + offset(log(e2))", "poisson");
        assertTrue(negative.startsWith("mixed.csv, line ") && negative.contains("'e2'") && negative.contains("positive")
                && negative.contains("offset(log(e2))"), negative);
        int row = Integer.parseInt(negative.replaceAll("^mixed.csv, line (\\d+).*$", "$1").lines().findFirst().orElseThrow());
        assertTrue(e2[row - 2] <= 0 && Arrays.stream(e2, 0, row - 2).allMatch(v -> v > 0), negative);
        assertEquals(1, negative.lines().count(), negative);
        String unknown = error(data, "count ~ x + offset(log(exposure))", "poisson");
        assertTrue(unknown.contains("unknown column 'exposure'") && unknown.contains("at character 24"), unknown);
        String text = error(data, "count ~ x + offset(sex)", "poisson");
        assertTrue(text.contains("'female'") && text.contains("sex"), text);
    }

    @Test
    void gaussianVaryingInterceptsAreUnitsOfAShrinkageTable() {
        Dataset data = DatasetReader.builtIn("radon");
        FamilyModel model = FAMILY.prepare(data, FamilyOptions.none());
        org.muster.models.api.UnitEstimates units = model.units().orElseThrow();
        assertEquals(85, units.count());
        assertTrue(units.deviations());
        assertEquals(java.util.Optional.of("b_Intercept"), units.populationMean());
        assertEquals("r_county[1,Intercept]", units.memberName(0));
        assertTrue(model.model().compile().outputNames().containsAll(
                java.util.stream.IntStream.range(0, 85).mapToObj(units::memberName).toList()));
        int[] county = data.integer("county");
        double[] y = data.real("log_radon");
        double[] floor = data.real("floor");
        // raw: the county's mean of y - slope * floor, the slope of the least-squares line through all houses
        double meanFloor = Arrays.stream(floor).average().orElseThrow();
        double meanY = Arrays.stream(y).average().orElseThrow();
        double products = 0;
        double squares = 0;
        for (int r = 0; r < y.length; r++) {
            products += (floor[r] - meanFloor) * (y[r] - meanY);
            squares += (floor[r] - meanFloor) * (floor[r] - meanFloor);
        }
        double slope = products / squares;
        double sum = 0;
        double plainSum = 0;
        int count = 0;
        for (int r = 0; r < y.length; r++) {
            if (county[r] == 85) {
                sum += y[r] - slope * floor[r];
                plainSum += y[r];
                count++;
            }
        }
        assertEquals("85", units.labels().get(84));
        assertEquals("adjusted mean log_radon", units.rawDescription());
        assertEquals(sum / count, units.raw()[84], 1e-10);
        assertEquals(count, units.size(84));
        assertEquals(y.length, Arrays.stream(units.sizes()).sum());
        // with no population-level predictor the raw value is the county's plain mean
        org.muster.models.api.UnitEstimates plain = prepare(data, "log_radon ~ 1 + (1 | county)", null, List.of(), null)
                .units().orElseThrow();
        assertEquals("mean log_radon", plain.rawDescription());
        assertEquals(plainSum / count, plain.raw()[84], 1e-12);

        // two factors: every level of each, labelled with its factor
        Dataset mixed = mixedColumns();
        org.muster.models.api.UnitEstimates two = prepare(mixed, "y ~ x + (1 | g) + (1 + x | site) + (0 + x | treat)",
                null, List.of(), null).units().orElseThrow();
        assertEquals(List.of("g 1", "g 2", "g 3", "g 4", "g 5", "site a", "site b", "site c"), two.labels());
        assertEquals("r_site[c,Intercept]", two.memberName(7));
        // no table for count families or without a population intercept
        assertTrue(prepare(mixed, "count ~ x + (1 | g)", "poisson", List.of(), null).units().isEmpty());
        assertTrue(prepare(mixed, "y ~ 0 + x + (1 | g)", null, List.of(), null).units().isEmpty());
        assertTrue(prepare(mixed, "y ~ x + (0 + x | g)", null, List.of(), null).units().isEmpty());
    }

    @Test
    void levelsWithSpacesAndOperatorsAreNamedAsBrmsRenamesThem() {
        List<String[]> rows = new ArrayList<>();
        String[] levels = {"basement", "first floor", "x+y", "z-b (old)"};
        SplittableRandom random = new SplittableRandom(12);
        for (int r = 0; r < 40; r++) {
            rows.add(new String[] {Double.toString(random.nextGaussian()), levels[r % 4], Integer.toString(1 + r % 4)});
        }
        Dataset data = cells("floors.csv", List.of("y", "floor", "g"), rows);
        FamilyModel model = prepare(data, "y ~ floor + (1 + floor | g)", null, List.of("b_floorxPy=normal(0, 1)"), null);
        List<String> names = model.model().compile().outputNames();
        assertTrue(names.containsAll(List.of("b_floorfirstfloor", "b_floorxPy", "b_floorzMbold", "sd_g__floorfirstfloor",
                "r_g[1,floorxPy]")), names.toString());
        assertTrue(names.stream().noneMatch(n -> n.contains("floorbasement")), names.toString());
        assertEquals("user", prior(model, "b_floorxPy").source());
        assertEquals("aMbold", Design.brmsLabel("a-b (old)"));
        assertEquals("xNEQ1EQ2", Design.brmsLabel("x != 1 = 2"));
    }

    @Test
    void aNewLevelIsDrawnFromThePopulationOfTheGroupEffects() {
        FamilyModel model = FAMILY.prepare(DatasetReader.builtIn("radon"), FamilyOptions.none());
        org.muster.models.api.GeneratedQuantities level = model.newUnit().orElseThrow();
        assertEquals(List.of("r_county[new,Intercept]", "r_county[new,floor]"), level.names());
        // sd = (2, 0.5), correlation 0.6: covariance [[4, 0.6], [0.6, 0.25]]
        java.util.Map<String, Double> draw = java.util.Map.of("sd_county__Intercept", 2.0, "sd_county__floor", 0.5,
                "L_1[1]", 1.0, "L_1[2]", 0.0, "L_1[3]", 0.6, "L_1[4]", 0.8);
        SplittableRandom random = new SplittableRandom(3);
        int n = 40_000;
        double[] out = new double[2];
        double a = 0;
        double b = 0;
        double ab = 0;
        for (int t = 0; t < n; t++) {
            level.generate(name -> {
                Double value = draw.get(name);
                if (value == null) {
                    throw new IllegalArgumentException("no " + name);
                }
                return value;
            }, random, out);
            a += out[0] * out[0];
            b += out[1] * out[1];
            ab += out[0] * out[1];
        }
        // 4 standard errors of each second moment
        assertEquals(4.0, a / n, 4 * 4.0 * Math.sqrt(2.0 / n));
        assertEquals(0.25, b / n, 4 * 0.25 * Math.sqrt(2.0 / n));
        assertEquals(0.6, ab / n, 4 * Math.sqrt((4.0 * 0.25 + 0.36) / n));

        // uncorrelated blocks and two factors: one name per coefficient and factor
        FamilyModel two = prepare(mixedColumns(), "y ~ x + (1 | g) + (1 + x || site)", null, List.of(), null);
        assertEquals(List.of("r_g[new,Intercept]", "r_site[new,Intercept]", "r_site[new,x]"),
                two.newUnit().orElseThrow().names());
    }
}
