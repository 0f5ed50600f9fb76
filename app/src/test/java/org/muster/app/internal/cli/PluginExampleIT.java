package org.muster.app.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.muster.app.internal.cli.MainTest.Run;

/**
 * The example plugin (examples/plugin-example), built with Maven by the invoker before this test, dropped
 * into a plugins directory: run in this JVM (class path, as the tests run) and as {@code ./muster} runs
 * the app (module path, each plugin in its own module layer).
 */
class PluginExampleIT {

    @TempDir
    Path dir;

    private Path plugins;

    @BeforeEach
    void copyTheExamplePlugin() throws IOException {
        Path built = Path.of(property("muster.examplePluginDirectory"));
        Path jar;
        try (Stream<Path> files = Files.list(built)) {
            jar = files.filter(f -> f.getFileName().toString().matches("muster-coin-flips-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("the invoker did not build the example plugin in " + built));
        }
        plugins = Files.createDirectories(dir.resolve("plugins"));
        Files.copy(jar, plugins.resolve(jar.getFileName()));
    }

    @Test
    void thePluginIsListedAndFitsInProcess() throws IOException {
        Run methods = MainTest.run("--plugins", plugins.toString(), "methods");
        assertEquals(0, methods.exitCode(), methods.err());
        assertTrue(methods.out().contains("independence - Independence Metropolis-Hastings"), methods.out());
        assertEquals("", methods.err());
        Run models = MainTest.run("models", "--plugins", plugins.toString());
        assertTrue(models.out().contains("coin-flips - Heads in flips of one coin"), models.out());

        Path output = dir.resolve("out");
        Run fit = MainTest.run("fit", "coin-flips", "--method", "independence", "--param", "heads=7", "--param",
                "flips=10", "--chains", "2", "--warmup", "500", "--draws", "2000", "--seed", "11", "--plugins",
                plugins.toString(), "--output", output.toString());
        assertEquals(0, fit.exitCode(), fit.err());
        List<String> summary = Files.readAllLines(output.resolve("summary.csv"));
        assertTrue(Files.exists(output.resolve("draws_1.csv")) && Files.exists(output.resolve("draws_2.csv")));
        String[] theta = summary.stream().filter(l -> l.startsWith("theta,")).findFirst().orElseThrow().split(",");
        List<String> header = List.of(summary.get(0).split(","));
        double mean = Double.parseDouble(theta[header.indexOf("mean")]);
        double sd = Double.parseDouble(theta[header.indexOf("sd")]);
        double mcseMean = Double.parseDouble(theta[header.indexOf("mcse_mean")]);
        double mcseSd = Double.parseDouble(theta[header.indexOf("mcse_sd")]);
        // Posterior Beta(1 + 7, 1 + 3): mean 8/12, sd sqrt(8 * 4 / (12^2 * 13)).
        assertEquals(8.0 / 12, mean, 4 * mcseMean, summary.toString());
        assertEquals(Math.sqrt(32.0 / (144 * 13)), sd, 4 * mcseSd, summary.toString());
    }

    @Test
    void onTheModulePathThePluginLoadsInItsOwnLayerAndBrokenPluginsAreReported() throws IOException, InterruptedException {
        Files.writeString(plugins.resolve("corrupt.jar"), "not a zip file\n");
        Path unresolvable = moduleNeedingAnAbsentModule(plugins.resolve("needs-absent.jar"));

        Run methods = runOnModulePath("--plugins", plugins.toString(), "methods");
        assertEquals(0, methods.exitCode(), methods.err());
        assertTrue(methods.out().contains("independence - ") && methods.out().contains("nuts - "), methods.out());
        List<String> errors = methods.err().lines().toList();
        assertEquals(2, errors.size(), methods.err());
        assertTrue(errors.get(0).startsWith("muster: plugin " + plugins.resolve("corrupt.jar") + " not loaded: "),
                errors.get(0));
        assertTrue(errors.get(1).startsWith("muster: plugin " + unresolvable + " not loaded: ")
                && errors.get(1).contains("org.example.absent not found"), errors.get(1));

        Run fit = runOnModulePath("fit", "coin-flips", "--method", "independence", "--chains", "1", "--warmup", "200",
                "--draws", "500", "--seed", "3", "--plugins", plugins.toString());
        assertEquals(0, fit.exitCode(), fit.err());
        assertTrue(fit.out().lines().anyMatch(l -> l.startsWith("theta ")), fit.out());
    }

    /** A named module requiring {@code org.example.absent}, compiled against a stub that is then left out. */
    private Path moduleNeedingAnAbsentModule(Path jar) throws IOException {
        Path sources = dir.resolve("sources");
        Path stub = dir.resolve("stub");
        Path classes = dir.resolve("classes");
        write(sources.resolve("absent/module-info.java"), "module org.example.absent { exports org.example.absent; }");
        write(sources.resolve("absent/org/example/absent/Library.java"), "package org.example.absent; public class Library {}");
        javac("-d", stub.toString(), sources.resolve("absent/module-info.java").toString(),
                sources.resolve("absent/org/example/absent/Library.java").toString());
        write(sources.resolve("needs/module-info.java"), "module demo.needs { requires org.muster.core;"
                + " requires org.example.absent; provides org.muster.core.spi.InferenceMethodProvider with demo.needs.Method; }");
        write(sources.resolve("needs/demo/needs/Method.java"), "package demo.needs;\n"
                + "public final class Method implements org.muster.core.spi.InferenceMethodProvider {\n"
                + "  public String id() { return \"needs\"; }\n"
                + "  public String description() { return String.valueOf(new org.example.absent.Library()); }\n"
                + "  public org.muster.core.spi.InferenceMethod create(org.muster.core.spi.MethodOptions o) {\n"
                + "    throw new UnsupportedOperationException();\n  }\n}\n");
        String core = Stream.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(p -> p.contains("muster-core-") || p.replace('\\', '/').endsWith("core/target/classes"))
                .findFirst().orElseThrow(() -> new AssertionError("muster-core is not on the class path"));
        String modulePath = core + java.io.File.pathSeparator + stub;
        javac("-d", classes.toString(), "-p", modulePath, sources.resolve("needs/module-info.java").toString(),
                sources.resolve("needs/demo/needs/Method.java").toString());
        int code = java.util.spi.ToolProvider.findFirst("jar").orElseThrow()
                .run(System.out, System.err, "cf", jar.toString(), "-C", classes.toString(), ".");
        assertEquals(0, code, "jar");
        return jar;
    }

    private static void javac(String... arguments) {
        java.io.StringWriter messages = new java.io.StringWriter();
        java.io.PrintWriter writer = new java.io.PrintWriter(messages);
        int code = java.util.spi.ToolProvider.findFirst("javac").orElseThrow().run(writer, writer, arguments);
        assertEquals(0, code, messages.toString());
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    /** Runs the app as {@code ./muster} does: {@code java -p APP_JAR:lib -m org.muster.app/...Main}. */
    private Run runOnModulePath(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-p", property("muster.appJar") + java.io.File.pathSeparator + property("muster.appLibrary"),
                "-m", "org.muster.app/org.muster.app.internal.cli.Main"));
        command.addAll(List.of(args));
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("muster did not finish in 120 s: " + command);
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new UncheckedIOException(new IOException("system property " + name + " is not set; run with mvn verify"));
        }
        return value;
    }
}
