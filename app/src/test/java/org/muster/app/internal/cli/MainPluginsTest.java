package org.muster.app.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.muster.app.internal.cli.MainTest.Run;
import org.muster.app.internal.plugins.PluginFixtures;

/** {@code --plugins}: plugin jars join the built-ins; broken ones and clashing ids are reported, not fatal. */
class MainPluginsTest {

    @TempDir
    Path dir;

    private Path plugins() throws IOException {
        return Files.createDirectories(dir.resolve("plugins"));
    }

    @Test
    void aPluginsMethodAndFamilyAreListedAndTheFamilyFits() throws IOException {
        Path plugins = plugins();
        PluginFixtures.jar(plugins.resolve("tiny.jar"),
                Map.of("p.tiny.Method", PluginFixtures.method("p.tiny", "echo", ""),
                        "p.tiny.Family", PluginFixtures.family("p.tiny", "tiny")),
                Map.of("org.muster.core.spi.InferenceMethodProvider", List.of("p.tiny.Method"),
                        "org.muster.models.spi.ModelFamily", List.of("p.tiny.Family")), Set.of());

        Run methods = MainTest.run("--plugins", plugins.toString(), "methods");
        assertEquals(0, methods.exitCode(), methods.err());
        assertTrue(methods.out().contains("echo - test plugin method echo"), methods.out());
        assertTrue(methods.out().contains("nuts - "), methods.out());
        assertEquals("", methods.err());

        Run models = MainTest.run("models", "--plugins=" + plugins);
        assertEquals(0, models.exitCode(), models.err());
        assertTrue(models.out().contains("tiny - test plugin family tiny"), models.out());
        assertTrue(models.out().contains("eight-schools - "), models.out());

        Run fit = MainTest.run("fit", "tiny", "--method", "mh", "--plugins", plugins.toString(), "--chains", "2",
                "--warmup", "200", "--draws", "200", "--seed", "4");
        assertEquals(0, fit.exitCode(), fit.err());
        assertTrue(fit.out().lines().anyMatch(line -> line.startsWith("mu ")), fit.out());

        Run usePluginMethod = MainTest.run("--plugins", plugins.toString(), "fit", "tiny", "--method", "echo");
        assertEquals(2, usePluginMethod.exitCode(), usePluginMethod.err());
        assertTrue(usePluginMethod.err().contains("test plugin method echo does not fit"), usePluginMethod.err());
    }

    @Test
    void aBrokenJarIsReportedByNameOnOneLineAndTheBuiltInsStillWork() throws IOException {
        Path plugins = plugins();
        PluginFixtures.brokenJar(plugins.resolve("corrupt.jar"));
        PluginFixtures.methodJar(plugins.resolve("failing.jar"), "p.failing", "failing",
                "throw new IllegalStateException(\"no licence\");");

        Run methods = MainTest.run("--plugins", plugins.toString(), "methods");

        assertEquals(0, methods.exitCode(), methods.err());
        assertTrue(methods.out().contains("nuts - ") && methods.out().contains("gibbs - "), methods.out());
        assertFalse(methods.out().contains("failing"), methods.out());
        List<String> errors = methods.err().lines().toList();
        assertEquals(2, errors.size(), methods.err());
        assertTrue(errors.get(0).startsWith("muster: plugin " + plugins.resolve("corrupt.jar") + " not loaded: "), errors.get(0));
        assertTrue(errors.get(1).startsWith("muster: plugin " + plugins.resolve("failing.jar") + " not loaded: ")
                && errors.get(1).contains("no licence"), errors.get(1));

        Run fit = MainTest.run("--plugins", plugins.toString(), "fit", "eight-schools", "--method", "mh", "--chains", "1",
                "--warmup", "100", "--draws", "100", "--seed", "2");
        assertEquals(0, fit.exitCode(), fit.err());
    }

    @Test
    void anIdClaimedTwiceIsAWarningNamingBothJarsAndTheFirstClaimWins() throws IOException {
        Path plugins = plugins();
        PluginFixtures.methodJar(plugins.resolve("a-impostor.jar"), "p.impostor", "nuts", "");
        PluginFixtures.methodJar(plugins.resolve("b-echo.jar"), "p.first", "echo", "");
        PluginFixtures.methodJar(plugins.resolve("c-echo.jar"), "p.second", "echo", "");

        Run methods = MainTest.run("methods", "--plugins", plugins.toString());

        assertEquals(0, methods.exitCode(), methods.err());
        List<String> errors = methods.err().lines().toList();
        assertEquals(2, errors.size(), methods.err());
        String nuts = errors.stream().filter(line -> line.contains("'nuts'")).findFirst().orElseThrow();
        assertTrue(nuts.startsWith("muster: two inference methods claim the id 'nuts': "
                + "org.muster.samplers.internal.hmc.NutsProvider ("), nuts);
        assertTrue(nuts.contains("samplers"), nuts);
        assertTrue(nuts.contains("p.impostor.Method (" + plugins.resolve("a-impostor.jar") + ")"), nuts);
        assertTrue(nuts.endsWith("ignoring " + plugins.resolve("a-impostor.jar")), nuts);
        assertTrue(methods.out().contains("nuts - No-U-Turn"), methods.out());
        assertFalse(methods.out().contains("test plugin method nuts"), methods.out());

        String echo = errors.stream().filter(line -> line.contains("'echo'")).findFirst().orElseThrow();
        assertEquals("muster: two inference methods claim the id 'echo': p.first.Method (" + plugins.resolve("b-echo.jar")
                + ") and p.second.Method (" + plugins.resolve("c-echo.jar") + "); using the first, ignoring "
                + plugins.resolve("c-echo.jar"), echo);
    }

    @Test
    void aPluginsDirectoryThatDoesNotExistIsAUsageError() {
        Path absent = dir.resolve("absent");
        Run run = MainTest.run("--plugins", absent.toString(), "methods");
        assertEquals(2, run.exitCode());
        assertEquals("muster: --plugins " + absent + ": expected a directory of plugin jars, but there is no such directory",
                run.err().strip());
        assertEquals("", run.out());
    }

    @Test
    void theDirectoryIsTheLastPluginsOptionBeforeADoubleDash() {
        assertEquals(Path.of("plugins"), Main.pluginsDirectory(new String[] {"methods"}));
        assertEquals(dir, Main.pluginsDirectory(new String[] {"fit", "x", "--plugins=" + dir}));
        assertEquals(dir, Main.pluginsDirectory(new String[] {"--plugins", dir.resolve("absent").toString(), "methods",
                "--plugins", dir.toString()}));
        assertEquals(Path.of("plugins"), Main.pluginsDirectory(new String[] {"fit", "--", "--plugins", dir.toString()}));
    }
}
