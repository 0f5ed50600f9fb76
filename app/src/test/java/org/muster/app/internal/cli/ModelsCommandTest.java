package org.muster.app.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelsCommandTest {

    @TempDir
    Path dir;

    @Test
    void listsEveryFamilyWithItsDataPriorsOptionsAndPooling() {
        MainTest.Run models = MainTest.run("models");
        assertEquals(0, models.exitCode(), models.err());
        for (String id : List.of("beta-binomial", "logit-normal", "gamma-poisson", "normal-hierarchical",
                "eight-schools", "gaussian-mixture", "neal-funnel")) {
            assertTrue(models.out().contains("\n" + id + " - ") || models.out().startsWith(id + " - "), id);
        }
        assertTrue(models.out().contains("built-in data: rats (default: y=tumors,n=rats,unit=experiment)"), models.out());
        assertTrue(models.out().contains("pooling: partial (default), none, complete"), models.out());
        assertTrue(models.out().contains("option components:") && models.out().contains("neal-funnel - "), models.out());
        assertTrue(models.out().contains("prior tau ~ half_cauchy(0, 5)"), models.out());
    }

    /** The source of a plugin: a one-parameter family in its own module. */
    private static final String MODULE_INFO = """
            module com.example.coins {
                requires org.muster.models;
                provides org.muster.models.spi.ModelFamily with com.example.coins.CoinFamily;
            }
            """;

    private static final String FAMILY = """
            package com.example.coins;

            import java.util.List;
            import java.util.Map;
            import org.muster.core.api.Distributions;
            import org.muster.core.api.Model;
            import org.muster.core.api.ModelBuilder;
            import org.muster.core.api.Node;
            import org.muster.models.api.Dataset;
            import org.muster.models.spi.DataColumn;
            import org.muster.models.spi.FamilyOptions;
            import org.muster.models.spi.ModelFamily;

            public final class CoinFamily implements ModelFamily {
                public String id() { return "coin-flips"; }
                public String description() { return "Flips of one coin, heads ~ Bernoulli(p)"; }
                public List<DataColumn> dataColumns() { return List.of(new DataColumn("heads", "0 or 1", "a flip")); }
                public Map<String, String> defaultPriors() { return Map.of("p", "beta(1, 1)"); }
                public Model build(Dataset data, FamilyOptions options) {
                    ModelBuilder b = Model.builder();
                    Node p = b.stochastic("p", Distributions.beta(1, 1));
                    b.observed("heads", Distributions.bernoulli(p), data.integer("heads"));
                    return b.build();
                }
            }
            """;

    /** The application's runtime module path: this test's class path without the test libraries. */
    private static List<String> runtimePath() {
        List<String> excluded = List.of("test-classes", "junit", "opentest4j", "apiguardian", "archunit");
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> excluded.stream().noneMatch(entry::contains)).toList();
    }

    private Path buildPluginJar(List<String> modulePath) throws IOException {
        Path sources = dir.resolve("src");
        Path classes = dir.resolve("classes");
        Files.createDirectories(sources.resolve("com/example/coins"));
        Files.writeString(sources.resolve("module-info.java"), MODULE_INFO);
        Files.writeString(sources.resolve("com/example/coins/CoinFamily.java"), FAMILY);
        ToolProvider javac = ToolProvider.findFirst("javac").orElseThrow();
        int status = javac.run(System.out, System.err, "-d", classes.toString(), "--module-path",
                String.join(File.pathSeparator, modulePath), sources.resolve("module-info.java").toString(),
                sources.resolve("com/example/coins/CoinFamily.java").toString());
        assertEquals(0, status, "the plugin compiles");
        Path jar = dir.resolve("coins.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace(File.separatorChar, '/')));
                out.write(Files.readAllBytes(file));
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry("META-INF/services/org.muster.models.spi.ModelFamily"));
            out.write("com.example.coins.CoinFamily\n".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }

    /** Runs the command line in a new JVM, as {@code ./muster} does, and returns its standard output. */
    private String runJava(List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (OutputStream in = process.getOutputStream()) {
            in.flush();
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the command finishes");
        assertEquals(0, process.exitValue(), output);
        return output;
    }

    @Test
    void aFamilyInItsOwnJarOnTheModulePathIsListed() throws IOException, InterruptedException {
        List<String> runtime = runtimePath();
        Path plugin = buildPluginJar(runtime);
        String modulePath = Stream.concat(runtime.stream(), Stream.of(plugin.toString()))
                .collect(Collectors.joining(File.pathSeparator));
        String modules = runJava(List.of("--module-path", modulePath, "-m",
                "org.muster.app/org.muster.app.internal.cli.Main", "models"));
        assertTrue(modules.contains("coin-flips - Flips of one coin"), modules);
        assertTrue(modules.contains("beta-binomial - "), modules);
        String classPath = runJava(List.of("-cp", modulePath, "org.muster.app.internal.cli.Main", "models"));
        assertTrue(classPath.contains("coin-flips - Flips of one coin"), classPath);
    }
}
