package org.muster.app.internal.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.muster.core.spi.InferenceMethodProvider;
import org.muster.models.spi.ModelFamily;

/** Runs on the class path (as surefire runs the tests), so it checks the class-loader way of loading. */
class PluginLoaderTest {

    private static final String METHOD = "org.muster.core.spi.InferenceMethodProvider";
    private static final String FAMILY = "org.muster.models.spi.ModelFamily";

    @TempDir
    Path dir;

    @Test
    void aMissingDirectoryMeansNoPlugins() {
        Plugins plugins = PluginLoader.load(dir.resolve("absent"));
        assertTrue(plugins.methods().isEmpty() && plugins.families().isEmpty() && plugins.problems().isEmpty());
    }

    @Test
    void aFileInsteadOfADirectoryIsAnError() throws IOException {
        Path file = Files.writeString(dir.resolve("plugins"), "");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PluginLoader.load(file));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("not a directory"), e.getMessage());
    }

    @Test
    void loadsTheMethodsAndFamiliesOfAJarAndTellsWhereTheyCameFrom() {
        Path plugins = dir.resolve("plugins");
        Path jar = PluginFixtures.jar(mkdirs(plugins).resolve("both.jar"),
                Map.of("p.both.Method", PluginFixtures.method("p.both", "echo", ""),
                        "p.both.Family", PluginFixtures.family("p.both", "tiny")),
                Map.of(METHOD, List.of("p.both.Method"), FAMILY, List.of("p.both.Family")), Set.of());

        Plugins loaded = PluginLoader.load(plugins);

        assertEquals(List.of(), loaded.problems());
        assertEquals(List.of("echo"), loaded.methods().stream().map(InferenceMethodProvider::id).toList());
        assertEquals(List.of("tiny"), loaded.families().stream().map(ModelFamily::id).toList());
        Object method = loaded.methods().get(0);
        assertTrue(loaded.isPlugin(method));
        assertEquals(jar.toString(), loaded.origin(method));
        assertEquals(loaded.origin(method), loaded.origin(loaded.families().get(0)));
        // The application's own providers, visible through the jar's parent loader, are not the plugin's.
        InferenceMethodProvider builtIn = java.util.ServiceLoader.load(InferenceMethodProvider.class).findFirst().orElseThrow();
        assertFalse(loaded.isPlugin(builtIn));
        assertFalse(loaded.origin(builtIn).contains(plugins.toString()), loaded.origin(builtIn));
    }

    @Test
    void eachBrokenJarIsReportedByNameWithItsReasonAndTheOthersStillLoad() {
        Path plugins = mkdirs(dir.resolve("plugins"));
        PluginFixtures.brokenJar(plugins.resolve("a-corrupt.jar"));
        PluginFixtures.methodJar(plugins.resolve("b-throws.jar"), "p.throwing", "throwing",
                "throw new IllegalStateException(\"licence file missing\");");
        PluginFixtures.jar(plugins.resolve("c-missing-dependency.jar"),
                Map.of("p.needs.Method", PluginFixtures.method("p.needs", "needs", "new p.needs.Library();"),
                        "p.needs.Library", "package p.needs; public class Library {}"),
                Map.of(METHOD, List.of("p.needs.Method")), Set.of("p.needs.Library"));
        PluginFixtures.jar(plugins.resolve("d-unknown-class.jar"), Map.of("p.other.Unrelated", "package p.other; class Unrelated {}"),
                Map.of(METHOD, List.of("p.other.NotThere")), Set.of());
        PluginFixtures.jar(plugins.resolve("e-provides-nothing.jar"), Map.of("p.lib.Util", "package p.lib; class Util {}"),
                Map.of(), Set.of());
        PluginFixtures.methodJar(plugins.resolve("z-good.jar"), "p.good", "good", "");

        Plugins loaded = PluginLoader.load(plugins);

        assertEquals(List.of("good"), loaded.methods().stream().map(InferenceMethodProvider::id).toList());
        List<String> problems = loaded.problems();
        assertEquals(5, problems.size(), problems.toString());
        assertProblem(problems.get(0), plugins.resolve("a-corrupt.jar"), "cannot read it as a jar");
        assertProblem(problems.get(1), plugins.resolve("b-throws.jar"), "licence file missing");
        assertProblem(problems.get(2), plugins.resolve("c-missing-dependency.jar"), "p/needs/Library");
        assertProblem(problems.get(3), plugins.resolve("d-unknown-class.jar"), "p.other.NotThere");
        assertProblem(problems.get(4), plugins.resolve("e-provides-nothing.jar"), "provides no");
        for (String problem : problems) {
            assertFalse(problem.contains("\n"), problem);
        }
    }

    private static void assertProblem(String problem, Path jar, String reason) {
        assertTrue(problem.startsWith("plugin " + jar + " not loaded: "), problem);
        assertTrue(problem.contains(reason), problem);
    }

    private static Path mkdirs(Path directory) {
        try {
            return Files.createDirectories(directory);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
