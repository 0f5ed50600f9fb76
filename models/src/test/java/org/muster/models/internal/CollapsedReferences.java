package org.muster.models.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.muster.core.api.Draws;
import org.muster.core.api.Model;
import org.muster.core.api.PosteriorDraws;
import org.muster.core.spi.FitListener;
import org.muster.core.spi.MethodOptions;
import org.muster.core.spi.RunConfig;
import org.muster.diagnostics.api.MonteCarloError;
import org.muster.models.api.DatasetReader;
import org.muster.models.internal.glmm.GlmmFamily;
import org.muster.models.spi.FamilyOptions;

/**
 * The reference posteriors of rats, the gamma-Poisson sources and radon that {@code CollapsedOnFamiliesTest}
 * compares with, and how they were made: long runs of Muster's {@code nuts} on the joint model (8 chains x
 * 25,000 draws after 2,000 warmup, adapt_delta 0.95, seed 20261203), summarized as mean, sd and MCSE of the
 * mean per variable. Written into {@code src/test/resources/validation} when run with
 * {@code -Dmuster.references.write=true}; read from the class path by the tests.
 */
final class CollapsedReferences {

    static final String SOURCE = "muster nuts, 8 chains x 25000 draws (2000 warmup), adapt_delta 0.95, seed 20261203";

    /** One variable's reference: posterior mean, sd and the MCSE of the mean. */
    record Reference(double mean, double sd, double mcse) {
    }

    private CollapsedReferences() {
    }

    static Model rats() {
        return new BetaBinomialFamily().build(DatasetReader.builtIn("rats"), FamilyOptions.none());
    }

    static Model sources() {
        return new GammaPoissonFamily().build(DatasetReader.builtIn("gamma-poisson-sources"), FamilyOptions.none());
    }

    static Model radon() {
        return new GlmmFamily().build(DatasetReader.builtIn("radon"), FamilyOptions.none());
    }

    static Map<String, Model> models() {
        Map<String, Model> models = new LinkedHashMap<>();
        models.put("rats", rats());
        models.put("gamma_poisson_sources", sources());
        models.put("radon", radon());
        return models;
    }

    /** The references in {@code validation/NAME_posterior.csv}, by variable, as the first source lists them. */
    static Map<String, Reference> read(String name) {
        String resource = "validation/" + name + "_posterior.csv";
        try (InputStream in = CollapsedReferences.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no " + resource + " on the class path");
            }
            Map<String, Reference> out = new LinkedHashMap<>();
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            List<String> header = List.of(lines.get(0).split(","));
            for (String line : lines.subList(1, lines.size())) {
                List<String> cells = splitQuoted(line);
                out.putIfAbsent(cells.get(header.indexOf("variable")), new Reference(
                        Double.parseDouble(cells.get(header.indexOf("mean"))), Double.parseDouble(cells.get(header.indexOf("sd"))),
                        Double.parseDouble(cells.get(header.indexOf("mcse_mean")))));
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(resource + ": " + e.getMessage(), e);
        }
    }

    /** Cells of a CSV line, a cell in double quotes keeping its commas. */
    private static List<String> splitQuoted(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    private static String quote(String name) {
        return name.contains(",") ? "\"" + name + "\"" : name;
    }

    @Test
    @EnabledIfSystemProperty(named = "muster.references.write", matches = "true")
    void writeReferences() throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (Map.Entry<String, Model> entry : models().entrySet()) {
                PosteriorDraws fit = (PosteriorDraws) Fits.method("nuts").create(MethodOptions.of(Map.of("adapt_delta",
                        "0.95"))).fit(entry.getValue(), RunConfig.builder().chains(8).warmup(2000).draws(25_000)
                        .seed(20261203).executor(pool).build(), FitListener.NONE);
                Draws draws = fit.draws();
                StringBuilder csv = new StringBuilder("variable,mean,sd,mcse_mean,draws,source\n");
                for (int v = 0; v < draws.variables().size(); v++) {
                    double[][] chains = draws.variable(v);
                    double[] pooled = draws.pooled(v);
                    double mean = java.util.Arrays.stream(pooled).average().orElseThrow();
                    double sd = Math.sqrt(java.util.Arrays.stream(pooled).map(x -> (x - mean) * (x - mean)).sum()
                            / (pooled.length - 1));
                    if (sd == 0) {
                        continue;
                    }
                    csv.append(String.format(Locale.ROOT, "%s,%.8g,%.8g,%.6g,%d,\"%s\"%n", quote(draws.variables().get(v)),
                            mean, sd, MonteCarloError.mean(chains), pooled.length, SOURCE));
                }
                Path file = Path.of("src/test/resources/validation", entry.getKey() + "_posterior.csv");
                Files.writeString(file, csv.toString());
                assertTrue(Files.size(file) > 0);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
