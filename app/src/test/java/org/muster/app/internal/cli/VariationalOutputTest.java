package org.muster.app.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A variational fit's verdict (the Pareto k-hat) is in summary.json, run.json and the report, not only on
 * the terminal, and its report speaks of the approximation, not of chains, R-hat and ESS.
 */
class VariationalOutputTest {

    @TempDir
    Path dir;

    @Test
    void theParetoVerdictIsInEveryFileAndTheReportHasNoChainLanguage() throws IOException {
        Path output = dir.resolve("advi");
        MainTest.Run run = MainTest.run("fit", "eight-schools", "--method", "advi", "--seed", "2", "--draws", "500",
                "--quiet", "--output", output.toString());
        assertEquals(0, run.exitCode(), run.err());
        ObjectMapper json = new ObjectMapper();
        JsonNode summary = json.readTree(output.resolve("summary.json").toFile()).get("variational");
        JsonNode record = json.readTree(output.resolve("run.json").toFile()).get("variational");
        String reading = summary.get("pareto_k_reading").asText();
        assertTrue(run.out().contains("(" + reading + ")"), "the terminal's verdict: " + run.out());
        assertEquals(reading, record.get("pareto_k_reading").asText());
        assertEquals(summary.get("pareto_k").asDouble(), record.get("pareto_k").asDouble(), 0);
        assertTrue(summary.get("psis_means").has("mu"), summary.toString());

        String report = Files.readString(output.resolve("report.html"));
        assertTrue(report.contains("data-pareto-k=\"" + reading + "\""), "the report's verdict");
        assertTrue(report.contains("independent draws from the approximation"), "what the draws are");
        assertFalse(report.contains("R-hat"), "no R-hat in a variational report");
        assertFalse(report.contains("ESS bulk"), "no ESS in a variational report");
        assertFalse(report.contains("data-kind=\"trace\"") || report.contains("data-kind=\"rank\""),
                "no per-chain plots");
        assertTrue(report.contains("data-kind=\"density\""), "the densities stay");
    }
}
