package org.muster.app.internal.run;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.muster.core.api.ChainReport;
import org.muster.core.spi.FitListener;
import org.muster.core.spi.SamplingStart;
import org.muster.diagnostics.api.StanCsvWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each chain's Stan CSV file ({@code draws_1.csv}, ...) while the chains run, so a run killed
 * half-way leaves valid files holding every draw completed and flushed: the configuration, header row and
 * adaptation block when warmup ends (as CmdStan does), one row per kept draw, the timing footer when the
 * chain ends. Each chain is written on its own thread into its own file and flushed at least once a
 * second, so a kill loses at most the last second of draws. A chain whose file cannot be written is
 * logged and skipped; {@link #isComplete()} then says the files must be written again from the fit.
 */
public final class StreamingStanCsvWriter implements FitListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamingStanCsvWriter.class);
    private static final long FLUSH_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Path directory;
    private final StanCsvWriter csv;
    private volatile SamplingStart run;
    private volatile ChainFile[] files = new ChainFile[0];

    /** One chain's open file; touched by that chain's thread only, until {@link #close()}. */
    private static final class ChainFile {
        final Path path;
        final Writer out;
        final StanCsvWriter.ChainWriter writer;
        long lastFlush = System.nanoTime();
        int draws;
        boolean ended;
        boolean failed;

        ChainFile(Path path, Writer out, StanCsvWriter.ChainWriter writer) {
            this.path = path;
            this.out = out;
            this.writer = writer;
        }
    }

    /**
     * @param directory where the files go; must exist
     * @param csv the writer whose layout the files follow
     */
    public StreamingStanCsvWriter(Path directory, StanCsvWriter csv) {
        this.directory = directory;
        this.csv = csv;
    }

    @Override
    public void onStart(SamplingStart start) {
        this.files = new ChainFile[start.chains()];
        this.run = start;
    }

    @Override
    public void onWarmupEnd(int chain, Optional<ChainReport.Adaptation> adaptation) {
        SamplingStart current = run;
        if (current == null) {
            return;
        }
        Path path = directory.resolve(StanCsvWriter.fileName(chain + 1));
        try {
            Writer out = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
            ChainFile file = new ChainFile(path, out, csv.open(out, chain, current));
            files[chain] = file;
            file.writer.begin(adaptation);
            out.flush();
        } catch (IOException e) {
            LOG.warn("cannot write {} while sampling: {}", path, e.getMessage());
            LOG.debug("writing " + path, e);
        }
    }

    @Override
    public void onDraw(int chain, int iteration, boolean warmup, double[] values, double[] samplerStatistics) {
        ChainFile file = chain < files.length ? files[chain] : null;
        if (warmup || file == null || file.failed) {
            return;
        }
        try {
            file.writer.draw(samplerStatistics, values);
            file.draws++;
            long now = System.nanoTime();
            if (now - file.lastFlush >= FLUSH_INTERVAL_NANOS) {
                file.out.flush();
                file.lastFlush = now;
            }
        } catch (IOException e) {
            fail(file, e);
        }
    }

    @Override
    public void onChainEnd(int chain, ChainReport report) {
        ChainFile file = chain < files.length ? files[chain] : null;
        if (file == null || file.failed) {
            return;
        }
        try {
            file.writer.end(report);
            file.out.close();
            file.ended = true;
        } catch (IOException e) {
            fail(file, e);
        }
    }

    private static void fail(ChainFile file, IOException e) {
        file.failed = true;
        LOG.warn("cannot write {} while sampling: {}", file.path, e.getMessage());
        LOG.debug("writing " + file.path, e);
        try {
            file.out.close();
        } catch (IOException ignored) {
            // already reported the first failure
        }
    }

    /**
     * Whether every chain's file was written through to its footer with all the planned draws: then the
     * files are exactly what {@link StanCsvWriter#writeAll} would write for the fit, and need no rewriting.
     * Call after the fit has returned.
     */
    public boolean isComplete() {
        SamplingStart current = run;
        if (current == null || files.length == 0) {
            return false;
        }
        for (ChainFile file : files) {
            if (file == null || file.failed || !file.ended || file.draws != current.draws()) {
                return false;
            }
        }
        return true;
    }

    /** The files written so far, in chain order. */
    public List<Path> files() {
        List<Path> paths = new ArrayList<>();
        for (ChainFile file : files) {
            if (file != null) {
                paths.add(file.path);
            }
        }
        return paths;
    }

    /** Closes files left open by chains that did not end (a failed fit). */
    @Override
    public void close() {
        for (ChainFile file : files) {
            if (file != null && !file.ended && !file.failed) {
                try {
                    file.out.close();
                } catch (IOException e) {
                    LOG.debug("closing " + file.path, e);
                }
            }
        }
    }
}
