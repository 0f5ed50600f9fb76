package org.muster.app.internal.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import me.tongfei.progressbar.InteractiveConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * One progress bar over many fits (simulations, segments) on standard error: fits done of all, the
 * failures so far, the time left. Shown only on a terminal and not with {@code --quiet}, as
 * {@link ProgressDisplay} is. Thread-safe: fits report from their own threads.
 */
final class CountProgress implements AutoCloseable {

    private static final int REFRESH_MILLIS = 250;

    private final ProgressBar bar;
    private final PrintStream stream;
    private final String failureWord;
    private int failures;

    private CountProgress(ProgressBar bar, PrintStream stream, String failureWord) {
        this.bar = bar;
        this.stream = stream;
        this.failureWord = failureWord;
    }

    /**
     * A bar on {@code err} when standard error is a terminal and not {@code quiet}, else one that shows nothing.
     *
     * @param task what is counted, e.g. {@code simulations}
     * @param failureWord how a failed fit is called in the bar, e.g. {@code failed}
     */
    static CountProgress on(PrintWriter err, boolean quiet, String task, long total, String failureWord) {
        if (quiet || System.console() == null) {
            return new CountProgress(null, null, failureWord);
        }
        return shown(err, task, total, failureWord);
    }

    /** A bar on {@code err} whatever it is. */
    static CountProgress shown(PrintWriter err, String task, long total, String failureWord) {
        PrintStream stream = new PrintStream(new ProgressDisplay.WriterOutputStream(err), true, StandardCharsets.UTF_8);
        ProgressBar bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(REFRESH_MILLIS).setConsumer(new InteractiveConsoleProgressBarConsumer(stream))
                .build();
        return new CountProgress(bar, stream, failureWord);
    }

    /** One fit is done; {@code failed} if it gave an error instead of a result. */
    synchronized void done(boolean failed) {
        if (bar == null) {
            return;
        }
        if (failed) {
            failures++;
            bar.setExtraMessage(failures + " " + failureWord);
        }
        bar.step();
    }

    /** Stops the bar, leaving its last state on screen. */
    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
            stream.flush();
        }
    }
}
