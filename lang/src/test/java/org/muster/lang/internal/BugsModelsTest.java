package org.muster.lang.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.math3.analysis.integration.SimpsonIntegrator;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.muster.core.api.Draws;
import org.muster.lang.spi.LoadedModel;
import org.muster.lang.spi.ModelRequest;
import org.muster.models.api.Dataset;
import org.muster.models.api.DatasetReader;
import org.muster.models.spi.FamilyModel;
import org.muster.models.spi.FamilyOptions;
import org.muster.models.spi.ModelFamily;

/**
 * BUGS models fitted by Muster: the built-in datasets' models agree within 4 MCSE with the same models
 * built as families; small models with closed-form or one-dimensional posteriors (missing data,
 * truncation, censoring, mixture indicators, a Wishart) agree with them within 4 MCSE.
 */
class BugsModelsTest {

    @TempDir
    Path folder;

    private static String resource(String name) {
        try (InputStream in = BugsModelsTest.class.getResourceAsStream("models/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String vector(String name, double[] values) {
        StringBuilder s = new StringBuilder(name).append(" <- c(");
        for (int i = 0; i < values.length; i++) {
            s.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.17g", values[i]));
        }
        return s.append(")\n").toString();
    }

    private static ModelFamily family(String id) {
        return ServiceLoader.load(ModelFamily.class).stream().map(ServiceLoader.Provider::get)
                .filter(f -> f.id().equals(id)).findFirst().orElseThrow();
    }

    private static FamilyModel builtIn(String familyId, String dataset, FamilyOptions.Builder options) {
        ModelFamily family = family(familyId);
        if (family.builtInData().containsKey(dataset)) {
            options.columns(family.builtInData().get(dataset));
        }
        return family.prepare(DatasetReader.builtIn(dataset), options.build());
    }

    private LoadedModel load(String model, String data) {
        return new BugsFiles(folder).load(model, data);
    }

    @Test
    void eightSchoolsAgreesWithTheFamily() {
        Dataset schools = DatasetReader.builtIn("eight-schools");
        LoadedModel bugs = load(resource("eight-schools.bug"), "J <- 8\n" + vector("y", schools.real("effect"))
                + vector("sigma", schools.real("stderr")));
        Draws fromBugs = BugsFiles.fit(bugs, "nuts", 4, 1000, 2000, 11);
        Draws fromFamily = BugsFiles.fit(builtIn("eight-schools", "eight-schools", FamilyOptions.builder()).model(), "nuts",
                4, 1000, 2000, 12, List.of());
        BugsFiles.assertAgree(fromBugs, "mu", fromFamily, "mu");
        BugsFiles.assertAgree(fromBugs, "tau", fromFamily, "tau");
        for (int j = 1; j <= 8; j++) {
            BugsFiles.assertAgree(fromBugs, "theta[" + j + "]", fromFamily, "theta[" + j + "]");
        }
    }

    @Test
    @Tag("statistical")
    void ratsAgreeWithTheBetaBinomialFamily() {
        Dataset rats = DatasetReader.builtIn("rats");
        LoadedModel bugs = load(resource("rats.bug"), "J <- 71\n" + vector("y", rats.real("tumors"))
                + vector("n", rats.real("rats")));
        Draws fromBugs = BugsFiles.fit(bugs, "nuts", 4, 1000, 2000, 21);
        Draws fromFamily = BugsFiles.fit(builtIn("beta-binomial", "rats", FamilyOptions.builder()).model(), "nuts", 4,
                1000, 2000, 22, List.of());
        BugsFiles.assertAgree(fromBugs, "mean", fromFamily, "mean");
        BugsFiles.assertAgree(fromBugs, "concentration", fromFamily, "concentration");
        BugsFiles.assertAgree(fromBugs, "theta[71]", fromFamily, "theta[71]");
    }

    @Test
    @Tag("statistical")
    void gammaPoissonSourcesAgreeWithTheFamily() {
        Dataset sources = DatasetReader.builtIn("gamma-poisson-sources");
        double[] counts = sources.real("counts");
        double[] exposure = sources.real("exposure");
        double pooled = Math.max(1, java.util.Arrays.stream(counts).sum()) / java.util.Arrays.stream(exposure).sum();
        LoadedModel bugs = load(resource("gamma-poisson.bug"), "J <- " + counts.length + "\n" + vector("n", counts)
                + vector("e", exposure) + "pooled <- " + String.format(Locale.ROOT, "%.17g", pooled) + "\n");
        Draws fromBugs = BugsFiles.fit(bugs, "nuts", 4, 1000, 2000, 31);
        Draws fromFamily = BugsFiles.fit(builtIn("gamma-poisson", "gamma-poisson-sources", FamilyOptions.builder())
                .model(), "nuts", 4, 1000, 2000, 32, List.of());
        BugsFiles.assertAgree(fromBugs, "mu", fromFamily, "mu");
        BugsFiles.assertAgree(fromBugs, "sigma", fromFamily, "sigma");
        BugsFiles.assertAgree(fromBugs, "lambda[1]", fromFamily, "lambda[1]");
    }

    /** The numbers of a prior as the family reports it, e.g. [3, 1.2, 2.5] of {@code student_t(3, 1.2, 2.5)}. */
    private static double[] priorNumbers(FamilyModel model, String parameter) {
        String text = model.priors().stream().filter(r -> r.parameter().equals(parameter)).findFirst().orElseThrow().prior();
        Matcher m = Pattern.compile("-?[0-9.]+(?:[eE][-+]?[0-9]+)?").matcher(text);
        List<Double> numbers = new ArrayList<>();
        while (m.find()) {
            numbers.add(Double.parseDouble(m.group()));
        }
        return numbers.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Test
    @Tag("statistical")
    void radonAgreesWithTheGlmmFamily() {
        Dataset radon = DatasetReader.builtIn("radon");
        FamilyModel glmm = builtIn("glmm", "radon", FamilyOptions.builder().option("formula",
                "log_radon ~ floor + (1 | county)"));
        double[] intercept = priorNumbers(glmm, "b_Intercept");
        double[] floorPrior = priorNumbers(glmm, "b_floor");
        double[] floor = radon.real("floor");
        double floorMean = java.util.Arrays.stream(floor).average().orElseThrow();
        LoadedModel bugs = load(resource("radon.bug"), "N <- " + floor.length + "\nJ <- 85\n"
                + vector("y", radon.real("log_radon")) + vector("floor", floor) + vector("county", radon.real("county"))
                + String.format(Locale.ROOT, "floor.mean <- %.17g\ncenter <- %.17g\nscale <- %.17g\nfloor.scale <- %.17g\n",
                        floorMean, intercept[1], intercept[2], floorPrior[1]));
        Draws fromBugs = BugsFiles.fit(bugs, "nuts", 4, 1000, 1000, 41);
        Draws fromFamily = BugsFiles.fit(glmm.model(), "nuts", 4, 1000, 1000, 42, List.of());
        BugsFiles.assertAgree(fromBugs, "b.floor", fromFamily, "b_floor");
        BugsFiles.assertAgree(fromBugs, "sd.county", fromFamily, "sd_county__Intercept");
        BugsFiles.assertAgree(fromBugs, "sigma", fromFamily, "sigma");
        BugsFiles.assertAgree(fromBugs, "Intercept", fromFamily, "Intercept");
    }

    @Test
    void missingValuesAreSampledFromTheirConditional() {
        double[] y = {1.2, Double.NaN, 0.4, 2.1, Double.NaN, 1.7, 0.9};
        StringBuilder data = new StringBuilder("y <- c(");
        double sum = 0;
        int observed = 0;
        for (int i = 0; i < y.length; i++) {
            data.append(i == 0 ? "" : ", ").append(Double.isNaN(y[i]) ? "NA" : Double.toString(y[i]));
            if (!Double.isNaN(y[i])) {
                sum += y[i];
                observed++;
            }
        }
        LoadedModel bugs = load("model {\n  for (i in 1:7) { y[i] ~ dnorm(mu, 1) }\n  mu ~ dnorm(0, 0.01)\n}\n",
                data + ")\n");
        Draws draws = BugsFiles.fit(bugs, "nuts", 4, 500, 2000, 51);
        // Conjugate: mu | y ~ normal(sum / (0.01 + n), 1 / (0.01 + n)); a missing y has mu's mean.
        double mean = sum / (0.01 + observed);
        BugsFiles.assertMean(draws, "mu", mean);
        BugsFiles.assertMean(draws, "y[2]", mean);
        BugsFiles.assertMean(draws, "y[5]", mean);
    }

    @Test
    void truncatedObservationsMatchTheNumericalPosterior() {
        double[] y = {0.3, 1.9, 0.05, 0.8, 2.6, 0.4, 1.1, 0.2};
        LoadedModel bugs = load("model {\n  for (i in 1:8) { y[i] ~ dnorm(mu, 1) T(0, ) }\n  mu ~ dnorm(0, 0.01)\n}\n",
                vector("y", y));
        Draws draws = BugsFiles.fit(bugs, "nuts", 4, 500, 2000, 61);
        org.apache.commons.math3.distribution.NormalDistribution standard =
                new org.apache.commons.math3.distribution.NormalDistribution(null, 0, 1);
        java.util.function.DoubleUnaryOperator logPosterior = mu -> {
            double lp = -0.5 * 0.01 * mu * mu;
            for (double v : y) {
                lp += -0.5 * (v - mu) * (v - mu) - Math.log(standard.cumulativeProbability(mu));
            }
            return lp;
        };
        double shift = logPosterior.applyAsDouble(1.0);
        SimpsonIntegrator simpson = new SimpsonIntegrator(1e-10, 1e-12, 3, 30);
        double mass = simpson.integrate(10_000_000, m -> Math.exp(logPosterior.applyAsDouble(m) - shift), -6, 6);
        double first = simpson.integrate(10_000_000, m -> m * Math.exp(logPosterior.applyAsDouble(m) - shift), -6, 6);
        BugsFiles.assertMean(draws, "mu", first / mass);
    }

    @Test
    void censoredTimesGiveTheConjugateGammaPosterior() {
        // t ~ exponential(r), r ~ gamma(2, 1): with d events, total time T (censoring times included),
        // r | data ~ gamma(2 + d, 1 + T).
        double[] t = {0.5, Double.NaN, 1.2, 0.3, Double.NaN, 2.2, 0.9, Double.NaN};
        double[] limit = {3, 1.5, 3, 3, 2.5, 3, 3, 0.7};
        StringBuilder times = new StringBuilder("t <- c(");
        StringBuilder censored = new StringBuilder("censored <- c(");
        double total = 0;
        int events = 0;
        for (int i = 0; i < t.length; i++) {
            times.append(i == 0 ? "" : ", ").append(Double.isNaN(t[i]) ? "NA" : Double.toString(t[i]));
            censored.append(i == 0 ? "" : ", ").append(Double.isNaN(t[i]) ? 1 : 0);
            total += Double.isNaN(t[i]) ? limit[i] : t[i];
            events += Double.isNaN(t[i]) ? 0 : 1;
        }
        LoadedModel bugs = load("model {\n  for (i in 1:8) {\n    censored[i] ~ dinterval(t[i], limit[i])\n"
                + "    t[i] ~ dexp(r)\n  }\n  r ~ dgamma(2, 1)\n}\n", times + ")\n" + censored + ")\n" + vector("limit", limit));
        Draws draws = BugsFiles.fit(bugs, "nuts", 4, 500, 2000, 71);
        BugsFiles.assertMean(draws, "r", (2.0 + events) / (1 + total));
    }

    @Test
    void mixtureIndicatorsGiveTheNumericalPosteriorOfTheWeights() {
        double[] y = {-2.3, -1.1, 2.4, -1.9, 1.6, -2.8, 0.2, -1.5, 2.9, -2.2};
        LoadedModel bugs = load("model {\n  for (i in 1:10) {\n    z[i] ~ dcat(p[])\n    y[i] ~ dnorm(mu[z[i]], 1)\n  }\n"
                + "  p[1:2] ~ ddirch(alpha[])\n}\n", vector("y", y) + "mu <- c(-2, 2)\nalpha <- c(1, 1)\n");
        assertTrue(bugs.defaultMethod().equals("gibbs"));
        Draws draws = BugsFiles.fit(bugs, "gibbs", 4, 300, 1500, 81);
        java.util.function.DoubleUnaryOperator likelihood = w -> {
            double l = 1;
            for (double v : y) {
                l *= w * Math.exp(-0.5 * (v + 2) * (v + 2)) + (1 - w) * Math.exp(-0.5 * (v - 2) * (v - 2));
            }
            return l;
        };
        SimpsonIntegrator simpson = new SimpsonIntegrator(1e-12, 1e-14, 3, 30);
        double mass = simpson.integrate(10_000_000, likelihood::applyAsDouble, 0, 1);
        double first = simpson.integrate(10_000_000, w -> w * likelihood.applyAsDouble(w), 0, 1);
        BugsFiles.assertMean(draws, "p[1]", first / mass);
    }

    @Test
    void aWishartPrecisionGivesTheConjugatePosteriorMean() {
        double[][] x = {{0.5, 1.2}, {-0.3, 0.1}, {1.1, 1.9}, {0.2, -0.4}, {-1.0, -0.8}, {0.7, 0.3}, {0.0, 0.9},
            {-0.6, -1.5}, {1.4, 0.8}, {0.3, 0.6}};
        StringBuilder values = new StringBuilder("x <- structure(c(");
        for (int column = 0; column < 2; column++) {
            for (int row = 0; row < x.length; row++) {
                values.append(column == 0 && row == 0 ? "" : ", ").append(x[row][column]);
            }
        }
        LoadedModel bugs = load("model {\n  for (i in 1:10) { x[i, 1:2] ~ dmnorm(mu[], Omega[, ]) }\n"
                + "  Omega[1:2, 1:2] ~ dwish(R[, ], 4)\n}\n", values + "), .Dim = c(10, 2))\nmu <- c(0, 0)\n"
                + "R <- structure(c(2, 0.5, 0.5, 1), .Dim = c(2, 2))\n");
        Draws draws = BugsFiles.fit(bugs, "nuts", 4, 500, 2000, 91);
        // Omega | x ~ Wishart(R + S, k + n) with S = sum x xᵀ; its mean is (k + n)(R + S)^-1.
        double[][] scatter = {{2, 0.5}, {0.5, 1}};
        for (double[] row : x) {
            for (int a = 0; a < 2; a++) {
                for (int b = 0; b < 2; b++) {
                    scatter[a][b] += row[a] * row[b];
                }
            }
        }
        RealMatrix mean = MatrixUtils.inverse(MatrixUtils.createRealMatrix(scatter)).scalarMultiply(4 + 10);
        BugsFiles.assertMean(draws, "Omega[1,1]", mean.getEntry(0, 0));
        BugsFiles.assertMean(draws, "Omega[2,1]", mean.getEntry(1, 0));
        BugsFiles.assertMean(draws, "Omega[2,2]", mean.getEntry(1, 1));
    }

    @Test
    void theSameFileLoadsThroughTheRequestApi() {
        BugsFiles files = new BugsFiles(folder);
        Path model = files.write("rats.bug", resource("rats.bug"));
        Path data = files.write("rats.R", "J <- 2\ny <- c(1, 3)\nn <- c(10, 12)\n");
        LoadedModel loaded = new BugsLanguage().load(ModelRequest.of(model, data));
        assertTrue(loaded.monitors().containsAll(List.of("theta[1]", "theta[2]", "mean", "concentration")));
    }
}
