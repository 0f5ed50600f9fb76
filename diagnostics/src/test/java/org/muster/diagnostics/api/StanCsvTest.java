package org.muster.diagnostics.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.muster.core.api.ChainReport;
import org.muster.core.api.PosteriorDraws;

class StanCsvTest {

    @TempDir
    Path dir;

    /** A fixture written by hand in CmdStan 2.33's layout (see src/test/resources). */
    static Path fixture(String name) {
        try {
            return Path.of(StanCsvTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void readsCmdStansLayout() {
        StanCsvFile chain = StanCsv.read(fixture("cmdstan_chain_1.csv"));
        assertEquals("eight_schools_noncentered_model", chain.configuration().get("model"));
        assertEquals("10", chain.configuration().get("num_samples"));
        assertEquals("0", chain.configuration().get("save_warmup"));
        assertEquals("3", chain.configuration().get("max_depth"));
        assertEquals("0.90000000000000002", chain.configuration().get("delta"));
        assertEquals("diag_e", chain.configuration().get("metric"));
        assertEquals("4711", chain.configuration().get("seed"));
        assertEquals("eight_schools.json", chain.configuration().get("data_file"));
        assertEquals("output_1.csv", chain.configuration().get("output_file"));
        assertEquals("", chain.configuration().get("stancflags"));
        assertEquals(List.of("lp__", "accept_stat__", "stepsize__", "treedepth__", "n_leapfrog__", "divergent__",
                "energy__", "mu", "tau", "theta_tilde[1]", "theta_tilde[2]"), chain.columns());
        assertEquals(48, chain.headerLine());
        assertEquals(10, chain.drawCount());
        assertEquals(53, chain.drawLines()[0]);
        assertEquals(62, chain.drawLines()[9]);
        assertEquals(-2.69104, chain.draws()[0][0]);
        assertEquals(-0.764544, chain.draws()[10][0]);
        assertEquals(1.26384, chain.draws()[10][9]);
        ChainReport.Adaptation adaptation = chain.adaptation().orElseThrow();
        assertEquals(0.402453, adaptation.stepSize());
        assertFalse(adaptation.dense());
        assertArrayEquals(new double[][] {{9.61258, 0.853912, 0.932145, 1.01254}}, adaptation.inverseMetric());
        assertEquals(0.012, chain.warmupSeconds());
        assertEquals(0.009, chain.samplingSeconds());
    }

    @Test
    void combinesChainsIntoOneFitWithSamplerStatistics() {
        PosteriorDraws fit = StanCsv.read(List.of(fixture("cmdstan_chain_1.csv"), fixture("cmdstan_chain_2.csv")));
        assertEquals("nuts", fit.methodId());
        assertEquals(List.of("mu", "tau", "theta_tilde[1]", "theta_tilde[2]"), fit.draws().variables());
        assertEquals(2, fit.draws().chains());
        assertEquals(10, fit.draws().iterations());
        assertEquals(7, fit.samplerStatistics().variables().size());
        assertEquals(0.377105, fit.chains().get(1).adaptation().orElseThrow().stepSize());
        assertEquals(0.021, fit.chains().get(0).warmupSeconds() + fit.chains().get(0).samplingSeconds(), 1e-15);
        SamplerChecks checks = SamplerChecks.of(fit.samplerStatistics(), fit.settings());
        assertEquals(3, checks.maxTreeDepth());
        assertEquals(1, checks.divergences());
        assertEquals(1, checks.chains().get(0).divergences());
        // treedepth__ is 3 in rows 1, 3, 6, 7 and 8 of chain 1
        assertEquals(5, checks.chains().get(0).treeDepthSaturated());
        PosteriorSummary summary = Summaries.summarize(fit);
        double mu = 0;
        for (int c = 0; c < 2; c++) {
            for (double v : fit.draws().chain(c, 0)) {
                mu += v / 20;
            }
        }
        assertEquals(mu, summary.rows().get(0).mean(), 1e-14);
    }

    @Test
    void leavesOutSavedWarmupAndReadsADenseMetric() {
        StanCsvFile chain = StanCsv.read(fixture("cmdstan_saved_warmup_dense.csv"));
        assertEquals(10, chain.drawCount());
        assertEquals(66, chain.drawLines()[0]);
        assertEquals(-2.29323, chain.draws()[0][0]);
        ChainReport.Adaptation adaptation = chain.adaptation().orElseThrow();
        assertTrue(adaptation.dense());
        assertEquals(0.51, adaptation.stepSize());
        assertEquals(4, adaptation.inverseMetric().length);
        assertArrayEquals(new double[] {0, 0, -0.02, 1.01}, adaptation.inverseMetric()[3]);
    }

    @Test
    void namesConvertBetweenCmdStanAndMuster() {
        assertEquals("theta[1]", StanCsv.toMusterName("theta.1"));
        assertEquals("Sigma[2,10]", StanCsv.toMusterName("Sigma.2.10"));
        assertEquals("theta[1]", StanCsv.toMusterName("theta[1]"));
        assertEquals("lp__", StanCsv.toMusterName("lp__"));
        assertEquals("a.b", StanCsv.toMusterName("a.b"));
        assertEquals("theta.1", StanCsv.toStanName("theta[1]"));
        assertEquals("Sigma.2.10", StanCsv.toStanName("Sigma[2,10]"));
        assertEquals("mu", StanCsv.toStanName("mu"));
    }

    @Test
    void columnNamesAreOnesEveryCmdStanReaderTakes() {
        assertEquals(List.of("mu", "theta.1", "Sigma.2.10", "L_1.3"),
                StanCsv.columnNames(List.of("mu", "theta[1]", "Sigma[2,10]", "L_1[3]")));
        // labels are numbered per index in the order they come, every member of the variable alike
        assertEquals(List.of("r_county.1.1", "r_county.2.1", "r_county.1.2", "r_county.2.2", "b_x"),
                StanCsv.columnNames(List.of("r_county[1,Intercept]", "r_county[2,Intercept]", "r_county[1,floor]",
                        "r_county[2,floor]", "b_x")));
        assertEquals(List.of("r_g.1", "r_g.2", "r_g.3"), StanCsv.columnNames(List.of("r_g[AITKIN]", "r_g[ANOKA]",
                "r_g[0]")));
        // anything else becomes an identifier, kept apart from names already taken
        assertEquals(List.of("b_floor_log_uppm", "a_b", "a_b_2", "v_1x"),
                StanCsv.columnNames(List.of("b_floor:log_uppm", "a_b", "a b", "1x")));
    }

    /** The fixture's lines with one line replaced (1-based), written to a temporary file. */
    private Path edited(String name, int line, String replacement) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(fixture("cmdstan_chain_1.csv")));
        if (replacement == null) {
            lines.remove(line - 1);
        } else {
            lines.set(line - 1, replacement);
        }
        Path file = dir.resolve(name);
        Files.write(file, lines);
        return file;
    }

    private static String message(Path file) {
        return assertThrows(IllegalArgumentException.class, () -> StanCsv.read(file)).getMessage();
    }

    @Test
    void malformedFilesAreRejectedNamingFileAndLine() throws IOException {
        String ragged = message(edited("ragged.csv", 55, "-1.69423,0.640891,0.402453,3,7,0,3.4171,3.21186,2.96749"));
        assertTrue(ragged.contains("ragged.csv, line 55: 9 cells, but the header (line 48) has 11 columns"), ragged);
        String text = message(edited("text.csv", 56, "-2.48721,0.768847,0.402453,2,3,0,4.46165,4.13011,abc,-0.6,-0.5"));
        assertTrue(text.contains("text.csv, line 56, column 'tau': 'abc' is not a number"), text);
        String nan = message(edited("nan.csv", 57, "-1.06038,0.73828,0.402453,2,3,0,2.72991,-1.01927,1.17361,nan,-0.47"));
        assertTrue(nan.contains("nan.csv, line 57: theta_tilde[1] is NaN in draw 5"), nan);
        String infinite = message(edited("inf.csv", 57, "-1.06038,0.73828,0.402453,2,3,0,2.72991,inf,1.17361,1,-0.47"));
        assertTrue(infinite.contains("line 57: mu is Infinity in draw 5"), infinite);

        Path noHeader = dir.resolve("comments.csv");
        Files.writeString(noHeader, "# model = m\n# method = sample\n");
        assertTrue(message(noHeader).contains("comments.csv: no header row"), message(noHeader));
        Path noDraws = dir.resolve("nodraws.csv");
        Files.writeString(noDraws, "# model = m\nlp__,mu\n# Adaptation terminated\n");
        assertTrue(message(noDraws).contains("nodraws.csv, line 2: no draws after the header"), message(noDraws));
        Path oneDraw = dir.resolve("onedraw.csv");
        Files.writeString(oneDraw, "lp__,mu\n-1,0.5\n");
        assertTrue(message(oneDraw).contains("onedraw.csv, line 2: only one draw"), message(oneDraw));
        Path missing = dir.resolve("missing.csv");
        assertTrue(message(missing).contains("missing.csv: no such file"), message(missing));
    }

    @Test
    void chainsThatDoNotFitTogetherAreRejected() throws IOException {
        Path renamed = edited("renamed.csv", 48,
                "lp__,accept_stat__,stepsize__,treedepth__,n_leapfrog__,divergent__,energy__,mu,sigma,theta_tilde.1,theta_tilde.2");
        var columns = assertThrows(IllegalArgumentException.class,
                () -> StanCsv.read(List.of(fixture("cmdstan_chain_1.csv"), renamed)));
        assertTrue(columns.getMessage().contains("renamed.csv, line 48: columns differ from")
                && columns.getMessage().contains("missing [tau], extra [sigma]"), columns.getMessage());
        Path shorter = edited("shorter.csv", 62, null);
        var lengths = assertThrows(IllegalArgumentException.class,
                () -> StanCsv.read(List.of(fixture("cmdstan_chain_1.csv"), shorter)));
        assertTrue(lengths.getMessage().contains("chains of unequal length: ") && lengths.getMessage().contains(
                "shorter.csv has 9 draws"), lengths.getMessage());
        assertThrows(IllegalArgumentException.class, () -> StanCsv.read(List.<Path>of()));
    }
}
