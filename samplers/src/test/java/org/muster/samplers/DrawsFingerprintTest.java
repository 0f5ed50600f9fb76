package org.muster.samplers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.muster.core.api.Distributions.bernoulli;
import static org.muster.core.api.Distributions.beta;
import static org.muster.core.api.Distributions.binomial;
import static org.muster.core.api.Distributions.categorical;
import static org.muster.core.api.Distributions.dirichlet;
import static org.muster.core.api.Distributions.gamma;
import static org.muster.core.api.Distributions.halfNormal;
import static org.muster.core.api.Distributions.normal;
import static org.muster.core.api.Distributions.studentT;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
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
import org.muster.testkit.InferenceMethodContract;

/**
 * Seed-for-seed identity of every built-in sampler: each case fits a small model with fixed seed and
 * settings, and the SHA-256 of its draws, sampler statistics, settings, cancel flag and chain reports
 * (evaluation counts and adaptation; not the timings) must equal the hash stored in
 * {@code draws-fingerprints.properties}. The cases cover NUTS and static HMC (diagonal, dense and unit
 * metrics, no adaptation, no warmup, per-chain initial values), random-walk Metropolis (dense, diagonal,
 * component-wise, one dimension), and Gibbs (conjugate draws, slice sampling, enumeration of categorical
 * and binary parameters, Metropolis blocks by option and by the model's marks), and cancelled runs with
 * chains still queued, sequential and on a one-thread executor.
 *
 * <p>The stored hashes were generated from the code at commit c325473 (before the chain runner moved
 * into core's {@code MarkovChainMethod}), so this test shows that the move, and any later change meant
 * to keep outputs, leaves every draw bit-for-bit as it was. A change that is meant to alter draws
 * regenerates the file: run this test with {@code -Dmuster.fingerprints.write=PATH} (the test then writes
 * the hashes to PATH instead of comparing) and say why in the commit.
 */
class DrawsFingerprintTest {

    private static final String RESOURCE = "draws-fingerprints.properties";
    private static final String WRITE = "muster.fingerprints.write";

    /** The sampler contract's model: mu ~ N(0, 10), y ~ N(mu, 2); lambda ~ Gamma(2, 1), k ~ Poisson(lambda). */
    private static Model conjugate() {
        return InferenceMethodContract.conjugateModelForTests();
    }

    /** One coordinate: mu ~ N(0, 1), y ~ Student-t(4, mu, 1). */
    private static Model oneDimensional() {
        ModelBuilder b = Model.builder();
        Node mu = b.stochastic("mu", normal(0, 1));
        b.observed("y", studentT(4, mu, 1), new double[] {0.3, -0.8, 1.9});
        return b.build();
    }

    /** a, c ~ Gamma(2, 1) (sliced), theta ~ Beta(a, c) (conjugate to the binomial), optionally marked as a block. */
    private static Model betaBinomial(boolean markedBlock) {
        ModelBuilder b = Model.builder();
        Node a = b.stochastic("a", gamma(2, 1));
        Node c = b.stochastic("c", gamma(2, 1));
        Node theta = b.stochastic("theta", 3, beta(a, c));
        b.observed("y", binomial(b.data("n", new int[] {5, 6, 7, 8}), theta.at(new int[] {0, 1, 2, 2})),
                new int[] {1, 2, 3, 4});
        if (markedBlock) {
            b.updateJointly(a, c);
        }
        return b.build();
    }

    /** A two-component mixture with categorical indicators (enumerated), a Dirichlet weight and sliced means and scales. */
    private static Model mixture() {
        SplittableRandom random = new SplittableRandom(2026);
        double[] y = new double[24];
        for (int i = 0; i < y.length; i++) {
            y[i] = random.nextDouble() < 0.4 ? -2 + 0.7 * random.nextGaussian() : 3 + random.nextGaussian();
        }
        ModelBuilder b = Model.builder();
        Node w = b.stochastic("w", dirichlet(b.data("ones", new double[] {1, 1})));
        Node z = b.stochastic("z", y.length, categorical(w));
        Node mu = b.stochastic("mu", 2, normal(0, 10));
        Node sigma = b.stochastic("sigma", 2, halfNormal(5));
        b.observed("y", normal(mu.select(z), sigma.select(z)), y);
        return b.build();
    }

    /** Binary indicators: p ~ Beta(1, 1), s_i ~ Bernoulli(p), y_i ~ N(2 s_i, 1). */
    private static Model binaryIndicators() {
        ModelBuilder b = Model.builder();
        Node p = b.stochastic("p", beta(1, 1));
        Node s = b.stochastic("s", 6, bernoulli(p));
        b.observed("y", normal(s.times(2), 1), new double[] {0.1, 2.2, 1.8, -0.4, 2.5, 0.3});
        return b.build();
    }

    private static InferenceMethodProvider provider(String id) {
        return ServiceLoader.load(InferenceMethodProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    private static PosteriorDraws fit(String method, Map<String, String> options, Model model, RunConfig config,
            FitListener listener) {
        return (PosteriorDraws) provider(method).create(MethodOptions.of(options)).fit(model, config, listener);
    }

    private static PosteriorDraws fit(String method, Map<String, String> options, Model model, RunConfig config) {
        return fit(method, options, model, config, FitListener.NONE);
    }

    private static RunConfig config(int chains, int warmup, int draws, long seed) {
        return RunConfig.builder().chains(chains).warmup(warmup).draws(draws).seed(seed).build();
    }

    /**
     * Three chains of 20 warmup and 60 draws, cancelled after 220 iterations in all: 80, 80 and 60 done,
     * the third chain still queued when the second ended; on a one-thread executor when asked.
     */
    private static PosteriorDraws cancelled(String method, Map<String, String> options, Model model,
            boolean onExecutor) {
        RunConfig.Builder config = RunConfig.builder().chains(3).warmup(20).draws(60).seed(41);
        if (!onExecutor) {
            return fit(method, options, model, config.build(), InferenceMethodContract.cancellingAfter(220));
        }
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            return fit(method, options, model, config.executor(pool).build(), InferenceMethodContract.cancellingAfter(220));
        } finally {
            pool.shutdownNow();
        }
    }

    static Map<String, Supplier<PosteriorDraws>> cases() {
        Map<String, Supplier<PosteriorDraws>> cases = new LinkedHashMap<>();
        cases.put("nuts-diag", () -> fit("nuts", Map.of(), conjugate(), config(2, 150, 60, 11)));
        cases.put("nuts-dense", () -> fit("nuts", Map.of("metric", "dense_e"), conjugate(), config(2, 150, 60, 12)));
        cases.put("nuts-unit", () -> fit("nuts", Map.of("metric", "unit_e", "max_depth", "4"), conjugate(),
                config(2, 100, 60, 13)));
        cases.put("nuts-no-adaptation", () -> fit("nuts", Map.of("adapt_engaged", "false", "stepsize", "0.3"),
                conjugate(), config(2, 30, 60, 14)));
        cases.put("nuts-no-warmup", () -> fit("nuts", Map.of(), conjugate(), config(2, 0, 40, 15)));
        cases.put("nuts-windows", () -> fit("nuts", Map.of("init_buffer", "10", "term_buffer", "10", "window", "5",
                "adapt_delta", "0.9"), conjugate(), config(1, 120, 40, 16)));
        cases.put("nuts-chain-inits", () -> fit("nuts", Map.of(), conjugate(), RunConfig.builder().chains(2)
                .warmup(50).draws(40).seed(17).chainInitialValues(List.of(
                        Map.of("mu", new double[] {1.5}, "lambda", new double[] {2.0}),
                        Map.of("lambda", new double[] {9.0}))).build()));
        cases.put("hmc-diag", () -> fit("hmc", Map.of(), conjugate(), config(2, 100, 50, 21)));
        cases.put("hmc-dense", () -> fit("hmc", Map.of("metric", "dense_e", "int_time", "1.5"), conjugate(),
                config(2, 100, 50, 22)));
        cases.put("mh-dense", () -> fit("mh", Map.of(), conjugate(), config(2, 200, 100, 31)));
        cases.put("mh-diag", () -> fit("mh", Map.of("proposal", "diag", "target_accept", "0.3"), conjugate(),
                config(2, 200, 100, 32)));
        cases.put("mh-componentwise", () -> fit("mh", Map.of("update", "componentwise"), conjugate(),
                config(2, 200, 100, 33)));
        cases.put("mh-one-dimension", () -> fit("mh", Map.of(), oneDimensional(), config(2, 100, 100, 34)));
        cases.put("gibbs-conjugate", () -> fit("gibbs", Map.of(), conjugate(), config(2, 50, 60, 51)));
        cases.put("gibbs-slice", () -> fit("gibbs", Map.of(), oneDimensional(), config(2, 50, 60, 52)));
        cases.put("gibbs-slice-and-vectorized-conjugate", () -> fit("gibbs", Map.of(), betaBinomial(false),
                config(2, 50, 60, 53)));
        cases.put("gibbs-block-option", () -> fit("gibbs", Map.of("block", "a,c", "block_steps", "3"),
                betaBinomial(false), config(2, 100, 60, 54)));
        cases.put("gibbs-block-marked", () -> fit("gibbs", Map.of(), betaBinomial(true), config(2, 100, 60, 55)));
        cases.put("gibbs-enumeration-categorical", () -> fit("gibbs", Map.of(), mixture(), config(2, 40, 40, 56)));
        cases.put("gibbs-enumeration-binary", () -> fit("gibbs", Map.of(), binaryIndicators(), config(2, 40, 40, 57)));
        for (String method : List.of("nuts", "hmc", "mh", "gibbs")) {
            cases.put(method + "-cancelled", () -> cancelled(method, Map.of(), conjugate(), false));
            cases.put(method + "-cancelled-on-executor", () -> cancelled(method, Map.of(), conjugate(), true));
        }
        return cases;
    }

    static Stream<String> caseNames() {
        return cases().keySet().stream();
    }

    @ParameterizedTest
    @MethodSource("caseNames")
    void drawsAreBitForBitAsStored(String name) throws IOException {
        if (System.getProperty(WRITE) != null) {
            return; // writesTheFingerprintsWhenAsked writes the file instead
        }
        String expected = stored().getProperty(name);
        assertNotNull(expected, "no stored fingerprint for " + name);
        assertEquals(expected, fingerprint(cases().get(name).get()), name);
    }

    private static Properties stored() throws IOException {
        Properties stored = new Properties();
        try (InputStream in = DrawsFingerprintTest.class.getResourceAsStream(RESOURCE)) {
            assertNotNull(in, RESOURCE);
            stored.load(in);
        }
        return stored;
    }

    /** Writes every case's fingerprint to the file {@code -Dmuster.fingerprints.write} names (a no-op otherwise). */
    @org.junit.jupiter.api.Test
    void writesTheFingerprintsWhenAsked() {
        String target = System.getProperty(WRITE);
        if (target == null) {
            return;
        }
        StringBuilder text = new StringBuilder("# SHA-256 of each DrawsFingerprintTest case; see its Javadoc.\n");
        new TreeMap<>(cases()).forEach((name, fit) -> text.append(name).append('=').append(fingerprint(fit.get()))
                .append('\n'));
        try {
            Files.writeString(Path.of(target), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SHA-256 over the method, settings, cancel flag, draws, statistics and the chain reports without timings. */
    static String fingerprint(PosteriorDraws fit) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        text(digest, fit.methodId());
        fit.settings().forEach((key, value) -> text(digest, key + "=" + value));
        text(digest, Boolean.toString(fit.cancelled()));
        draws(digest, fit.draws());
        draws(digest, fit.samplerStatistics());
        for (ChainReport report : fit.chains()) {
            number(digest, report.chain());
            number(digest, report.densityEvaluations());
            report.adaptation().ifPresent(a -> {
                number(digest, Double.doubleToRawLongBits(a.stepSize()));
                text(digest, Boolean.toString(a.dense()));
                for (double[] row : a.inverseMetric()) {
                    for (double value : row) {
                        number(digest, Double.doubleToRawLongBits(value));
                    }
                }
            });
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void draws(MessageDigest digest, Draws draws) {
        draws.variables().forEach(name -> text(digest, name));
        number(digest, draws.chains());
        number(digest, draws.iterations());
        for (int c = 0; c < draws.chains(); c++) {
            for (int v = 0; v < draws.variables().size(); v++) {
                for (double value : draws.chain(c, v)) {
                    number(digest, Double.doubleToRawLongBits(value));
                }
            }
        }
    }

    private static void text(MessageDigest digest, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        number(digest, bytes.length);
        digest.update(bytes);
    }

    private static void number(MessageDigest digest, long value) {
        digest.update(ByteBuffer.allocate(Long.BYTES).putLong(value).array());
    }
}
