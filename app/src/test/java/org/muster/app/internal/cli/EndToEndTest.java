package org.muster.app.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.muster.core.api.PosteriorDraws;
import org.muster.diagnostics.api.StanCsv;

/**
 * Every command on the built-in data, as a user runs them one after the other, checking that what they
 * write exists and parses: the Stan CSV through {@code muster diagnose}, the JSON files with Jackson,
 * the HTML report as XML with one trace, rank and density plot per hyperparameter.
 */
class EndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FIGURE = Pattern.compile("<figure class=\"plot[^\"]*\" data-parameter=\"([^\"]+)\" data-kind=\"([a-z]+)\"");

    @TempDir
    Path dir;

    @Test
    void everyCommandRunsOnTheBuiltInDataAndItsOutputParses() throws Exception {
        MainTest.Run models = MainTest.run("models");
        assertEquals(0, models.exitCode(), models.err());
        assertTrue(models.out().contains("eight-schools") && models.out().contains("beta-binomial"), models.out());
        MainTest.Run methods = MainTest.run("methods");
        assertEquals(0, methods.exitCode(), methods.err());
        for (String id : List.of("nuts", "hmc", "mh", "gibbs", "map", "eb", "map2", "em", "advi", "advi-fullrank")) {
            assertTrue(methods.out().contains(id), id + " in " + methods.out());
        }

        Path fit = dir.resolve("fit");
        MainTest.Run run = MainTest.run("fit", "eight-schools", "--seed", "1", "--warmup", "300", "--draws", "300",
                "--output", fit.toString());
        assertEquals(0, run.exitCode(), run.err());
        for (String file : List.of("summary.csv", "summary.json", "shrinkage.csv", "run.json", "muster.log", "report.html",
                "draws_1.csv", "draws_2.csv", "draws_3.csv", "draws_4.csv")) {
            assertTrue(Files.size(fit.resolve(file)) > 0, file);
        }
        JsonNode summary = JSON.readTree(fit.resolve("summary.json").toFile());
        assertEquals(300, summary.get("draws_per_chain").asInt());
        JsonNode record = JSON.readTree(fit.resolve("run.json").toFile());
        assertEquals(0, record.get("exit_status").asInt());
        List<Path> csv = List.of(fit.resolve("draws_1.csv"), fit.resolve("draws_2.csv"), fit.resolve("draws_3.csv"),
                fit.resolve("draws_4.csv"));
        PosteriorDraws read = StanCsv.read(csv);
        assertEquals(300, read.draws().iterations());
        assertEquals(4, read.draws().chains());

        Path diagnosed = dir.resolve("diagnose");
        List<String> diagnoseArgs = new ArrayList<>(List.of("diagnose", "--output", diagnosed.toString()));
        csv.forEach(p -> diagnoseArgs.add(p.toString()));
        MainTest.Run diagnose = MainTest.run(diagnoseArgs.toArray(String[]::new));
        assertEquals(0, diagnose.exitCode(), diagnose.err());
        assertTrue(diagnose.out().contains("tau"), diagnose.out());
        JSON.readTree(diagnosed.resolve("summary.json").toFile());

        // The report: well-formed, self-contained, and a trace, rank and density plot of each hyperparameter.
        String html = Files.readString(fit.resolve("report.html"));
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(fit.resolve("report.html").toFile());
        assertFalse(html.contains("src=\"http") || html.contains("href=\"http"), "no network resources");
        for (String hyperparameter : List.of("mu", "tau")) {
            for (String kind : List.of("trace", "rank", "density")) {
                assertEquals(1, count(html, hyperparameter, kind), hyperparameter + " " + kind);
            }
        }
        assertEquals(0, count(html, "theta[1]", "trace"), "units are in the shrinkage figure, not traced one by one");
        assertEquals(1, count(html, null, "shrinkage"));

        Path simulated = dir.resolve("simulate");
        MainTest.Run simulate = MainTest.run("simulate", "eight-schools", "--seed", "2", "--draws", "200", "--output",
                simulated.toString());
        assertEquals(0, simulate.exitCode(), simulate.err());
        assertEquals(1 + 200, Files.readAllLines(simulated.resolve("prior_predictive.csv")).size());

        Path ladder = dir.resolve("ladder");
        MainTest.Run climb = MainTest.run("ladder", "gamma-poisson", "--seed", "3", "--warmup", "300", "--draws", "300",
                "--output", ladder.toString());
        assertEquals(0, climb.exitCode(), climb.err());
        List<String> rungs = Files.readAllLines(ladder.resolve("ladder.csv"));
        assertEquals("variable,unit,no_pooling,complete_pooling,map,eb,map2,nuts,collapsed", rungs.get(0));
        assertTrue(rungs.size() > 60, "every unit of gamma-poisson: " + rungs.size());

        Path estimate = dir.resolve("eb");
        MainTest.Run eb = MainTest.run("fit", "beta-binomial", "--method", "eb", "--seed", "4", "--output",
                estimate.toString());
        assertEquals(0, eb.exitCode(), eb.err());
        assertEquals("eb", JSON.readTree(estimate.resolve("summary.json").toFile()).get("method").asText());
        JSON.readTree(estimate.resolve("run.json").toFile());
    }

    /** Figures of this kind for this parameter (any parameter when null). */
    private static int count(String html, String parameter, String kind) {
        Matcher m = FIGURE.matcher(html);
        int n = 0;
        while (m.find()) {
            if ((parameter == null || m.group(1).equals(parameter)) && m.group(2).equals(kind)) {
                n++;
            }
        }
        return n;
    }
}
