package org.muster.diagnostics.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.muster.core.api.ChainReport;
import org.muster.core.api.Draws;
import org.muster.core.api.PosteriorDraws;

class StanCsvWriterTest {

    @TempDir
    Path dir;

    static final StanCsvHeader HEADER = new StanCsvHeader("eight-schools", Optional.of("eight-schools"), 7, 100);

    /** Two chains of three draws from a NUTS-like sampler, with adaptation and timings. */
    static PosteriorDraws smallFit() {
        Draws draws = Draws.of(List.of("mu", "theta[1]", "theta[2]"), new double[][][] {
            {{1.5, 2.25, -0.125}, {0.1, 0.2, 0.30000000000000004}, {-3, 4, 1e-20}},
            {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}}});
        Draws statistics = Draws.of(SamplerChecksTest.NUTS, new double[][][] {
            {{-1.5, -2, -3}, {0.9, 0.75, 1}, {0.25, 0.25, 0.25}, {2, 3, 2}, {3, 7, 3}, {0, 1, 0}, {2.5, 3.5, 4}},
            {{-1, -1, -1}, {1, 1, 1}, {0.3, 0.3, 0.3}, {1, 1, 1}, {1, 1, 1}, {0, 0, 0}, {1, 2, 3}}});
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("algorithm", "hmc");
        settings.put("engine", "nuts");
        settings.put("max_depth", "10");
        settings.put("metric", "diag_e");
        settings.put("delta", "0.8");
        List<ChainReport> chains = List.of(
                new ChainReport(1, 0.5, 0.25, 42, Optional.of(new ChainReport.Adaptation(0.25, false,
                        new double[][] {{1.5, 2, 0.5}}))),
                new ChainReport(2, 0.5, 0.25, 42, Optional.of(new ChainReport.Adaptation(0.3, false,
                        new double[][] {{1, 1, 1}}))));
        return new PosteriorDraws("nuts", draws, statistics, chains, false, settings);
    }

    @Test
    void writingDrawByDrawGivesTheSameFileAndEveryPrefixReadsBack() throws IOException {
        PosteriorDraws fit = smallFit();
        org.muster.core.spi.SamplingStart run = new org.muster.core.spi.SamplingStart(fit.methodId(), fit.settings(),
                fit.draws().variables(), fit.samplerStatistics().variables(), 2, HEADER.warmup(), 3);
        for (int chain = 0; chain < 2; chain++) {
            StringWriter whole = new StringWriter();
            new StanCsvWriter(HEADER).write(whole, fit, chain);
            StringWriter out = new StringWriter();
            StanCsvWriter.ChainWriter writer = new StanCsvWriter(HEADER).open(out, chain, run);
            writer.begin(fit.chains().get(chain).adaptation());
            for (int i = 0; i < 3; i++) {
                double[] statistics = new double[fit.samplerStatistics().variables().size()];
                for (int s = 0; s < statistics.length; s++) {
                    statistics[s] = fit.samplerStatistics().value(chain, s, i);
                }
                double[] values = new double[fit.draws().variables().size()];
                for (int v = 0; v < values.length; v++) {
                    values[v] = fit.draws().value(chain, v, i);
                }
                writer.draw(statistics, values);
                if (i >= 1) {
                    // a run killed here leaves this much: a valid file with the draws so far
                    Path cut = dir.resolve("cut_" + chain + "_" + i + ".csv");
                    Files.writeString(cut, out.toString());
                    StanCsvFile read = StanCsv.read(cut);
                    assertEquals(i + 1, read.drawCount());
                    assertEquals(fit.draws().value(chain, 1, i), read.draws()[read.columns().indexOf("theta[1]")][i]);
                }
            }
            writer.end(fit.chains().get(chain));
            assertEquals(whole.toString(), out.toString());
        }
    }

    @Test
    void writesCmdStansLayout() throws IOException {
        StringWriter out = new StringWriter();
        new StanCsvWriter(HEADER).write(out, smallFit(), 0);
        String expected = """
                # model = eight-schools
                # method = sample (Default)
                #   sample
                #     num_samples = 3
                #     num_warmup = 100
                #     save_warmup = 0
                #     thin = 1
                #     adapt
                #       engaged = 1
                #       delta = 0.8
                #     algorithm = hmc
                #       hmc
                #         engine = nuts
                #           nuts
                #             max_depth = 10
                #         metric = diag_e
                #     num_chains = 1
                # id = 1
                # data
                #   file = eight-schools
                # random
                #   seed = 7
                # output
                #   file = draws_1.csv
                # muster
                #   method_id = nuts
                lp__,accept_stat__,stepsize__,treedepth__,n_leapfrog__,divergent__,energy__,mu,theta.1,theta.2
                # Adaptation terminated
                # Step size = 0.25
                # Diagonal elements of inverse mass matrix:
                # 1.5, 2, 0.5
                -1.5,0.9,0.25,2,3,0,2.5,1.5,0.1,-3
                -2,0.75,0.25,3,7,1,3.5,2.25,0.2,4
                -3,1,0.25,2,3,0,4,-0.125,0.30000000000000004,1.0E-20
                #\s
                #  Elapsed Time: 0.5 seconds (Warm-up)
                #                0.25 seconds (Sampling)
                #                0.75 seconds (Total)
                #\s
                """;
        assertEquals(expected, out.toString());
    }

    @Test
    void aDenseMetricIsWrittenRowByRow() throws IOException {
        PosteriorDraws small = smallFit();
        PosteriorDraws dense = new PosteriorDraws("nuts", small.draws(), small.samplerStatistics(), List.of(
                new ChainReport(1, 1, 1, 1, Optional.of(new ChainReport.Adaptation(0.5, true,
                        new double[][] {{2, 0.5, 0}, {0.5, 1, 0}, {0, 0, 3}})))), false, Map.of());
        StringWriter out = new StringWriter();
        new StanCsvWriter(HEADER).write(out, dense, 0);
        assertTrue(out.toString().contains("#         metric = dense_e\n"), out.toString());
        assertTrue(out.toString().contains("# Elements of inverse mass matrix:\n# 2, 0.5, 0\n# 0.5, 1, 0\n# 0, 0, 3\n"),
                out.toString());
    }

    @Test
    void whatIsWrittenReadsBackToTheSameNumbersAndSummary() throws IOException {
        // a larger fit with values that need all 17 digits
        SplittableRandom random = new SplittableRandom(3);
        List<String> names = List.of("mu", "tau", "theta[1]", "theta[2]", "L[2,1]");
        double[][][] values = new double[3][names.size()][400];
        double[][][] stats = new double[3][7][400];
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < 400; i++) {
                for (int v = 0; v < names.size(); v++) {
                    values[c][v][i] = random.nextGaussian() * Math.exp(v) + v;
                }
                stats[c][0][i] = -random.nextDouble() * 10;
                stats[c][1][i] = random.nextDouble();
                stats[c][2][i] = 0.1 * (c + 1);
                stats[c][3][i] = 1 + random.nextInt(10);
                stats[c][4][i] = Math.pow(2, stats[c][3][i]) - 1;
                stats[c][5][i] = random.nextInt(50) == 0 ? 1 : 0;
                stats[c][6][i] = random.nextDouble() * 20;
            }
        }
        Map<String, String> settings = Map.of("algorithm", "hmc", "engine", "nuts", "max_depth", "10", "metric", "diag_e");
        List<ChainReport> reports = List.of(new ChainReport(1, 1.25, 2.5, 10, Optional.empty()),
                new ChainReport(2, 1.5, 2.75, 10, Optional.empty()), new ChainReport(3, 1.75, 3, 10, Optional.empty()));
        PosteriorDraws fit = new PosteriorDraws("nuts", Draws.of(names, values),
                Draws.of(SamplerChecksTest.NUTS, stats), reports, false, settings);

        List<Path> files = new StanCsvWriter(HEADER).writeAll(dir.resolve("out"), fit);
        assertEquals(List.of("draws_1.csv", "draws_2.csv", "draws_3.csv"),
                files.stream().map(f -> f.getFileName().toString()).toList());
        PosteriorDraws read = StanCsv.read(files);
        assertEquals(names, read.draws().variables());
        assertEquals("nuts", read.methodId());
        for (int c = 0; c < 3; c++) {
            for (int v = 0; v < names.size(); v++) {
                assertArrayEquals(fit.draws().chain(c, v), read.draws().chain(c, v));
            }
            for (int s = 0; s < 7; s++) {
                assertArrayEquals(fit.samplerStatistics().chain(c, s), read.samplerStatistics().chain(c, s));
            }
            assertEquals(reports.get(c).warmupSeconds(), read.chains().get(c).warmupSeconds());
            assertEquals(reports.get(c).samplingSeconds(), read.chains().get(c).samplingSeconds());
        }
        assertEquals(Summaries.summarize(fit), Summaries.summarize(read));
        assertEquals("10", read.settings().get("max_depth"));
        assertTrue(Files.readString(files.get(0)).contains("\nlp__,accept_stat__,stepsize__,treedepth__,n_leapfrog__,"
                + "divergent__,energy__,mu,tau,theta.1,theta.2,L.2.1\n"));
    }

    @Test
    void labelsWithCommasColonsAndQuotesGetCmdStanColumnsAndTheirNamesBack() throws IOException {
        List<String> names = List.of("b_floor:log_uppm", "r_county[1,Intercept]", "r_county[2,floor:x]", "q\"[a,b]",
                "theta[1]");
        double[][][] values = new double[2][names.size()][5];
        SplittableRandom random = new SplittableRandom(5);
        for (double[][] chain : values) {
            for (double[] variable : chain) {
                for (int i = 0; i < variable.length; i++) {
                    variable[i] = random.nextGaussian();
                }
            }
        }
        PosteriorDraws fit = new PosteriorDraws("nuts", Draws.of(names, values), Draws.of(SamplerChecksTest.NUTS, new double[2][7][5]),
                List.of(new ChainReport(1, 1, 1, 10, Optional.empty()), new ChainReport(2, 1, 1, 10, Optional.empty())),
                false, Map.of());
        List<Path> files = new StanCsvWriter(HEADER).writeAll(dir.resolve("labels"), fit);
        String text = Files.readString(files.get(0));
        assertTrue(text.contains("\n# muster\n#   method_id = nuts\n#   variable_names\n"
                + "#     b_floor_log_uppm = b_floor:log_uppm\n#     r_county.1.1 = r_county[1,Intercept]\n"
                + "#     r_county.2.2 = r_county[2,floor:x]\n#     q__a_b_ = q\"[a,b]\n"
                + "lp__,accept_stat__,stepsize__,treedepth__,n_leapfrog__,divergent__,energy__,"
                + "b_floor_log_uppm,r_county.1.1,r_county.2.2,q__a_b_,theta.1\n"), text);
        PosteriorDraws read = StanCsv.read(files);
        assertEquals(names, read.draws().variables());
        for (int c = 0; c < 2; c++) {
            for (int v = 0; v < names.size(); v++) {
                assertArrayEquals(fit.draws().chain(c, v), read.draws().chain(c, v));
            }
        }
    }

    /** One "chain" of four draws from a mean-field approximation, as ADVI gives them. */
    static PosteriorDraws variationalFit() {
        Draws draws = Draws.of(List.of("mu", "r[1,a]", "r[1,b]"), new double[][][] {
            {{1.5, 2.25, -0.125, 1}, {0.1, 0.2, 0.3, 0.4}, {-3, 4, 1e-20, 2}}});
        Draws statistics = Draws.of(List.of("lp__", "log_p__", "log_g__"), new double[][][] {
            {{0, 0, 0, 0}, {-4.5, -5, -6, -4}, {-1.25, -2, -1.5, -1}}});
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("algorithm", "variational");
        settings.put("engine", "meanfield");
        settings.put("iter", "10000");
        settings.put("grad_samples", "1");
        settings.put("elbo_samples", "100");
        settings.put("eta", "0.1");
        settings.put("adapt_engaged", "1");
        settings.put("adapt_iter", "50");
        settings.put("tol_rel_obj", "0.01");
        settings.put("eval_elbo", "100");
        settings.put("output_samples", "4");
        return new PosteriorDraws("advi", draws, statistics, List.of(), false, settings);
    }

    @Test
    void variationalDrawsAreWrittenInCmdStansVariationalLayoutWithTheMeanFirst() throws IOException {
        PosteriorDraws fit = variationalFit();
        StringWriter out = new StringWriter();
        new StanCsvWriter(HEADER).writeVariational(out, fit, new double[] {1.25, 0.5, 0.75});
        String expected = """
                # model = eight-schools
                # method = variational
                #   variational
                #     algorithm = meanfield
                #       meanfield
                #     iter = 10000
                #     grad_samples = 1
                #     elbo_samples = 100
                #     eta = 0.1
                #     adapt
                #       engaged = 1
                #       iter = 50
                #     tol_rel_obj = 0.01
                #     eval_elbo = 100
                #     output_samples = 4
                # id = 1
                # data
                #   file = eight-schools
                # random
                #   seed = 7
                # output
                #   file = draws_1.csv
                # muster
                #   method_id = advi
                #   variable_names
                #     r.1.1 = r[1,a]
                #     r.1.2 = r[1,b]
                lp__,log_p__,log_g__,mu,r.1.1,r.1.2
                # Stepsize adaptation complete.
                # eta = 0.1
                0,0,0,1.25,0.5,0.75
                0,-4.5,-1.25,1.5,0.1,-3
                0,-5,-2,2.25,0.2,4
                0,-6,-1.5,-0.125,0.3,1.0E-20
                0,-4,-1,1,0.4,2
                """;
        assertEquals(expected, out.toString());
    }

    @Test
    void variationalFilesReadBackWithoutTheMeanRow() throws IOException {
        PosteriorDraws fit = variationalFit();
        assertTrue(StanCsvWriter.isVariational(fit));
        List<Path> files = new StanCsvWriter(HEADER).writeVariational(dir.resolve("advi"), fit, new double[] {1, 2, 3});
        PosteriorDraws read = StanCsv.read(files);
        assertEquals("advi", read.methodId());
        assertEquals(List.of("mu", "r[1,a]", "r[1,b]"), read.draws().variables());
        assertEquals(4, read.draws().iterations());
        for (int v = 0; v < 3; v++) {
            assertArrayEquals(fit.draws().chain(0, v), read.draws().chain(0, v));
        }
        // without the approximation's mean, writeAll writes the draws' means in its place
        List<Path> fallback = new StanCsvWriter(HEADER).writeAll(dir.resolve("all"), fit);
        assertTrue(Files.readString(fallback.get(0)).contains("# eta = 0.1\n0,0,0,1.15625,0.25,0.75\n"),
                Files.readString(fallback.get(0)));
    }
}
