package org.muster.app.internal.run;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
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
 * chain ends. Each chain is written on its own thread into its own file, in whole lines, at least once
 * a second, so a kill (even {@code kill -9}) loses at most the last second of draws and never leaves half
 * a line. A chain whose file cannot be written is
 * logged and skipped; {@link #isComplete()} then says the files must be written again from the fit.
 */
public final class StreamingStanCsvWriter implements FitListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamingStanCsvWriter.class);
    private static final long FLUSH_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final int MAX_PENDING_CHARS = 1 << 16;

    private final Path directory;
    private final StanCsvWriter csv;
    private volatile SamplingStart run;
    private volatile ChainFile[] files = new ChainFile[0];

    /**
     * One chain's open file; touched by that chain's thread only, until {@link #close()}. Text is gathered
     * in {@code pending} and handed to the file whole, one write per flush, so the file always ends at a
     * line's end: a buffered writer would flush whenever its buffer fills, mid-line.
     */
    private static final class ChainFile {
        final Path path;
        final OutputStream file;
        final StringWriter pending = new StringWriter();
        final StanCsvWriter.ChainWriter writer;
        long lastFlush = System.nanoTime();
        int draws;
        boolean ended;
        boolean failed;

        ChainFile(Path path, OutputStream file, StanCsvWriter csv, int chain, SamplingStart run) {
            this.path = path;
            this.file = file;
            this.writer = csv.open(pending, chain, run);
        }

        void flush() throws IOException {
            StringBuffer text = pending.getBuffer();
            if (text.length() > 0) {
                file.write(text.toString().getBytes(StandardCharsets.UTF_8));
                file.flush();
                text.setLength(0);
            }
            lastFlush = System.nanoTime();
        }

        boolean flushDue() {
            return pending.getBuffer().length() >= MAX_PENDING_CHARS || System.nanoTime() - lastFlush >= FLUSH_INTERVAL_NANOS;
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

    /** The columns streamed: the model's outputs, as the run announced them; empty before it starts. */
    public List<String> variables() {
        return run == null ? List.of() : run.variables();
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
            ChainFile file = new ChainFile(path, Files.newOutputStream(path), csv, chain, current);
            files[chain] = file;
            file.writer.begin(adaptation);
            file.flush();
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
            if (file.flushDue()) {
                file.flush();
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
            file.flush();
            file.file.close();
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
            file.file.close();
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
                    file.flush();
                    file.file.close();
                } catch (IOException e) {
                    LOG.debug("closing " + file.path, e);
                }
            }
        }
    }
}
