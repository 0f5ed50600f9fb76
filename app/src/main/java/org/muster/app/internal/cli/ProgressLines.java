package org.muster.app.internal.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.LongSupplier;
import org.muster.core.spi.FitListener;
import org.muster.core.spi.SamplingStart;

/**
 * Progress for a standard error that is not a terminal (a log file, a pipe, a batch system): one plain line
 * every interval (5 s by default), never a redrawn bar. A line says how long the run has gone, the phase
 * (warmup while any chain is in warmup, then sampling; after the chains, what the command says it is doing:
 * the summaries, writing the files) and, while chains run, the iterations done in all and per chain, e.g.
 * {@code muster: 10 s: warmup, 230 of 800 iterations (chain 1 120/400, chain 2 110/400)}. A run shorter than
 * one interval prints nothing. The chains only write counters; a daemon thread (or, in tests, whoever calls
 * {@link #tick}) prints.
 */
final class ProgressLines implements FitListener, AutoCloseable {

    /** The default interval between lines. */
    static final long INTERVAL_NANOS = 5_000_000_000L;

    private final PrintWriter err;
    private final LongSupplier clock;
    private final long interval;
    private final long start;
    private long next;
    private volatile AtomicIntegerArray done = new AtomicIntegerArray(0);
    private volatile AtomicIntegerArray inWarmup = new AtomicIntegerArray(0);
    private volatile int perChain;
    private volatile String phase = "starting";
    private final java.util.concurrent.atomic.AtomicInteger ended = new java.util.concurrent.atomic.AtomicInteger();
    private Thread thread;

    /**
     * @param clock nanoseconds, as {@link System#nanoTime}
     * @param interval nanoseconds between lines
     */
    ProgressLines(PrintWriter err, LongSupplier clock, long interval) {
        this.err = err;
        this.clock = clock;
        this.interval = interval;
        this.start = clock.getAsLong();
        this.next = start + interval;
    }

    /** The system property that sets another interval, in seconds (for tests and impatient logs). */
    static final String INTERVAL_PROPERTY = "muster.progress.interval";

    /**
     * Lines every {@link #INTERVAL_NANOS} (or {@value #INTERVAL_PROPERTY} seconds) on the system clock,
     * printed by a daemon thread until {@link #close}.
     */
    static ProgressLines started(PrintWriter err) {
        long interval = INTERVAL_NANOS;
        String property = System.getProperty(INTERVAL_PROPERTY);
        if (property != null) {
            try {
                interval = Math.max(1_000_000L, (long) (Double.parseDouble(property) * 1e9));
            } catch (NumberFormatException e) {
                // not a number: the default
            }
        }
        long sleep = Math.max(1, Math.min(250, interval / 4_000_000L));
        ProgressLines lines = new ProgressLines(err, System::nanoTime, interval);
        Thread thread = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(sleep);
                    lines.tick();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "muster-progress");
        thread.setDaemon(true);
        lines.thread = thread;
        thread.start();
        return lines;
    }

    /** What the run does now, once the chains are done (e.g. {@code summaries}, {@code writing the files}). */
    void phase(String phase) {
        this.phase = phase;
    }

    @Override
    public void onStart(SamplingStart start) {
        AtomicIntegerArray warmup = new AtomicIntegerArray(start.chains());
        for (int c = 0; c < start.chains(); c++) {
            warmup.set(c, start.warmup() > 0 ? 1 : 0);
        }
        perChain = start.warmup() + start.draws();
        inWarmup = warmup;
        done = new AtomicIntegerArray(start.chains());
        phase = "chains";
    }

    @Override
    public void onChainEnd(int chain, org.muster.core.api.ChainReport report) {
        if (ended.incrementAndGet() == done.length()) {
            phase = "summaries";
        }
    }

    @Override
    public void onIteration(int chain, int iteration, int totalIterations, boolean warmup) {
        AtomicIntegerArray counts = done;
        if (chain < counts.length()) {
            counts.lazySet(chain, iteration);
            if (!warmup) {
                inWarmup.lazySet(chain, 0);
            }
        }
    }

    /** Prints a line if an interval has passed since the last one (or since the start). */
    synchronized void tick() {
        long now = clock.getAsLong();
        if (now < next) {
            return;
        }
        // one line per interval: a late tick does not print the intervals it missed
        next = now + interval;
        err.println(line(now));
        err.flush();
    }

    private String line(long now) {
        StringBuilder text = new StringBuilder("muster: ").append(elapsed(now - start)).append(": ");
        AtomicIntegerArray counts = done;
        if (!phase.equals("chains") || counts.length() == 0) {
            return text.append(phase).toString();
        }
        boolean warmup = false;
        long total = 0;
        StringBuilder chains = new StringBuilder();
        for (int c = 0; c < counts.length(); c++) {
            warmup |= inWarmup.get(c) != 0;
            total += counts.get(c);
            chains.append(c == 0 ? "" : ", ").append("chain ").append(c + 1).append(' ').append(counts.get(c))
                    .append('/').append(perChain);
        }
        return text.append(warmup ? "warmup" : "sampling").append(", ").append(total).append(" of ")
                .append((long) perChain * counts.length()).append(" iterations (").append(chains).append(')').toString();
    }

    /** Whole seconds, with minutes and hours past a minute: {@code 7 s}, {@code 9 min 05 s}, {@code 1 h 02 min}. */
    static String elapsed(long nanos) {
        long seconds = nanos / 1_000_000_000L;
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, seconds % 3600 / 60);
    }

    @Override
    public void close() {
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
