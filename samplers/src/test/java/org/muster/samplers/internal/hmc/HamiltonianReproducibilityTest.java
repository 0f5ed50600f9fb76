package org.muster.samplers.internal.hmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.muster.core.api.Distributions.beta;
import static org.muster.core.api.Distributions.binomial;
import static org.muster.core.api.Distributions.gamma;
import static org.muster.core.api.Distributions.multiNormalCholesky;
import static org.muster.core.api.Distributions.normal;
import static org.muster.core.api.Distributions.poisson;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.muster.core.api.ChainReport;
import org.muster.core.api.Draws;
import org.muster.core.api.Model;
import org.muster.core.api.ModelBuilder;
import org.muster.core.api.Node;
import org.muster.core.api.PosteriorDraws;
import org.muster.core.spi.FitListener;
import org.muster.core.spi.InferenceMethodProvider;
import org.muster.core.spi.MethodOptions;
import org.muster.core.spi.RunConfig;

/**
 * NUTS and static HMC give the same draws, bit for bit, as the code at commit c325473 did for the same
 * model, options and seed: a change to the kernels, the phase point, the Hamiltonian system or the
 * metrics that is meant as speed only must leave every draw, sampler statistic, adapted step size, inverse
 * metric and gradient count as it was. The expected digests (SHA-256 over the raw bits of all of those)
 * were computed by this test on c325473; a change that is meant to change the draws must say so and
 * replace them.
 */
class HamiltonianReproducibilityTest {

    private static final Map<String, Supplier<Model>> MODELS = Map.of(
            "eight-schools", () -> HamiltonianPosteriorTest.eightSchools(false),
            "eight-schools-centered", () -> HamiltonianPosteriorTest.eightSchools(true),
            "correlated-normal", HamiltonianReproducibilityTest::correlatedNormal,
            "gamma-poisson", HamiltonianReproducibilityTest::gammaPoisson,
            "beta-binomial", HamiltonianReproducibilityTest::betaBinomial);

    static Model correlatedNormal() {
        double rho = 0.9;
        ModelBuilder b = Model.builder();
        Node cholesky = b.data("L", new double[][] {{1, 0, 0}, {rho, Math.sqrt(1 - rho * rho), 0}, {0, 0.5, 2}});
        Node zero = b.data("zero", new double[] {0, 1, -1});
        b.stochastic("x", 3, multiNormalCholesky(zero, cholesky));
        return b.build();
    }

    static Model gammaPoisson() {
        ModelBuilder b = Model.builder();
        Node lambda = b.stochastic("lambda", gamma(2, 1));
        b.observed("k", poisson(lambda), new int[] {3, 5, 2});
        return b.build();
    }

    static Model betaBinomial() {
        ModelBuilder b = Model.builder();
        Node p = b.stochastic("p", beta(1, 1));
        b.observed("y", binomial(8, p), 2);
        return b.build();
    }

    @ParameterizedTest(name = "{0} {1} {2} seed {3}, {4} + {5}")
    @CsvSource(delimiter = ';', value = {
        "nuts; eight-schools; metric=diag_e; 1; 150; 100; 8355eba37069c6b4",
        "nuts; eight-schools; metric=diag_e; 2; 1000; 1000; 77fdd8a440a224f0",
        "nuts; eight-schools; metric=diag_e; 20261121; 150; 100; 9c3b8bc9037f18f8",
        "nuts; eight-schools-centered; metric=diag_e,adapt_delta=0.95; 3; 150; 100; fce26571025dcd25",
        "nuts; correlated-normal; metric=dense_e; 7; 150; 100; c8a92942943c31bd",
        "nuts; correlated-normal; metric=unit_e,max_depth=4; 8; 150; 100; dd2d052a0ac1ff68",
        "nuts; gamma-poisson; metric=diag_e; 5; 150; 100; 51f8c984136c1972",
        "hmc; eight-schools; metric=diag_e; 11; 150; 100; d9445a58db1c124d",
        "hmc; correlated-normal; metric=dense_e,int_time=3; 12; 150; 100; dde527b8a688a4d9",
        "hmc; beta-binomial; metric=diag_e; 13; 150; 100; 994ce9ca5eadc9e7",
    })
    void drawsAreThoseOfTheReferenceCommit(String method, String model, String options, long seed, int warmup, int draws,
            String expected) throws NoSuchAlgorithmException {
        InferenceMethodProvider provider = method.equals("nuts") ? new NutsProvider() : new StaticHmcProvider();
        Map<String, String> optionMap = new java.util.HashMap<>();
        for (String pair : options.split(",")) {
            String[] kv = pair.split("=");
            optionMap.put(kv[0], kv[1]);
        }
        PosteriorDraws fit = (PosteriorDraws) provider.create(MethodOptions.of(optionMap)).fit(MODELS.get(model).get(),
                RunConfig.builder().chains(2).warmup(warmup).draws(draws).seed(seed).build(), FitListener.NONE);
        assertEquals(expected, digest(fit), "draws of " + method + " on " + model + " (" + options + "), seed " + seed);
    }

    /** The first 16 hex digits of SHA-256 over the draws, sampler statistics and what each chain reports. */
    static String digest(PosteriorDraws fit) throws NoSuchAlgorithmException {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        ByteBuffer buffer = ByteBuffer.allocate(8);
        Runnable flush = () -> {
            sha.update(buffer.array());
            buffer.clear();
        };
        for (Draws draws : new Draws[] {fit.draws(), fit.samplerStatistics()}) {
            for (int v = 0; v < draws.variables().size(); v++) {
                sha.update(draws.variables().get(v).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                for (int c = 0; c < draws.chains(); c++) {
                    for (double x : draws.chain(c, v)) {
                        buffer.putLong(Double.doubleToRawLongBits(x));
                        flush.run();
                    }
                }
            }
        }
        for (ChainReport chain : fit.chains()) {
            buffer.putLong(chain.densityEvaluations());
            flush.run();
            ChainReport.Adaptation adaptation = chain.adaptation().orElseThrow();
            buffer.putLong(Double.doubleToRawLongBits(adaptation.stepSize()));
            flush.run();
            for (double[] row : adaptation.inverseMetric()) {
                for (double x : row) {
                    buffer.putLong(Double.doubleToRawLongBits(x));
                    flush.run();
                }
            }
        }
        return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    }
}
