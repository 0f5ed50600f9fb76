package org.muster.app.internal.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import me.tongfei.progressbar.InteractiveConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.muster.core.spi.FitListener;
import org.muster.core.spi.SamplingStart;

/**
 * One progress bar per chain on standard error: iterations done of warmup plus draws, the phase, the
 * divergent transitions after warmup so far (those are the ones that bias the draws), and the time left.
 * Bars are redrawn by the library's timer thread; the chains only record counts, so a bar costs a chain
 * a few field writes per iteration.
 */
final class ProgressDisplay implements FitListener, AutoCloseable {

    private static final int REFRESH_MILLIS = 250;

    private final PrintStream stream;
    private final List<ProgressBar> bars = new ArrayList<>();
    private volatile int divergentColumn = -1;
    private int[] divergences = new int[0];
    private boolean[] sampling = new boolean[0];

    private ProgressDisplay(PrintWriter err) {
        this.stream = new PrintStream(new WriterOutputStream(err), true, StandardCharsets.UTF_8);
    }

    /** Bars on {@code err} when standard error is a terminal and not {@code quiet}; otherwise nothing. */
    static FitListener on(PrintWriter err, boolean quiet) {
        return quiet || System.console() == null ? FitListener.NONE : shown(err);
    }

    /** Bars on {@code err} whatever it is. */
    static ProgressDisplay shown(PrintWriter err) {
        return new ProgressDisplay(err);
    }

    @Override
    public synchronized void onStart(SamplingStart start) {
        divergentColumn = start.statistics().indexOf("divergent__");
        divergences = new int[start.chains()];
        sampling = new boolean[start.chains()];
        for (int c = 0; c < start.chains(); c++) {
            bars.add(new ProgressBarBuilder()
                    .setTaskName("chain " + (c + 1))
                    .setInitialMax(start.warmup() + (long) start.draws())
                    .setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(REFRESH_MILLIS)
                    .setConsumer(new InteractiveConsoleProgressBarConsumer(stream))
                    .build()
                    .setExtraMessage(start.warmup() > 0 ? "warmup" : "sampling"));
        }
    }

    @Override
    public void onDraw(int chain, int iteration, boolean warmup, double[] values, double[] samplerStatistics) {
        int column = divergentColumn;
        if (chain >= bars.size()) {
            return;
        }
        boolean changed = false;
        if (!warmup && !sampling[chain]) {
            sampling[chain] = true;
            changed = true;
        }
        if (!warmup && column >= 0 && samplerStatistics[column] != 0) {
            divergences[chain]++;
            changed = true;
        }
        ProgressBar bar = bars.get(chain);
        if (changed) {
            bar.setExtraMessage("sampling" + (column >= 0 ? ", " + divergences[chain] + " divergent" : ""));
        }
        bar.stepTo(iteration);
    }

    /** Stops the bars, leaving their last state on screen. */
    @Override
    public synchronized void close() {
        for (ProgressBar bar : bars) {
            bar.close();
        }
        bars.clear();
        stream.flush();
    }

    /** Hands the bars' bytes to the command's error writer, so nothing but {@code Main} touches System.err. */
    static final class WriterOutputStream extends OutputStream {
        private final PrintWriter writer;

        WriterOutputStream(PrintWriter writer) {
            this.writer = writer;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            // PrintStream encodes whole strings, so each write ends on a character boundary
            writer.write(new String(bytes, offset, length, StandardCharsets.UTF_8));
        }

        @Override
        public void flush() {
            writer.flush();
        }
    }
}
