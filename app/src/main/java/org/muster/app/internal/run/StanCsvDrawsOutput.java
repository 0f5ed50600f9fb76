package org.muster.app.internal.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.muster.app.api.FitOutcome;
import org.muster.app.api.FitRequest;
import org.muster.app.api.Outcome;
import org.muster.app.api.OutputWriter;
import org.muster.app.api.PreparedFit;
import org.muster.app.api.StreamingOutput;
import org.muster.core.api.ChainReport;
import org.muster.core.spi.SamplingStart;
import org.muster.diagnostics.api.StanCsvHeader;
import org.muster.diagnostics.api.StanCsvWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The draws as Stan CSV, {@code draws_1.csv} .. {@code draws_N.csv} (CmdStan's layout): streamed while
 * the chains run ({@link StreamingStanCsvWriter}), and written again from the fit when the streamed
 * files are not final (a cancelled run's chains are cut to equal length, predictive draws are added after
 * the fit, a variational fit streams nothing). A chain a cancelled run left out is removed, since its
 * draws are not in the summary.
 */
public final class StanCsvDrawsOutput implements OutputWriter {

    private static final Logger LOG = LoggerFactory.getLogger(StanCsvDrawsOutput.class);

    /** The streams of the runs under way, by output folder. */
    private final Map<Path, StreamingStanCsvWriter> streaming = new ConcurrentHashMap<>();

    @Override
    public Optional<StreamingOutput> stream(Path directory, PreparedFit fit) {
        Path key = key(directory);
        StreamingStanCsvWriter writer = new StreamingStanCsvWriter(directory,
                new StanCsvWriter(header(fit.request(), fit.model().name(), fit.model().datasetSource())));
        streaming.put(key, writer);
        return Optional.of(new Stream(key, writer));
    }

    @Override
    public List<Path> write(Path directory, Outcome outcome) throws IOException {
        StreamingStanCsvWriter streamed = streaming.remove(key(directory));
        if (!(outcome instanceof FitOutcome fit) || !fit.hasDraws()) {
            return List.of();
        }
        if (streamed != null && streamed.isComplete() && !fit.request().predict()) {
            return streamed.files();
        }
        List<Path> rewritten = new StanCsvWriter(header(fit.request(), fit.modelName(), fit.datasetSource()))
                .writeAll(directory, fit.draws());
        if (streamed != null) {
            for (Path partial : streamed.files()) {
                if (!rewritten.contains(partial)) {
                    Files.deleteIfExists(partial);
                }
            }
        }
        return rewritten;
    }

    private static StanCsvHeader header(FitRequest request, String model, String datasetSource) {
        return new StanCsvHeader(model, Optional.of(datasetSource), request.seed(), request.warmup());
    }

    private static Path key(Path directory) {
        return directory.toAbsolutePath().normalize();
    }

    /** One run's stream: the Stan CSV files as they are drawn. */
    private final class Stream implements StreamingOutput {
        private final Path key;
        private final StreamingStanCsvWriter writer;

        Stream(Path key, StreamingStanCsvWriter writer) {
            this.key = key;
            this.writer = writer;
        }

        @Override
        public void onStart(SamplingStart start) {
            writer.onStart(start);
        }

        @Override
        public void onWarmupEnd(int chain, Optional<ChainReport.Adaptation> adaptation) {
            writer.onWarmupEnd(chain, adaptation);
        }

        @Override
        public void onDraw(int chain, int iteration, boolean warmup, double[] values, double[] samplerStatistics) {
            writer.onDraw(chain, iteration, warmup, values, samplerStatistics);
        }

        @Override
        public void onChainEnd(int chain, ChainReport report) {
            writer.onChainEnd(chain, report);
        }

        @Override
        public void close() {
            writer.close();
        }

        @Override
        public void discard() {
            writer.close();
            streaming.remove(key, writer);
            // fewer than two draws a chain: files no reader takes
            for (Path file : writer.files()) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    LOG.warn("cannot delete {}: {}", file, e.getMessage());
                }
            }
        }
    }
}
