package org.muster.app.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report as a browser shows it: Chromium renders {@code report.html} of an eight-schools fit to a PNG,
 * which must not be blank. Skipped where {@code /usr/bin/chromium} is not installed.
 */
class ReportRenderTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @TempDir
    Path dir;

    @Test
    void chromiumDrawsTheReportWithPlotsInTheChainColours() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "no " + CHROMIUM + ": the rendering check needs Chromium");
        ReportInput input = ReportFits.fit("eight-schools", 4, 300, 1000, 21);
        Path report = new ReportWriter().write(dir, input);
        Path png = dir.resolve("report.png");
        render(report, png);
        PngCheck check = PngCheck.of(png);
        assertEquals(1200, check.width());
        assertTrue(check.problems().isEmpty(), check.problems() + " in " + check);
    }

    /** Headless Chromium, offline and without a profile, screenshots the page into {@code png}. */
    static void render(Path html, Path png) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(png.getParent(), "chromium-profile");
        List<String> command = List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--screenshot=" + png, "--window-size=1200,3000",
                html.toUri().toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(png.resolveSibling("chromium.log").toFile()).start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("Chromium did not finish in 180 s");
        }
        assertTrue(Files.size(png) > 0, "Chromium wrote no screenshot: " + Files.readString(
                png.resolveSibling("chromium.log")));
    }
}
