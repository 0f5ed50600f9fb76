package org.muster.lang.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.muster.core.api.Draws;
import org.muster.core.api.PosteriorDraws;
import org.muster.core.spi.FitListener;
import org.muster.core.spi.InferenceMethodProvider;
import org.muster.core.spi.MethodOptions;
import org.muster.core.spi.RunConfig;
import org.muster.diagnostics.api.Convergence;
import org.muster.diagnostics.api.MonteCarloError;
import org.muster.lang.spi.LoadedModel;
import org.muster.lang.spi.ModelRequest;

/** Test helpers: model, data and inits written to a folder and loaded; fits through the method SPI. */
final class BugsFiles {

    private final Path folder;

    BugsFiles(Path folder) {
        this.folder = folder;
    }

    Path write(String name, String text) {
        try {
            Path file = folder.resolve(name);
            Files.writeString(file, text);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads {@code model} (written to m.bug) with data (d.R) and any inits (i1.R, i2.R, ...). */
    LoadedModel load(String model, String data, String... inits) {
        List<Path> initFiles = new ArrayList<>();
        for (int i = 0; i < inits.length; i++) {
            initFiles.add(write("i" + (i + 1) + ".R", inits[i]));
        }
        List<Path> dataFiles = data == null ? List.of() : List.of(write("d.R", data));
        return new BugsLanguage().load(new ModelRequest(write("m.bug", model), dataFiles, initFiles, List.of(), 1));
    }

    static InferenceMethodProvider method(String id) {
        return ServiceLoader.load(InferenceMethodProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    static Draws fit(org.muster.core.api.Model model, String method, int chains, int warmup, int draws, long seed,
            List<Map<String, double[]>> inits) {
        RunConfig.Builder config = RunConfig.builder().chains(chains).warmup(warmup).draws(draws).seed(seed);
        if (inits.size() == 1) {
            config.initialValues(inits.get(0));
        } else if (!inits.isEmpty()) {
            config.chainInitialValues(inits);
        }
        PosteriorDraws fit = (PosteriorDraws) method(method).create(MethodOptions.of(Map.of())).fit(model, config.build(),
                FitListener.NONE);
        return fit.draws();
    }

    static Draws fit(LoadedModel loaded, String method, int chains, int warmup, int draws, long seed) {
        return loaded.monitored(fit(loaded.model().model(), method, chains, warmup, draws, seed, loaded.initialValues()));
    }

    static double mean(Draws draws, String variable) {
        double[] all = draws.pooled(index(draws, variable));
        double s = 0;
        for (double v : all) {
            s += v;
        }
        return s / all.length;
    }

    static double mcse(Draws draws, String variable) {
        return MonteCarloError.mean(draws.variable(index(draws, variable)));
    }

    static double ess(Draws draws, String variable) {
        return Convergence.essBulk(draws.variable(index(draws, variable)));
    }

    private static int index(Draws draws, String variable) {
        int i = draws.indexOf(variable);
        if (i < 0) {
            throw new AssertionError("no variable " + variable + " in " + draws.variables());
        }
        return i;
    }

    /** The two fits' posterior means of a variable differ by less than 4 combined MCSE. */
    static void assertAgree(Draws a, String variableA, Draws b, String variableB) {
        double meanA = mean(a, variableA);
        double meanB = mean(b, variableB);
        double mcse = Math.hypot(mcse(a, variableA), mcse(b, variableB));
        org.junit.jupiter.api.Assertions.assertTrue(Math.abs(meanA - meanB) < 4 * mcse, variableA + ": " + meanA + " vs "
                + variableB + ": " + meanB + " (" + (meanA - meanB) / mcse + " combined MCSE of " + mcse + ")");
    }

    /** The posterior mean of a variable is within 4 MCSE of an exact value. */
    static void assertMean(Draws draws, String variable, double expected) {
        double mean = mean(draws, variable);
        double mcse = mcse(draws, variable);
        org.junit.jupiter.api.Assertions.assertTrue(Math.abs(mean - expected) < 4 * mcse, variable + ": " + mean
                + " vs exact " + expected + " (" + (mean - expected) / mcse + " MCSE of " + mcse + ")");
    }
}
