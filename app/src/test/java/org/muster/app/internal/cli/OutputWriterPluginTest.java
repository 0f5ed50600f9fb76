package org.muster.app.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.muster.app.internal.plugins.PluginFixtures;

/**
 * A plugin adds an output format through {@link org.muster.app.api.OutputWriter}: a class of its own package,
 * using the public API only, found in its jar under {@code --plugins DIR}, writes its file beside Muster's.
 */
class OutputWriterPluginTest {

    /** Writes means.csv: each variable's posterior mean, for fits with draws. */
    private static final String MEANS_WRITER = """
            package org.example.formats;
            import java.nio.file.*;
            import java.util.*;
            import org.muster.app.api.*;
            public final class MeansWriter implements OutputWriter {
              public List<Path> write(Path directory, Outcome outcome) throws java.io.IOException {
                if (!(outcome instanceof FitOutcome fit) || !fit.hasDraws()) {
                  return List.of();
                }
                StringBuilder text = new StringBuilder("variable,mean\\n");
                for (var row : fit.summary().rows()) {
                  text.append(row.variable()).append(',').append(row.mean()).append('\\n');
                }
                return List.of(Files.writeString(directory.resolve("means.csv"), text));
              }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void aPluginsWriterWritesItsFormatBesideMusters() throws IOException {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        PluginFixtures.jar(plugins.resolve("means.jar"), Map.of("org.example.formats.MeansWriter", MEANS_WRITER),
                Map.of("org.muster.app.api.OutputWriter", List.of("org.example.formats.MeansWriter")), Set.of());
        Path output = dir.resolve("out");
        MainTest.Run run = MainTest.run("--plugins", plugins.toString(), "fit", "eight-schools", "--seed", "1",
                "--chains", "2", "--warmup", "100", "--draws", "100", "--quiet", "--output", output.toString());
        assertEquals(0, run.exitCode(), run.err());

        List<String> means = Files.readAllLines(output.resolve("means.csv"));
        List<String> summary = Files.readAllLines(output.resolve("summary.csv"));
        assertEquals(summary.size(), means.size());
        for (int i = 1; i < summary.size(); i++) {
            String[] cells = summary.get(i).split(",");
            assertEquals(cells[0] + "," + cells[1], means.get(i), "the plugin's means are the summary's");
        }
        List<String> wrote = run.out().lines().filter(l -> l.startsWith("wrote ")).toList();
        assertTrue(wrote.contains("wrote " + output.resolve("means.csv")), run.out());
        assertEquals("wrote " + output.resolve("run.json"), wrote.get(wrote.size() - 1), "run.json comes last");
    }
}
