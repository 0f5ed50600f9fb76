package org.muster.app.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.muster.app.internal.cli.MainTest.Run;
import org.muster.app.internal.plugins.SlicePlugin;

/** The slice sampler plugin (a sampler on the chain SPI, see {@link SlicePlugin}) loaded from {@code --plugins DIR}. */
class SlicePluginCommandLineTest {

    @TempDir
    Path dir;

    @Test
    void isListedAndFitsFromThePluginsDirectory() throws IOException {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        SlicePlugin.jar(plugins.resolve("slice.jar"));

        Run methods = MainTest.run("--plugins", plugins.toString(), "methods");
        assertEquals(0, methods.exitCode(), methods.err());
        assertTrue(methods.out().contains("slice - Coordinate-wise slice sampling"), methods.out());

        Path output = dir.resolve("out");
        Run fit = MainTest.run("fit", "eight-schools", "--method", "slice", "--method-param", "width=1.5",
                "--chains", "2", "--warmup", "200", "--draws", "300", "--seed", "5", "--plugins", plugins.toString(),
                "--output", output.toString());
        assertEquals(0, fit.exitCode(), fit.err());
        assertTrue(fit.out().lines().anyMatch(line -> line.startsWith("mu ")), fit.out());
        assertTrue(Files.exists(output.resolve("draws_1.csv")) && Files.exists(output.resolve("draws_2.csv")));
        List<String> summary = Files.readAllLines(output.resolve("summary.csv"));
        assertTrue(summary.stream().anyMatch(line -> line.startsWith("tau,")), summary.toString());

        Run badWidth = MainTest.run("fit", "eight-schools", "--method", "slice", "--method-param", "width=0",
                "--plugins", plugins.toString());
        assertEquals(2, badWidth.exitCode(), badWidth.err());
        assertTrue(badWidth.err().contains("width=0") && badWidth.err().contains("slice"), badWidth.err());
    }
}
