package org.muster.app.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.muster.core.api.ChainReport;
import org.muster.core.api.Draws;
import org.muster.core.api.PosteriorDraws;
import org.muster.diagnostics.api.PosteriorSummary;
import org.muster.diagnostics.api.Summaries;

class SummaryJsonWriterTest {

    @TempDir
    Path dir;

    @Test
    void undefinedNumbersAreNullAndWarningsCarryTheirAdvice() throws IOException {
        double[][][] values = {{{1, 1, 1, 1, 1, 1}, {1, 2, 3, 4, 5, 7}}, {{1, 1, 1, 1, 1, 1}, {2, 3, 1, 5, 4, 6}}};
        Draws draws = Draws.of(List.of("constant", "x"), values);
        PosteriorDraws fit = new PosteriorDraws("test", draws, Draws.of(List.of(), new double[2][0][]),
                List.of(new ChainReport(1, 0.5, 1.5, 3), new ChainReport(2, 0.25, 1, 3)), false);
        PosteriorSummary summary = Summaries.summarize(fit);
        Path file = new SummaryJsonWriter().write(dir, "test", summary, fit.chains());
        JsonNode json = new ObjectMapper().readTree(file.toFile());
        assertEquals("test", json.get("method").asText());
        JsonNode constant = json.get("variables").get(0);
        assertEquals(1.0, constant.get("mean").asDouble());
        assertTrue(constant.get("rhat").isNull() && constant.get("ess_bulk").isNull(), constant.toString());
        assertTrue(json.get("sampler").isNull());
        assertEquals(2.0, json.get("timing").get(0).get("total_seconds").asDouble());
        // the constant's diagnostics are null but it is no cause for a warning; x's R-hat is
        JsonNode warning = json.get("warnings").get(0);
        assertEquals("rhat", warning.get("kind").asText());
        assertEquals("x", warning.get("variables").get(0).asText());
        assertTrue(warning.get("advice").asText().contains("run longer"), warning.toString());
        for (JsonNode each : json.get("warnings")) {
            each.get("variables").forEach(v -> assertTrue(!v.asText().equals("constant"), each.toString()));
        }
        assertTrue(Files.readString(file).contains("\"rhat\" : null"));
    }

    @Test
    void conditionalMeansAreReportedNextToThePlainMean() throws IOException {
        double[][][] values = {{{1, 2, 3, 4, 5, 7}, {0.5, 0.1, 0.3, 0.2, 0.6, 0.4}}, {{2, 3, 1, 5, 4, 6}, {0.3, 0.2, 0.5, 0.1, 0.4, 0.6}}};
        Draws draws = Draws.of(List.of("tau", "theta[1]"), values);
        double[][][] means = {{{0.4, 0.3, 0.35, 0.3, 0.45, 0.4}}, {{0.35, 0.3, 0.4, 0.3, 0.4, 0.45}}};
        Draws conditional = Draws.of(List.of("theta[1]"), means);
        PosteriorDraws fit = new PosteriorDraws("collapsed", draws, Draws.of(List.of(), new double[2][0][]),
                List.of(new ChainReport(1, 0.5, 1.5, 3), new ChainReport(2, 0.25, 1, 3)), false, java.util.Map.of(),
                Optional.of(conditional));
        PosteriorSummary summary = Summaries.summarize(fit);
        Path file = new SummaryJsonWriter().write(dir, "collapsed", summary, fit.chains(), Optional.empty(),
                fit.conditionalMeans());
        JsonNode json = new ObjectMapper().readTree(file.toFile());
        JsonNode tau = json.get("variables").get(0);
        JsonNode theta = json.get("variables").get(1);
        assertTrue(!tau.has("mean_rao_blackwell"), tau.toString());
        assertEquals(java.util.Arrays.stream(conditional.pooled(0)).average().orElseThrow(),
                theta.get("mean_rao_blackwell").asDouble(), 1e-15);
        assertEquals(org.muster.diagnostics.api.MonteCarloError.mean(conditional.variable(0)),
                theta.get("mcse_mean_rao_blackwell").asDouble(), 1e-15);
        assertEquals(0.35, theta.get("mean").asDouble(), 1e-12);
    }
}
