package org.muster.models.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.muster.core.api.Distributions.bernoulli;
import static org.muster.core.api.Distributions.beta;
import static org.muster.core.api.Distributions.binomial;
import static org.muster.core.api.Distributions.categorical;
import static org.muster.core.api.Distributions.dirichlet;
import static org.muster.core.api.Distributions.gamma;
import static org.muster.core.api.Distributions.inverseGamma;
import static org.muster.core.api.Distributions.normal;
import static org.muster.core.api.Distributions.poisson;
import static org.muster.core.api.Expressions.sqrt;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.muster.core.api.Draws;
import org.muster.core.api.Model;
import org.muster.core.api.ModelBuilder;
import org.muster.core.api.Node;
import org.muster.core.api.PosteriorDraws;
import org.muster.core.spi.FitListener;
import org.muster.core.spi.MethodOptions;
import org.muster.core.spi.RunConfig;
import org.muster.models.api.DatasetReader;
import org.muster.models.spi.FamilyOptions;
import org.muster.models.spi.ModelFamily;

/**
 * Pins Gibbs's draws bit for bit on models with conjugate updates (every kind of {@code ConjugateUpdate}),
 * seed for seed: a SHA-256 of every draw and sampler statistic. The expected digests in
 * {@code pins/gibbs-conjugate.txt} were generated from the code at c325473, before the closed forms moved
 * to core; regenerate only for an intended change, with {@code -Dmuster.pins.write=true}.
 *
 * <p>Regenerated once since, when Gibbs's updates began to evaluate only their nodes' Markov blankets
 * (issue 20): on seven of the eight models the draws are bit for bit as before and only the
 * {@code n_evals__} statistic changed (fewer whole-model evaluations); on rats, whose (mean,
 * concentration) block is a Metropolis step on its blanket, the acceptance decisions moved in the last
 * bits and so did the draws.
 */
class GibbsConjugatePinTest {

    private static final String RESOURCE = "pins/gibbs-conjugate.txt";

    private static Model family(String id, String data, FamilyOptions options) {
        ModelFamily family = ServiceLoader.load(ModelFamily.class).stream().map(ServiceLoader.Provider::get)
                .filter(f -> f.id().equals(id)).findFirst().orElseThrow();
        return family.build(DatasetReader.builtIn(data), options);
    }

    private static Map<String, Supplier<Model>> cases() {
        Map<String, Supplier<Model>> cases = new LinkedHashMap<>();
        cases.put("rats", () -> family("beta-binomial", "rats", FamilyOptions.none()));
        cases.put("gamma-poisson-sources", () -> family("gamma-poisson", "gamma-poisson-sources", FamilyOptions.none()));
        cases.put("eight-schools-centered", () -> family("eight-schools", "eight-schools",
                FamilyOptions.builder().option("parameterization", "centered").build()));
        cases.put("beta-binomial-bernoulli-fixed", () -> {
            ModelBuilder b = Model.builder();
            Node theta = b.stochastic("theta", 3, beta(1.5, 2.5));
            Node n = b.data("n", new double[] {5, 7, 3, 9, 4});
            b.observed("y", binomial(n, theta.at(new int[] {0, 1, 2, 0, 1})), new int[] {2, 3, 0, 6, 1});
            Node p = b.stochastic("p", beta(0.7, 1.3));
            b.observed("flips", bernoulli(p), new int[] {1, 0, 0, 1, 1, 1, 0});
            return b.build();
        });
        cases.put("gamma-poisson-exposures-fixed", () -> {
            ModelBuilder b = Model.builder();
            Node lambda = b.stochastic("lambda", 3, gamma(2.3, 1.7));
            Node e = b.data("e", new double[] {0.5, 2.5, 1.25, 3.0});
            b.observed("k", poisson(e.times(lambda.at(new int[] {0, 1, 2, 2}))), new int[] {1, 4, 0, 7});
            return b.build();
        });
        cases.put("normal-gamma", () -> {
            ModelBuilder b = Model.builder();
            Node tau = b.stochastic("tau", gamma(2, 3));
            Node sigma = tau.pow(-0.5);
            Node mu = b.stochastic("mu", normal(1, sigma));
            b.observed("y", normal(mu, sigma), new double[] {2.1, 3.4, 1.9, 2.8, 4.0, 2.2, 3.1, 2.6});
            return b.build();
        });
        cases.put("inverse-gamma-variance", () -> {
            ModelBuilder b = Model.builder();
            Node v = b.stochastic("v", inverseGamma(3, 2));
            b.observed("y", normal(0.5, sqrt(v)), new double[] {0.1, 1.3, -0.4, 0.9, 2.2});
            return b.build();
        });
        cases.put("dirichlet-categorical", () -> {
            ModelBuilder b = Model.builder();
            Node p = b.stochastic("p", dirichlet(b.data("alpha", new double[] {0.5, 1.0, 2.0})));
            b.observed("c", categorical(p), new int[] {1, 3, 3, 2, 3, 1, 3});
            return b.build();
        });
        return cases;
    }

    static String digest(PosteriorDraws fit) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Draws draws : new Draws[] {fit.draws(), fit.samplerStatistics()}) {
                for (int c = 0; c < draws.chains(); c++) {
                    for (int v = 0; v < draws.variables().size(); v++) {
                        for (double x : draws.chain(c, v)) {
                            long bits = Double.doubleToRawLongBits(x);
                            for (int k = 0; k < 8; k++) {
                                sha.update((byte) (bits >>> (8 * k)));
                            }
                        }
                    }
                }
            }
            StringBuilder hex = new StringBuilder();
            for (byte b : sha.digest()) {
                hex.append(String.format("%02x", b));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void conjugateDrawsAreTheSameBitForBitAsBeforeTheClosedFormsMoved() throws IOException {
        StringBuilder actual = new StringBuilder();
        for (Map.Entry<String, Supplier<Model>> c : cases().entrySet()) {
            PosteriorDraws fit = (PosteriorDraws) Fits.method("gibbs").create(MethodOptions.empty()).fit(c.getValue().get(),
                    RunConfig.builder().chains(2).warmup(100).draws(200).seed(20240519).build(), FitListener.NONE);
            actual.append(c.getKey()).append(' ').append(digest(fit)).append('\n');
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", RESOURCE.replace('/', '-')), actual.toString());
        if (Boolean.getBoolean("muster.pins.write")) {
            Path file = Path.of("src/test/resources", RESOURCE);
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual.toString());
        }
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(RESOURCE)) {
            String expected = in == null ? "(missing " + RESOURCE + ")" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(expected, actual.toString());
        }
    }
}
